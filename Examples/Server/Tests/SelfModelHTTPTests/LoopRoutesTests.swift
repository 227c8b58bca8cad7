import Foundation
import HTTPTypes
import HummingbirdTesting
import SelfModel
import SelfModelOperations
import Testing

@testable import SelfModelHTTP

@Suite struct LoopRoutesTests {
  static let candidateList = #"""
    [
      {"id": "long", "label": "Long", "stances": [
        {"belief": "preference.concise", "assertion": {"outcome": "false"}, "importance": 1}]},
      {"id": "short", "label": "Short", "stances": [
        {"belief": "preference.concise", "assertion": {"outcome": "true"}, "importance": 1}]}
    ]
    """#
  static let candidates = #"{"candidates": \#(candidateList)}"#

  @Test func candidatesAreRankedByAlignmentBestFirst() async throws {
    try await Harness.make().run { client in
      try await client.seed("u1", evidence: ["e1", "e2", "e3"])
      let response = try await client.send(.post, "/v1/users/u1/rankings", json: Self.candidates)
      #expect(response.status == .ok)
      let ranking = try decode(RankingResponse.self, response)
      #expect(ranking.ranked.map(\.report.candidate) == ["short", "long"])
      #expect(ranking.ranked.map(\.rank) == [1, 2])
      #expect(ranking.ranked[0].report.score > 0)
      #expect(ranking.ranked[0].report.supporting.map(\.belief) == ["preference.concise"])
    }
  }

  @Test func nextQuestionsNameOutcomesAndFavourTheUnknownBelief() async throws {
    try await Harness.make().run { client in
      try await client.seed("u1", evidence: ["e1", "e2", "e3"])
      let response = try await client.send(.get, "/v1/users/u1/next-questions?limit=1")
      #expect(response.status == .ok)
      let next = try decode(NextQuestionsResponse.self, response)
      let question = try #require(next.questions.first)
      #expect(next.questions.count == 1)
      #expect(question.belief == "preference.tone")
      #expect(question.form == "whichOutcome")
      #expect(question.outcomes.map(\.outcome) == ["formal", "casual", "playful"])
      #expect(question.importance == 2)
      #expect(question.expectedInformationGain > 0)
    }
  }

  @Test func thePromptContextSelectsAndRendersBeliefs() async throws {
    try await Harness.make().run { client in
      try await client.seed("u1", evidence: ["e1", "e2", "e3"])
      let response = try await client.send(
        .post, "/v1/users/u1/context", json: #"{"tags": ["style"], "budget": {"beliefs": 5}}"#)
      #expect(response.status == .ok)
      let context = try decode(PromptContext.self, response)
      #expect(context.entries.map(\.key) == ["preference.concise"])
      #expect(context.entries[0].outcome == "true")
      #expect(!context.text.isEmpty)
      #expect(text(response).contains(#""evaluatedAt":"\#(Harness.nowText)""#))
    }
  }

  @Test func aReactionBecomesEvidenceOnceEvenWhenRetried() async throws {
    let body = #"""
      {"response": {"id": "req-1", "candidates": \#(Self.candidateList)},
       "reaction": {"candidate": "short", "kind": {"accepted": {}},
                    "observedAt": "2025-12-31T12:00:00Z"}}
      """#
    try await Harness.make().run { client in
      _ = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      let response = try await client.send(.post, "/v1/users/u1/reactions", json: body)
      #expect(response.status == .ok, "\(text(response))")
      let first = try decode(ObservationResponse.self, response)
      #expect(first.recorded.count == 1)
      #expect(first.recorded[0].rawValue.hasPrefix("rx:req-1/short/accepted"))
      let retry = try decode(
        ObservationResponse.self, try await client.send(.post, "/v1/users/u1/reactions", json: body)
      )
      #expect(retry.recorded.isEmpty)
      #expect(retry.duplicates == first.recorded)
    }
  }
}
