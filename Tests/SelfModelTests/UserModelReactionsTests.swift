import Foundation
import SelfModel
import SelfModelTesting
import Testing

@Suite struct UserModelReactionsTests {
  static let now = ReactionLikelihoodTests.now

  @Test func aReactionMovesTheBeliefsItTouched() throws {
    var model = try ReactionLikelihoodTests.model()
    let result = try model.record(
      Reaction(candidate: "short", kind: .accepted, observedAt: Self.now),
      to: ReactionLikelihoodTests.response(), at: Self.now)
    #expect(result.recorded.count == 2)
    let concise = try model.estimate(for: "concise", at: Self.now)
    #expect(isClose(try concise.probability(of: "true"), 2.0 / 3))
  }

  @Test(arguments: 0..<20)
  func aRetriedReactionCountsOnce(seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    let kinds: [ReactionKind] = [
      .accepted, .rejected, .edited(contradicting: ["tone"]), .rated(5, scale: 1...5),
    ]
    let kind = kinds[Int.random(in: 0..<kinds.count, using: &random)]
    let reaction = Reaction(
      candidate: Bool.random(using: &random) ? "short" : "soft", kind: kind, observedAt: Self.now)
    var once = try ReactionLikelihoodTests.model()
    try once.record(reaction, to: ReactionLikelihoodTests.response(), at: Self.now)
    var twice = once
    let retry = try twice.record(reaction, to: ReactionLikelihoodTests.response(), at: Self.now)
    #expect(retry.recorded.isEmpty)
    #expect(twice.evidence == once.evidence)
    #expect(try twice.estimates(at: Self.now) == once.estimates(at: Self.now))
  }

  @Test func forgettingAReactionsEvidenceEqualsNeverSeeingIt() throws {
    let response = try ReactionLikelihoodTests.response()
    var model = try ReactionLikelihoodTests.model()
    let first = Reaction(candidate: "short", kind: .accepted, observedAt: Self.now)
    let second = Reaction(candidate: "soft", kind: .rejected, observedAt: Self.now)
    try model.record(first, to: response, at: Self.now)
    var expected = model
    let result = try model.record(second, to: response, at: Self.now)
    let explanation = try model.explain("tone", at: Self.now)
    #expect(explanation.contributions.contains { $0.evidence.id == "rx:r1/soft/rejected/tone" })
    for id in result.recorded { model.forget(evidence: id) }
    expected = try UserModel(
      user: expected.user, policy: expected.policy, beliefs: expected.beliefs,
      sources: expected.sources, evidence: expected.evidence)
    #expect(model.evidence == expected.evidence)
    #expect(try model.estimates(at: Self.now) == expected.estimates(at: Self.now))
  }

  @Test func aDifferentReactionOfTheSameKindIsRefused() throws {
    let response = try ReactionLikelihoodTests.response()
    var model = try ReactionLikelihoodTests.model()
    try model.record(
      Reaction(candidate: "short", kind: .rated(5, scale: 1...5), observedAt: Self.now),
      to: response, at: Self.now)
    let before = model.evidence
    #expect(throws: ModelError.self) {
      try model.record(
        Reaction(candidate: "short", kind: .rated(1, scale: 1...5), observedAt: Self.now),
        to: response, at: Self.now)
    }
    #expect(model.evidence == before)
  }
}
