import Foundation
import HTTPTypes
import HummingbirdTesting
import SelfModel
import SelfModelOperations
import Testing

@testable import SelfModelHTTP

@Suite struct ReadRoutesTests {
  @Test func estimatesComeForEveryBeliefOrTheOnesNamedInOrder() async throws {
    try await Harness.make().run { client in
      try await client.seed("u1", evidence: ["e1", "e2"])
      let all = try await client.send(.get, "/v1/users/u1/estimates")
      #expect(all.status == .ok)
      let every = try decode(EstimatesResponse.self, all)
      #expect(every.user == "u1")
      #expect(every.estimates.map(\.belief) == ["preference.concise", "preference.tone"])
      let concise = every.estimates[0]
      #expect(concise.mostLikely == "true")
      #expect(concise.outcomes.map(\.outcome) == ["true", "false"])
      #expect(concise.outcomes[0].interval.level == BeliefEstimate.defaultCredibleLevel)
      #expect(concise.evaluatedAt == Harness.now)

      let chosen = try decode(
        EstimatesResponse.self,
        try await client.send(
          .get,
          "/v1/users/u1/estimates?belief=preference.tone&belief=preference.concise&level=0.5"))
      #expect(chosen.estimates.map(\.belief) == ["preference.tone", "preference.concise"])
      #expect(chosen.estimates[1].outcomes[0].interval.level == 0.5)
      #expect(chosen.estimates[1] != concise)
    }
  }

  @Test func anExplanationListsEachItemsPart() async throws {
    try await Harness.make().run { client in
      try await client.seed("u1", evidence: ["e1", "e2"])
      let response = try await client.send(
        .get, "/v1/users/u1/beliefs/preference.concise/explanation")
      #expect(response.status == .ok)
      let explanation = try decode(ExplanationResponse.self, response)
      #expect(explanation.estimate.belief == "preference.concise")
      #expect(Set(explanation.contributions.map(\.evidence)) == ["e1", "e2"])
      let first = try #require(explanation.contributions.first)
      #expect(first.source == "user")
      #expect(first.outcomes.map(\.outcome) == ["true", "false"])
      #expect(first.outcomes[0].probabilityShift > 0)
      #expect(text(response).contains(#""observedAt":"2025-12-31T00:00:00Z""#))
      let one = try decode(
        ExplanationResponse.self,
        try await client.send(.get, "/v1/users/u1/beliefs/preference.concise/explanation?limit=1"))
      #expect(one.contributions == [first])
    }
  }
}
