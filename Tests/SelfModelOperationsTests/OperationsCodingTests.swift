import Foundation
import SelfModel
import SelfModelOperations
import SelfModelStore
import Testing

/// One JSON coding: dates round-trip bit for bit, requests decode with their defaults.
@Suite struct OperationsCodingTests {
  @Test(arguments: [
    790_000_000.25, 790_000_000.123456789, -1.5, 0, 1e-7, 978_307_200.000_001, 5e9 + 0.1,
  ])
  func datesRoundTripExactly(_ seconds: Double) throws {
    let request = RecordRequest(
      user: "u",
      evidence: [OperationsFixture.item("e", at: Date(timeIntervalSinceReferenceDate: seconds))])
    let data = try OperationCoding.encoder().encode(request)
    let back = try OperationCoding.decoder().decode(RecordRequest.self, from: data)
    let date = try #require(back.evidence.first?.observedAt)
    #expect(date.timeIntervalSinceReferenceDate.bitPattern == seconds.bitPattern)
  }

  @Test func aRequestTakesItsDefaultsWhenFieldsAreAbsent() throws {
    let data = Data(#"{"user": "user-1"}"#.utf8)
    let request = try OperationCoding.decoder().decode(PromptRequest.self, from: data)
    #expect(request == PromptRequest(user: "user-1"))
    let text = Data(#"{"user": "u", "evidence": []}"#.utf8)
    #expect(try OperationCoding.decoder().decode(RecordRequest.self, from: text).level == nil)
  }

  @Test func aDateSentAsANumberIsRefused() throws {
    let data = Data(
      #"{"user":"u","evidence":[{"id":"e","belief":"b","content":{"outcome":"true"},"source":"s","observedAt":788918400}]}"#
        .utf8)
    do {
      let request = try OperationCoding.decoder().decode(RecordRequest.self, from: data)
      Issue.record("a number decoded as \(String(describing: request.evidence.first?.observedAt))")
    } catch DecodingError.typeMismatch(let type, let context) {
      #expect(type is String.Type)
      #expect(context.codingPath.last?.stringValue == "observedAt")
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func aBadDateNamesItsText() throws {
    let data = Data(
      #"{"user":"u","evidence":[{"id":"e","belief":"b","content":{"outcome":"true"},"source":"s","observedAt":"yesterday"}]}"#
        .utf8)
    do {
      _ = try OperationCoding.decoder().decode(RecordRequest.self, from: data)
      Issue.record("a bad date decoded")
    } catch let DecodingError.dataCorrupted(context) {
      #expect(context.debugDescription.contains("yesterday"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func everyRequestNamesItsCredibleLevelLevelAndTheOldNameIsRefused() throws {
    let rank = RankRequest(
      user: "u",
      candidates: [
        try Candidate(
          id: "short", stances: [try Stance(belief: "preference.concise", asserts: .holds)])
      ], level: 0.8)
    let text = String(decoding: try OperationCoding.encoder().encode(rank), as: UTF8.self)
    #expect(text.contains(#""level":0.8"#))
    #expect(!text.contains("credibleLevel"))
    #expect(try OperationCoding.decoder().decode(RankRequest.self, from: Data(text.utf8)) == rank)
    // The earlier name is refused with a message that names the new one, not ignored (which
    // would answer at the default level without a word).
    let old = text.replacingOccurrences(of: #""level":"#, with: #""credibleLevel":"#)
    do {
      _ = try OperationCoding.decoder().decode(RankRequest.self, from: Data(old.utf8))
      Issue.record("credibleLevel was accepted")
    } catch let DecodingError.dataCorrupted(context) {
      #expect(context.debugDescription.contains("named level"))
      #expect(context.codingPath.last?.stringValue == "credibleLevel")
    }
  }
}
