import Foundation
import SelfModel
import SelfModelOperations
import SelfModelStore
import SelfModelTesting
import Testing

/// `OperationCoding.encode` writes the answers of writes and of estimates without
/// `JSONEncoder`; these tests hold it to the encoder's bytes, on real responses and on random
/// ones whose numbers and strings reach every case of the writer.
@Suite struct ResponseJSONWriterTests {
  private func encoderBytes(_ value: some Encodable) throws -> String {
    String(decoding: try OperationCoding.encoder().encode(value), as: UTF8.self)
  }

  private func writerBytes(_ value: some Encodable) throws -> String {
    String(decoding: try OperationCoding.encode(value), as: UTF8.self)
  }

  @Test func realAnswersOfWritesAndEstimatesAreTheEncodersBytes() async throws {
    let (store, folder) = try await OperationsFixture.fileStore()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let operations = Operations(store: store)
    let items = [
      OperationsFixture.item("a"), OperationsFixture.item("b", holds: false),
      Evidence(
        id: "c", belief: "preference.tone", content: .outcome("casual"), source: "reactions",
        observedAt: OperationsFixture.now),
    ]
    for level in [nil, 0.5, 0.99] {
      var request = RecordRequest(user: "user-1", evidence: items)
      request.level = level
      let response = try await operations.record(request, at: OperationsFixture.now)
      #expect(try writerBytes(response) == encoderBytes(response))
      let estimates = try await operations.estimates(
        EstimatesRequest(user: "user-1"), at: OperationsFixture.now)
      #expect(try writerBytes(estimates) == encoderBytes(estimates))
    }
    await store.shutdown()
  }

  /// Random responses, decoded from JSON the test writes: any finite double (random bit
  /// patterns, integers, tiny and huge values, negative zero), strings with quotes,
  /// backslashes, slashes, every control character and non-ASCII text, optionals present and
  /// absent.
  @Test(arguments: 0..<4)
  func randomAnswersAreTheEncodersBytes(seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    for _ in 0..<150 {
      let changes = (0..<Int.random(in: 0...3, using: &random)).map { _ in
        change(&random)
      }
      let json =
        "{\"changes\":[\(changes.joined(separator: ","))],\"duplicates\":[\"d-1\"],"
        + "\"recorded\":[\"r-1\",\"r/2\"]}"
      let response = try OperationCoding.decoder().decode(
        ObservationResponse.self, from: Data(json.utf8))
      #expect(try writerBytes(response) == encoderBytes(response))
      let estimates = EstimatesResponse(
        user: "user-1", estimates: response.changes.flatMap { [$0.before, $0.after] })
      #expect(try writerBytes(estimates) == encoderBytes(estimates))
    }
  }

  @Test func aNumberTheEncoderRefusesIsRefusedTheSameWay() throws {
    let json = #"{"lower": 0.1, "upper": 0.2}"#
    let interval = try JSONDecoder().decode(CredibleInterval.self, from: Data(json.utf8))
    #expect(interval.level == nil)
    // A response holding a NaN: the writer steps aside, and the encoder's error reaches the
    // caller.
    var random = SeededRandom(seed: 9)
    let text = change(&random).replacingOccurrences(
      of: "\"uncertaintyShift\":", with: "\"uncertaintyShift\":\"inf\",\"ignored\":")
    let decoder = OperationCoding.decoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let response = try decoder.decode(
      ObservationResponse.self,
      from: Data("{\"changes\":[\(text)],\"duplicates\":[],\"recorded\":[]}".utf8))
    #expect(response.changes[0].uncertaintyShift.isInfinite)
    #expect(throws: EncodingError.self) { try OperationCoding.encode(response) }
  }

  // MARK: - Random JSON

  private func change(_ random: inout SeededRandom) -> String {
    let outcomes = (0..<Int.random(in: 1...3, using: &random)).map { _ in text(&random) }
    let shifts = outcomes.map {
      "{\"outcome\":\(quoted($0)),\"before\":\(number(&random)),\"after\":\(number(&random)),"
        + "\"shift\":\(number(&random))}"
    }
    return "{\"belief\":\"preference.tone\",\"shifts\":[\(shifts.joined(separator: ","))],"
      + "\"uncertaintyShift\":\(number(&random)),"
      + "\"before\":\(estimate(outcomes, &random)),\"after\":\(estimate(outcomes, &random))}"
  }

  private func estimate(_ outcomes: [String], _ random: inout SeededRandom) -> String {
    let rows = outcomes.map { name -> String in
      let level = Bool.random(using: &random) ? "\"level\":\(number(&random))," : ""
      return "{\"outcome\":\(quoted(name)),\"probability\":\(number(&random)),"
        + "\"interval\":{\(level)\"lower\":\(number(&random)),\"upper\":\(number(&random))},"
        + "\"baseRate\":\(number(&random)),\"evidence\":\(number(&random))}"
    }
    let context = Bool.random(using: &random) ? "\"context\":\"surface:onboarding\"," : ""
    let opinion =
      Bool.random(using: &random)
      ? "\"opinion\":{\"belief\":0.25,\"disbelief\":0.5,\"uncertainty\":0.25,\"baseRate\":0.5},"
      : ""
    let seconds = Double.random(in: -4e9...4e9, using: &random)
    let date = Timestamp.string(from: Date(timeIntervalSinceReferenceDate: seconds))
    return "{\"belief\":\"preference.tone\",\(context)\(opinion)\"evaluatedAt\":\"\(date)\","
      + "\"mostLikely\":\(quoted(outcomes[0])),\"confidence\":\(number(&random)),"
      + "\"uncertainty\":\(number(&random)),\"totalEvidence\":\(number(&random)),"
      + "\"priorWeight\":\(number(&random)),\"outcomes\":[\(rows.joined(separator: ","))]}"
  }

  /// A finite double, written as Swift writes it (JSON reads every such form back exactly).
  private func number(_ random: inout SeededRandom) -> String {
    let value: Double
    switch Int.random(in: 0..<6, using: &random) {
    case 0:
      value =
        Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF)
        * (Bool.random(using: &random) ? 1 : -1)
    case 1: value = Double(Int.random(in: -1_000_000...1_000_000, using: &random))
    case 2: value = Double.random(in: 0...1, using: &random)
    case 3:
      value =
        [0.0, -0.0, 1e16, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e21][
          Int.random(in: 0..<7, using: &random)]
    case 4: value = Double.random(in: -1e300...1e300, using: &random)
    default: value = Double(Int.random(in: 0...100, using: &random)) / 10
    }
    return "\(value)"
  }

  /// A string with escapes, slashes, control characters and non-ASCII text in it.
  private func text(_ random: inout SeededRandom) -> String {
    let pieces = [
      "formal", "a\"b", "back\\slash", "a/b", "tab\there", "line\nbreak", "\u{0}", "\u{1f}",
      "\u{7f}", "\u{8}\u{c}\r", "é", "😀", "\u{2028}", "casual",
    ]
    return (0..<Int.random(in: 1...3, using: &random)).map { _ in
      pieces[Int.random(in: 0..<pieces.count, using: &random)]
    }.joined()
  }

  /// `text` as a JSON string, written by JSONSerialization (not by the code under test).
  private func quoted(_ text: String) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: [text], options: [])) ?? Data()
    return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
  }
}
