import Foundation
import HTTPTypes
import HummingbirdTesting
import SelfModel
import SelfModelOperations
import Testing

@testable import SelfModelHTTP

@Suite struct EvidenceRoutesTests {
  @Test func aBatchIsRecordedWithHowEachBeliefMoved() async throws {
    try await Harness.make().run { client in
      _ = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      let batch = [
        evidenceJSON(id: "e1"),
        evidenceJSON(id: "e2", belief: "preference.tone", outcome: "casual"),
      ].joined(separator: ",")
      let response = try await client.send(
        .post, "/v1/users/u1/evidence", json: #"{"evidence": [\#(batch)]}"#)
      #expect(response.status == .ok)
      let result = try decode(ObservationResponse.self, response)
      #expect(result.recorded == ["e1", "e2"])
      #expect(result.duplicates.isEmpty)
      let concise = try #require(result.changes.first { $0.belief == "preference.concise" })
      #expect(concise.before.outcomes[0].probability == 0.5)
      #expect(concise.after.outcomes[0].probability > concise.before.outcomes[0].probability)
      #expect(concise.shifts.map(\.outcome) == ["true", "false"])
      #expect(text(response).contains(#""evaluatedAt":"\#(Harness.nowText)""#))
    }
  }

  @Test func aRetriedBatchWritesNothingAndReportsDuplicates() async throws {
    try await Harness.make().run { client in
      _ = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      let body = #"{"evidence": [\#(evidenceJSON(id: "e1")), \#(evidenceJSON(id: "e2"))]}"#
      let first = try decode(
        ObservationResponse.self, try await client.send(.post, "/v1/users/u1/evidence", json: body))
      let retry = try await client.send(.post, "/v1/users/u1/evidence", json: body)
      #expect(retry.status == .ok)
      let second = try decode(ObservationResponse.self, retry)
      #expect(first.recorded == ["e1", "e2"])
      #expect(second.recorded.isEmpty)
      #expect(second.duplicates == ["e1", "e2"])
      let summary = try decode(UserSummary.self, try await client.send(.get, "/v1/users/u1"))
      #expect(summary.evidenceCount == 2)
    }
  }

  @Test func forgettingAnItemOrASourceLeavesNoTraceInTheExport() async throws {
    try await Harness.make().run { client in
      _ = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      let items = [
        evidenceJSON(id: "secret-1"), evidenceJSON(id: "click-1", source: "clicks"),
        evidenceJSON(id: "click-2", outcome: "false", source: "clicks"),
        evidenceJSON(id: "kept-1"),
      ].joined(separator: ",")
      _ = try await client.send(.post, "/v1/users/u1/evidence", json: #"{"evidence": [\#(items)]}"#)

      let one = try await client.send(.delete, "/v1/users/u1/evidence/secret-1")
      #expect(one.status == .ok)
      #expect(
        try decode(ForgetResponse.self, one) == ForgetResponse(user: "u1", forgotten: ["secret-1"]))
      let source = try await client.send(.delete, "/v1/users/u1/sources/clicks/evidence")
      #expect(
        try decode(ForgetResponse.self, source)
          == ForgetResponse(user: "u1", forgotten: ["click-1", "click-2"]))

      let export = text(try await client.send(.get, "/v1/users/u1/export"))
      for trace in ["secret-1", "note of secret-1", "click-1", "click-2", "note of click-2"] {
        #expect(!export.contains(trace), "export still holds \(trace)")
      }
      #expect(export.contains("kept-1"))
      let again = try await client.send(.delete, "/v1/users/u1/evidence/secret-1")
      #expect(again.status == .notFound)
      #expect(try problem(again).code == "evidenceNotFound")
    }
  }
}
