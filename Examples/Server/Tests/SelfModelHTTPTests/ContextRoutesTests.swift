import Foundation
import HTTPTypes
import HummingbirdTesting
import SelfModel
import SelfModelOperations
import Testing

@testable import SelfModelHTTP

/// The `context` query parameter and body field: a context a belief lists changes its prior,
/// one that nothing lists is the library's `unknownContext` (404 in a query, 422 in a body), a
/// malformed one a 400.
@Suite struct ContextRoutesTests {
  /// The context `preference.concise` lists, with its own base rate and prior weight.
  static let onboarding = "surface:onboarding"
  static let onboardingRate = 0.9
  static let onboardingWeight = 4.0

  /// The test catalogue, with `preference.concise` (base rate 0.5) listing ``onboarding``.
  static func catalogue() throws -> Catalogue {
    let base = try Harness.catalogue()
    let concise = try BeliefDefinition.binary(
      "preference.concise", statement: "Prefers concise answers", tags: ["style"],
      contexts: [
        ContextID(onboarding): ContextPrior(
          baseRates: [onboardingRate, 1 - onboardingRate], priorWeight: onboardingWeight)
      ])
    let beliefs = base.beliefs.map { $0.key == concise.key ? concise : $0 }
    return try Catalogue(version: 1, beliefs: beliefs, sources: base.sources)
  }

  static func harness() async throws -> Harness {
    try await Harness.make(catalogue: try catalogue())
  }

  @Test func anEstimateInAContextStartsFromTheContextsPrior() async throws {
    try await Self.harness().run { client in
      try await client.seed("u1", evidence: ["e1", "e2"])
      let plain = try decode(
        EstimatesResponse.self, try await client.send(.get, "/v1/users/u1/estimates"))
      let response = try await client.send(
        .get, "/v1/users/u1/estimates?context=surface%3Aonboarding")
      #expect(response.status == .ok, "\(text(response))")
      let inContext = try decode(EstimatesResponse.self, response)
      let own = try #require(plain.estimates.first { $0.belief == "preference.concise" })
      let concise = try #require(inContext.estimates.first { $0.belief == "preference.concise" })
      #expect(own.context == nil)
      #expect(concise.context?.rawValue == Self.onboarding)
      #expect(concise.priorWeight == Self.onboardingWeight)
      #expect(abs(concise.outcomes[0].baseRate - Self.onboardingRate) < 1e-12)
      // The evidence is pooled across contexts; only the prior changes:
      // p = (t + W_c a_c) / (T + W_c), from the plain estimate's own tallies.
      let expected =
        (own.outcomes[0].evidence + Self.onboardingWeight * Self.onboardingRate)
        / (own.totalEvidence + Self.onboardingWeight)
      #expect(abs(concise.outcomes[0].probability - expected) < 1e-9)
      #expect(concise.outcomes[0].probability > own.outcomes[0].probability)
      // A belief that does not list the context keeps its own prior.
      let tone = try #require(inContext.estimates.first { $0.belief == "preference.tone" })
      #expect(tone.context == nil)
      #expect(tone == plain.estimates.first { $0.belief == "preference.tone" })
    }
  }

  @Test func anUnknownContextIsTheLibrarysNotFoundProblem() async throws {
    try await Self.harness().run { client in
      try await client.seed("u1")
      let uris = [
        "/v1/users/u1/estimates?context=surface:nowhere",
        "/v1/users/u1/estimates?belief=preference.tone&context=surface:onboarding",
        "/v1/users/u1/beliefs/preference.tone/explanation?context=surface:onboarding",
        "/v1/users/u1/next-questions?context=surface:nowhere",
      ]
      for uri in uris {
        let response = try await client.send(.get, uri)
        #expect(response.status == .notFound, "\(uri)")
        let document = try problem(response)
        #expect(document.code == "unknownContext", "\(uri)")
        #expect(document.members["context"]?.hasPrefix("surface:") == true, "\(uri)")
      }
      let bodies = [
        ("/v1/users/u1/rankings", #"{"candidates": [], "context": "surface:nowhere"}"#),
        ("/v1/users/u1/context", #"{"context": "surface:nowhere"}"#),
      ]
      for (uri, body) in bodies {
        // Named in a body, not in the path: 422, which generic clients do not read as missing.
        let response = try await client.send(.post, uri, json: body)
        #expect(response.status == .unprocessableContent, "\(uri)")
        #expect(try problem(response).code == "unknownContext", "\(uri)")
      }
    }
  }

  @Test(arguments: [
    "/v1/users/u1/estimates?context=",
    "/v1/users/u1/estimates?context=has%20space",
    "/v1/users/u1/beliefs/preference.concise/explanation?context=caf%C3%A9",
    "/v1/users/u1/next-questions?context=\(String(repeating: "c", count: 257))",
  ])
  func aMalformedContextIsABadRequestNamingTheParameter(uri: String) async throws {
    try await Self.harness().run { client in
      try await client.seed("u1")
      let response = try await client.send(.get, uri)
      #expect(response.status == .badRequest)
      let document = try problem(response)
      #expect(document.code == "invalidIdentifier")
      #expect(document.members["parameter"] == "context")
    }
  }

  @Test func aMalformedContextInABodyIsABadRequest() async throws {
    try await Self.harness().run { client in
      try await client.seed("u1")
      let long = String(repeating: "c", count: 257)
      let bodies = [
        ("/v1/users/u1/rankings", #"{"candidates": [], "context": "has space"}"#),
        ("/v1/users/u1/context", #"{"context": "\#(long)"}"#),
        ("/v1/users/u1/evidence", #"{"evidence": [\#(Self.evidence(context: ""))]}"#),
      ]
      for (uri, body) in bodies {
        let response = try await client.send(.post, uri, json: body)
        #expect(response.status == .badRequest, "\(uri): \(text(response))")
        #expect(try problem(response).code == "invalidIdentifier", "\(uri)")
      }
    }
  }

  @Test func anExplanationInAContextUsesTheContextsPrior() async throws {
    try await Self.harness().run { client in
      try await client.seed("u1", evidence: ["e1"])
      let uri = "/v1/users/u1/beliefs/preference.concise/explanation"
      let plain = try decode(ExplanationResponse.self, try await client.send(.get, uri))
      let response = try await client.send(.get, uri + "?context=\(Self.onboarding)")
      #expect(response.status == .ok)
      let explained = try decode(ExplanationResponse.self, response)
      #expect(explained.estimate.context?.rawValue == Self.onboarding)
      #expect(abs(explained.estimate.outcomes[0].baseRate - Self.onboardingRate) < 1e-12)
      #expect(plain.estimate.outcomes[0].baseRate == 0.5)
      #expect(explained.contributions.map(\.evidence) == plain.contributions.map(\.evidence))
    }
  }

  @Test func aRankingInAContextUsesTheContextsPriorWeight() async throws {
    try await Self.harness().run { client in
      try await client.seed("u1", evidence: ["e1"])
      let ranking = #"{"candidates": \#(LoopRoutesTests.candidateList)"#
      let plain = try await Self.topScore(client, ranking + "}")
      let inContext = try await Self.topScore(
        client, ranking + #", "context": "\#(Self.onboarding)"}"#)
      // Every item says "true", so a stance asserting it agrees fully with the evidence
      // frequencies and scores s = 1 - u = T / (T + W) (Docs/Alignment.md), with the
      // context's W in the context.
      let own = try await Self.concise(client, context: nil)
      let total = own.totalEvidence
      #expect(abs(plain - total / (total + own.priorWeight)) < 1e-9)
      #expect(abs(inContext - total / (total + Self.onboardingWeight)) < 1e-9)
    }
  }

  @Test func questionsAndThePromptContextFollowTheContext() async throws {
    try await Self.harness().run { client in
      try await client.seed("u1", evidence: ["e1"])
      let questions = "/v1/users/u1/next-questions?limit=2"
      let plainGain = try await Self.conciseGain(client, questions)
      let contextGain = try await Self.conciseGain(
        client, questions + "&context=\(Self.onboarding)")
      #expect(contextGain < plainGain)  // the context's prior (0.9) leaves less to learn

      let prompt = try decode(
        PromptContext.self,
        try await client.send(
          .post, "/v1/users/u1/context",
          json: #"{"tags": ["style"], "context": "\#(Self.onboarding)"}"#))
      let inContext = try await Self.concise(client, context: Self.onboarding)
      let entry = try #require(prompt.entries.first)
      #expect(entry.key == "preference.concise")
      #expect(entry.outcome == "true")
      #expect(abs(entry.probability - inContext.outcomes[0].probability) < 1e-12)
      #expect(
        entry.probability > (try await Self.concise(client, context: nil)).outcomes[0].probability)
    }
  }

  @Test func evidenceAndReactionsCarryTheirContextIntoTheLedger() async throws {
    let reaction = #"""
      {"response": {"id": "req-1", "candidates": \#(LoopRoutesTests.candidateList)},
       "reaction": {"candidate": "short", "kind": {"accepted": {}},
                    "observedAt": "2025-12-31T12:00:00Z"},
       "context": "surface:chat"}
      """#
    try await Self.harness().run { client in
      _ = try await client.send(.post, "/v1/users", json: #"{"user": "u1"}"#)
      let recorded = try await client.send(
        .post, "/v1/users/u1/evidence",
        json: #"{"evidence": [\#(Self.evidence(context: "surface:settings"))]}"#)
      #expect(recorded.status == .ok, "\(text(recorded))")
      let reacted = try await client.send(.post, "/v1/users/u1/reactions", json: reaction)
      #expect(reacted.status == .ok, "\(text(reacted))")
      let export = text(try await client.send(.get, "/v1/users/u1/export"))
      #expect(export.contains(#""context":"surface:settings""#))
      #expect(export.contains(#""context":"surface:chat""#))
    }
  }

  /// One evidence item on `preference.concise` with `context`.
  static func evidence(context: String) -> String {
    #"""
    {"id": "ctx-1", "belief": "preference.concise", "content": {"outcome": "true"},
     "source": "user", "observedAt": "2025-12-31T00:00:00Z", "context": "\#(context)"}
    """#
  }

  /// The estimate of `preference.concise` for `u1`, in `context` if given.
  static func concise(_ client: some TestClientProtocol, context: String?) async throws
    -> EstimateResponse
  {
    let query = context.map { "&context=\($0)" } ?? ""
    let response = try await client.send(
      .get, "/v1/users/u1/estimates?belief=preference.concise" + query)
    #expect(response.status == .ok, "\(text(response))")
    return try #require(try decode(EstimatesResponse.self, response).estimates.first)
  }

  /// The score of the best-ranked candidate for `u1`, which must be `short`.
  static func topScore(_ client: some TestClientProtocol, _ body: String) async throws -> Double {
    let response = try await client.send(.post, "/v1/users/u1/rankings", json: body)
    #expect(response.status == .ok, "\(text(response))")
    let best = try #require(try decode(RankingResponse.self, response).ranked.first)
    #expect(best.report.candidate == "short")
    return best.report.score
  }

  /// The expected information gain of asking about `preference.concise` at `uri`.
  static func conciseGain(_ client: some TestClientProtocol, _ uri: String) async throws
    -> Double
  {
    let response = try await client.send(.get, uri)
    #expect(response.status == .ok, "\(text(response))")
    let next = try decode(NextQuestionsResponse.self, response)
    let question = try #require(next.questions.first { $0.belief == "preference.concise" })
    return question.expectedInformationGain
  }
}
