import Foundation
import SelfModel
import Testing

/// The worked example of `Docs/Alignment.md`.
enum AlignmentExample {
  static let now = Date(timeIntervalSinceReferenceDate: 760_000_000)

  static func model() throws -> UserModel {
    var model = try UserModel(user: "user-42")
    try model.register(Source(id: "user", kind: .userStated, reliability: 0.9))
    try model.register(Source(id: "clicks", kind: .behavior, reliability: 0.5))
    try model.declare(.binary("preference.concise", statement: "Prefers concise answers"))
    try model.declare(
      BeliefDefinition(
        key: "preference.tone", statement: "Preferred tone",
        outcomes: ["formal", "casual", "playful"]))
    try model.declare(.binary("preference.examples", statement: "Likes worked examples"))
    let items: [(String, BeliefKey, EvidenceContent, Double, SourceID)] = [
      ("e1", "preference.concise", .holds, 3, "user"),
      ("e2", "preference.concise", .doesNotHold, 1, "clicks"),
      ("e3", "preference.concise", .doesNotHold, 1, "clicks"),
      ("e4", "preference.tone", .outcome("casual"), 1, "user"),
      ("e5", "preference.tone", .outcome("casual"), 1, "user"),
      ("e6", "preference.tone", .outcome("playful"), 1, "clicks"),
    ]
    for (id, belief, content, weight, source) in items {
      try model.record(
        Evidence(
          id: EvidenceID(id), belief: belief, content: content, weight: weight, source: source,
          observedAt: now),
        at: now)
    }
    return model
  }

  static func candidates() throws -> [Candidate] {
    [
      try Candidate(
        id: "reply-a", label: "Short and casual",
        stances: [
          try Stance(belief: "preference.concise", asserts: .holds, importance: 2),
          try Stance(belief: "preference.tone", asserts: .outcome("casual")),
        ]),
      try Candidate(
        id: "reply-b", label: "Long and formal",
        stances: [
          try Stance(belief: "preference.concise", asserts: .doesNotHold, importance: 2),
          try Stance(belief: "preference.tone", asserts: .outcome("formal")),
        ]),
      try Candidate(
        id: "reply-c", label: "Short, playful, with examples and emoji",
        stances: [
          try Stance(belief: "preference.concise", asserts: .holds),
          try Stance(belief: "preference.tone", asserts: .outcome("playful")),
          try Stance(belief: "preference.examples", asserts: .holds),
          try Stance(belief: "preference.emoji", asserts: .holds, importance: 0.5),
        ]),
    ]
  }
}

@Suite struct AlignmentScorerTests {
  @Test func workedExampleMatchesTheFormula() throws {
    let model = try AlignmentExample.model()
    let scorer = try AlignmentScorer(model: model, at: AlignmentExample.now)
    let report = try scorer.score(try AlignmentExample.candidates()[0])
    // concise: t = (2.7, 1.0), p_true = 3.7 / 5.7; tone: t = (0, 1.8, 0.5), p_casual = (1.8 + 2/3) / 4.3
    let concise = (3.7 / 5.7 - 0.5) / 0.5
    let casual = ((1.8 + 2.0 / 3) / 4.3 - 1.0 / 3) / (2.0 / 3)
    #expect(abs(report.score - (2 * concise + casual) / 3) < 1e-12)
    #expect(report.coverage == 1)
    #expect(report.supporting.map(\.stance.belief) == ["preference.concise", "preference.tone"])
    let first = try #require(report.supporting.first)
    #expect(abs(first.confidence - 3.7 / 5.7) < 1e-12)
    #expect(abs(first.evidenceAgreement - (2.7 / 3.7 - 0.5) / 0.5) < 1e-12)
    #expect(first.agreementInterval.contains(first.agreement))
  }

  @Test func rankingPutsTheAlignedReplyFirstAndListsUnknowns() throws {
    let scorer = try AlignmentScorer(model: AlignmentExample.model(), at: AlignmentExample.now)
    let ranking = try scorer.rank(AlignmentExample.candidates())
    #expect(ranking.map(\.candidate.id) == ["reply-a", "reply-c", "reply-b"])
    #expect(ranking.map(\.rank) == [1, 2, 3])
    let c = ranking[1].report
    #expect(c.unknown.map(\.belief) == ["preference.emoji"])
    #expect(c.neutral.map(\.stance.belief) == ["preference.examples"])
    #expect(abs(c.coverage - 2 / 3.5) < 1e-12)
    #expect(ranking[2].report.score < 0)
    #expect(ranking[2].report.conflicting.first?.stance.belief == "preference.concise")
  }

  @Test func signedAgreementByHand() throws {
    let s = try AlignmentScorer.signedAgreement(
      probabilities: [0.8, 0.2], baseRates: [0.5, 0.5], compatibility: [1, 0])
    #expect(abs(s - 0.6) < 1e-12)
    let denied = try AlignmentScorer.signedAgreement(
      probabilities: [0.8, 0.2], baseRates: [0.5, 0.5], compatibility: [0, 1])
    #expect(abs(denied + 0.6) < 1e-12)
    let skewed = try AlignmentScorer.signedAgreement(
      probabilities: [0.5, 0.5], baseRates: [0.9, 0.1], compatibility: [1, 0])
    #expect(abs(skewed - (0.5 - 0.9) / 0.9) < 1e-12)
    let flat = try AlignmentScorer.signedAgreement(
      probabilities: [0.7, 0.3], baseRates: [0.5, 0.5], compatibility: [0.5, 0.5])
    #expect(flat == 0)
  }

  @Test func noEvidenceScoresZeroWithAWideRange() throws {
    var model = try UserModel(user: "u")
    try model.declare(.binary("b", statement: "B"))
    let report = try AlignmentScorer(model: model, at: AlignmentExample.now)
      .score(Candidate(id: "c", stances: [try Stance(belief: "b", asserts: .holds)]))
    #expect(report.score == 0)
    #expect(report.coverage == 0)
    #expect(report.range.lowerBound < -0.9 && report.range.upperBound > 0.9)
  }

  @Test func categoricalDistributionStanceHasAnIntervalInsideItsBounds() throws {
    let scorer = try AlignmentScorer(model: AlignmentExample.model(), at: AlignmentExample.now)
    let stance = try Stance(
      belief: "preference.tone", asserts: .distribution(["casual": 0.7, "playful": 0.3]))
    let report = try scorer.score(Candidate(id: "soft", stances: [stance]))
    let part = try #require(report.supporting.first)
    #expect(part.agreementInterval.lowerBound >= 0 && part.agreementInterval.upperBound <= 0.7)
    #expect(part.agreementInterval.contains(part.agreement))
    let denied = try scorer.score(Candidate(id: "soft", stances: [stance.negated]))
    #expect(abs(denied.score + report.score) < 1e-12)
  }

  @Test func candidatesAndStancesRoundTripThroughJSON() throws {
    let candidates = try AlignmentExample.candidates()
    let data = try JSONEncoder().encode(candidates)
    #expect(try JSONDecoder().decode([Candidate].self, from: data) == candidates)
    let report = try AlignmentScorer(model: AlignmentExample.model(), at: AlignmentExample.now)
      .score(candidates[2])
    let decoded = try JSONDecoder().decode(
      AlignmentReport.self, from: JSONEncoder().encode(report))
    #expect(decoded == report)
  }
}

@Suite struct ModelComparisonTests {
  @Test func aModelAgreesWithItself() throws {
    let model = try AlignmentExample.model()
    let comparison = try ModelComparison.compare(model, model, at: AlignmentExample.now)
    #expect(comparison.agreement == 1)
    #expect(comparison.beliefs.allSatisfy { $0.divergence == 0 })
  }

  @Test func divergenceIsJensenShannonInBitsAndKeysAreSorted() throws {
    let stated = try AlignmentExample.model()
    var inferred = try UserModel(user: "user-42")
    try inferred.register(Source(id: "llm", kind: .modelInference, reliability: 1))
    try inferred.declare(.binary("preference.concise", statement: "Prefers concise answers"))
    try inferred.declare(
      BeliefDefinition(key: "preference.tone", statement: "Tone", outcomes: ["formal", "casual"]))
    try inferred.declare(.binary("preference.depth", statement: "Likes depth"))
    try inferred.record(
      Evidence(
        id: "i1", belief: "preference.concise", content: .doesNotHold, weight: 4, source: "llm",
        observedAt: AlignmentExample.now), at: AlignmentExample.now)
    let comparison = try ModelComparison.compare(stated, inferred, at: AlignmentExample.now)
    #expect(comparison.incompatible == ["preference.tone"])
    #expect(comparison.onlyInFirst == ["preference.examples"])
    #expect(comparison.onlyInSecond == ["preference.depth"])
    let concise = try #require(comparison.beliefs.first)
    let expected = try Information.jensenShannonDivergence(
      [3.7 / 5.7, 2.0 / 5.7], [1.0 / 6, 5.0 / 6])
    #expect(abs(concise.divergence - expected) < 1e-12)
    #expect(abs(try #require(comparison.agreement) - (1 - expected)) < 1e-12)
  }

  @Test func agreementIsNilWithoutSharedEvidence() throws {
    var a = try UserModel(user: "a")
    try a.declare(.binary("b", statement: "B"))
    let comparison = try ModelComparison.compare(a, a, at: AlignmentExample.now)
    #expect(comparison.agreement == nil)
    #expect(comparison.beliefs.count == 1)
  }
}
