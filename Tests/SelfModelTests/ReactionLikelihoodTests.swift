import Foundation
import SelfModel
import SelfModelTesting
import Testing

@Suite struct ReactionLikelihoodTests {
  static let now = Date(timeIntervalSince1970: 1_767_225_600)

  static func model() throws -> UserModel {
    var model = try UserModel(user: "u")
    try model.declare(.binary("concise", statement: "Prefers concise answers"))
    try model.declare(
      BeliefDefinition(
        key: "tone", statement: "Preferred tone", outcomes: ["formal", "casual", "playful"]))
    try model.register(Source(id: "reactions", kind: .behavior, reliability: 1))
    return model
  }

  static func response() throws -> AssistantResponse {
    let short = try Candidate(
      id: "short",
      stances: [
        Stance(belief: "concise", asserts: .holds, importance: 2),
        Stance(belief: "tone", asserts: .outcome("formal")),
      ])
    let soft = try Candidate(
      id: "soft",
      stances: [Stance(belief: "tone", asserts: .distribution(["casual": 0.7, "playful": 0.3]))])
    // A stance on a belief the model does not declare (a typo): reacting to it is an error.
    let typo = try Candidate(
      id: "typo",
      stances: [
        Stance(belief: "concise", asserts: .holds), Stance(belief: "undeclared", asserts: .holds),
      ])
    return try AssistantResponse(id: "r1", candidates: [short, soft, typo])
  }

  static func evidence(_ kind: ReactionKind, candidate: CandidateID = "short") throws
    -> [Evidence]
  {
    try ReactionLikelihood().evidence(
      for: Reaction(candidate: candidate, kind: kind, observedAt: now), to: response(),
      in: model())
  }

  @Test func anAcceptanceSupportsEveryStanceByImportance() throws {
    let items = try Self.evidence(.accepted)
    #expect(items.map(\.belief) == ["concise", "tone"])
    #expect(items.map(\.content) == [.holds, .outcome("formal")])
    #expect(items.map(\.weight) == [1, 0.5])
    #expect(
      items.map(\.id.rawValue) == ["rx:r1/short/accepted/concise", "rx:r1/short/accepted/tone"])
    #expect(items[0].metadata == ["response": "r1", "candidate": "short", "reaction": "accepted"])
  }

  @Test func aRejectionCountsAgainstEveryStance() throws {
    let items = try Self.evidence(.rejected)
    #expect(
      items.map(\.content) == [.doesNotHold, .distribution(["casual": 0.5, "playful": 0.5])])
    #expect(items.map(\.weight) == [1, 0.5])
  }

  @Test func aDistributionStanceGivesSoftEvidence() throws {
    let accepted = try Self.evidence(.accepted, candidate: "soft")
    #expect(accepted.map(\.content) == [.distribution(["casual": 0.7, "playful": 0.3])])
    let rejected = try Self.evidence(.rejected, candidate: "soft")
    guard case .distribution(let masses) = rejected.first?.content else {
      Issue.record("expected soft evidence")
      return
    }
    #expect(isClose(masses["formal"] ?? 0, 0.5) && isClose(masses["casual"] ?? 0, 0.15))
    #expect(isClose(masses["playful"] ?? 0, 0.35))
  }

  @Test func anEditReversesTheStancesItNames() throws {
    let items = try Self.evidence(.edited(contradicting: ["tone"]))
    #expect(items.map(\.content) == [.holds, .distribution(["casual": 0.5, "playful": 0.5])])
    #expect(items.map(\.weight) == [0.5, 0.5])
  }

  @Test func ratingsScaleFromTheMiddleOfTheScale() throws {
    #expect(try Self.evidence(.rated(3, scale: 1...5)).isEmpty)
    let good = try Self.evidence(.rated(4, scale: 1...5))
    #expect(good.map(\.content) == [.holds, .outcome("formal")])
    #expect(good.map(\.weight) == [0.5, 0.25])
    let bad = try Self.evidence(.rated(0, scale: 0...10))
    #expect(bad.first?.content == .doesNotHold && bad.first?.weight == 1)
  }

  @Test func perCategorySourcesRouteTheEvidence() throws {
    let likelihood = ReactionLikelihood(sourceOverrides: [.rejected: "reactions.rejected"])
    let reaction = Reaction(candidate: "short", kind: .rejected, observedAt: Self.now)
    let items = try likelihood.evidence(for: reaction, to: Self.response(), in: Self.model())
    #expect(items.allSatisfy { $0.source == "reactions.rejected" })
  }

  @Test func badReactionsAreTypedErrorsAndChangeNothing() throws {
    let response = try Self.response()
    let bad: [(Reaction, ModelError)] = [
      (
        Reaction(candidate: "other", kind: .accepted, observedAt: Self.now),
        .unknownCandidate(response: "r1", candidate: "other")
      ),
      (
        Reaction(candidate: "typo", kind: .accepted, observedAt: Self.now),
        .unknownBelief("undeclared")
      ),
      (
        Reaction(candidate: "typo", kind: .rated(3, scale: 1...5), observedAt: Self.now),
        .unknownBelief("undeclared")
      ),
      (
        Reaction(candidate: "short", kind: .rated(.nan, scale: 1...5), observedAt: Self.now),
        .nonFiniteNumber(field: "rating")
      ),
      (
        Reaction(candidate: "short", kind: .rated(6, scale: 1...5), observedAt: Self.now),
        .numberOutOfRange(field: "rating", value: 6, allowed: "1.0...5.0")
      ),
      (
        Reaction(candidate: "short", kind: .rated(1, scale: 1...1), observedAt: Self.now),
        .numberOutOfRange(
          field: "rating scale", value: 0, allowed: "an upper bound above the lower bound")
      ),
    ]
    for (reaction, error) in bad {
      var model = try Self.model()
      #expect(throws: error) { try model.record(reaction, to: response, at: Self.now) }
      #expect(model.evidence.isEmpty)
    }
    var model = try Self.model()
    let edit = Reaction(
      candidate: "soft", kind: .edited(contradicting: ["concise"]), observedAt: Self.now)
    #expect(throws: ModelError.self) { try model.record(edit, to: response, at: Self.now) }
    let unregistered = ReactionLikelihood(source: "nobody")
    let accepted = Reaction(candidate: "short", kind: .accepted, observedAt: Self.now)
    #expect(throws: ModelError.unknownSource("nobody")) {
      try model.record(accepted, to: response, likelihood: unregistered, at: Self.now)
    }
    #expect(throws: ModelError.self) {
      try model.record(
        accepted, to: response, likelihood: ReactionLikelihood(acceptedWeight: .nan), at: Self.now)
    }
    #expect(model.evidence.isEmpty)
  }

  @Test func longIdsAreHashedDeterministically() throws {
    let long = try BeliefKey(String(repeating: "k", count: 250))
    let id = try #require(
      try ReactionLikelihood().evidence(
        for: Reaction(candidate: "c", kind: .accepted, observedAt: Self.now),
        to: AssistantResponse(
          id: "r",
          candidates: [Candidate(id: "c", stances: [Stance(belief: long, asserts: .holds)])]),
        in: {
          var model = try Self.model()
          try model.declare(.binary(long, statement: "Long"))
          return model
        }()
      ).first?.id)
    #expect(id.rawValue.count == 19 && id.rawValue.hasPrefix("rx:"))
  }

  @Test func responsesNeedDistinctCandidates() throws {
    let candidate = try Candidate(id: "c", stances: [Stance(belief: "concise", asserts: .holds)])
    #expect(throws: ModelError.self) { try AssistantResponse(id: "r", candidates: []) }
    #expect(throws: ModelError.self) {
      try AssistantResponse(id: "r", candidates: [candidate, candidate])
    }
  }
}
