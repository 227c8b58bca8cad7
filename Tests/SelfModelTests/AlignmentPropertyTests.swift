import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The seeded SplitMix64 generator from SelfModelTesting.
typealias AlignmentTestRandom = SeededRandom

/// Seeded random models and candidates shared by the alignment and evaluation tests.
enum AlignmentFixtures {
  static let start = Date(timeIntervalSinceReferenceDate: 700_000_000)
  static let day: TimeInterval = 86_400

  /// A model with `count` beliefs (every fourth categorical), two sources and random hard and
  /// soft evidence spread over 60 days, folded with a 20-day half-life.
  static func model(
    _ random: inout AlignmentTestRandom, beliefs count: Int = 6, cap: Double? = nil
  ) throws -> UserModel {
    let policy = RevisionPolicy(
      defaultHalfLife: 20 * day, halfLifeBySourceKind: [.userStated: 90 * day],
      maximumContributionPerSource: cap)
    var model = try UserModel(user: "user-1", policy: policy)
    try model.register(Source(id: "user", kind: .userStated, reliability: 0.9))
    try model.register(Source(id: "clicks", kind: .behavior, reliability: 0.5))
    for index in 0..<count {
      let key = try BeliefKey("belief.\(index)")
      if index % 4 == 3 {
        try model.declare(
          BeliefDefinition(
            key: key, statement: "Tone \(index)", outcomes: ["formal", "casual", "playful"],
            baseRates: [0.5, 0.3, 0.2]))
      } else {
        let rate = Double.random(in: 0.2...0.8, using: &random)
        try model.declare(.binary(key, statement: "Statement \(index)", baseRate: rate))
      }
    }
    let items = Int.random(in: 0...(count * 4), using: &random)
    for item in 0..<items {
      try model.record(randomEvidence(item, model: model, using: &random), at: start + 60 * day)
    }
    return model
  }

  static func randomEvidence(
    _ item: Int, model: UserModel, using random: inout AlignmentTestRandom
  ) throws -> Evidence {
    let definition = model.beliefs[Int.random(in: 0..<model.beliefs.count, using: &random)]
    let content: EvidenceContent
    if Double.random(in: 0..<1, using: &random) < 0.2 {
      let first = Double.random(in: 0...1, using: &random)
      var masses = [definition.outcomes[0]: first]
      masses[definition.outcomes[1]] = 1 - first
      content = .distribution(masses)
    } else {
      content = .outcome(definition.outcomes.randomElement(using: &random) ?? "true")
    }
    return Evidence(
      id: try EvidenceID("e-\(item)"), belief: definition.key, content: content,
      weight: Double.random(in: 0.5...3, using: &random),
      source: Bool.random(using: &random) ? "user" : "clicks",
      observedAt: start + Double.random(in: 0...(60 * day), using: &random))
  }

  /// A candidate with a stance on a random subset of the model's beliefs (at least one).
  static func candidate(
    _ model: UserModel, using random: inout AlignmentTestRandom, id: String = "c"
  ) throws -> Candidate {
    var stances: [Stance] = []
    for definition in model.beliefs.shuffled(using: &random)
    where stances.isEmpty || Bool.random(using: &random) {
      let outcome = definition.outcomes.randomElement(using: &random) ?? "true"
      let importance = Double.random(in: 0.1...3, using: &random)
      if Bool.random(using: &random) {
        stances.append(
          try Stance(belief: definition.key, asserts: .outcome(outcome), importance: importance))
      } else {
        stances.append(
          try Stance(belief: definition.key, denies: .outcome(outcome), importance: importance))
      }
    }
    return try Candidate(id: CandidateID(id), stances: stances)
  }
}

@Suite struct AlignmentPropertyTests {
  static let cases = 1_000
  let now = AlignmentFixtures.start + 70 * AlignmentFixtures.day

  @Test func negatingEveryStanceNegatesTheScore() throws {
    var random = AlignmentTestRandom(seed: 1)
    for _ in 0..<Self.cases {
      let model = try AlignmentFixtures.model(&random)
      let scorer = try AlignmentScorer(model: model, at: now)
      let candidate = try AlignmentFixtures.candidate(model, using: &random)
      let score = try scorer.score(candidate).score
      let flipped = try scorer.score(candidate.negated).score
      #expect(abs(score + flipped) <= 1e-12, "score \(score), negated \(flipped)")
    }
  }

  @Test func moreAgreeingEvidenceNeverLowersTheScore() throws {
    var random = AlignmentTestRandom(seed: 2)
    for trial in 0..<Self.cases {
      var model = try AlignmentFixtures.model(&random, cap: trial % 3 == 0 ? 6 : nil)
      let candidate = try AlignmentFixtures.candidate(model, using: &random)
      let stance = candidate.stances[0]
      guard case .outcome(let asserted) = stance.assertion else { continue }
      let definition = try #require(model.definition(for: stance.belief))
      let agreeing =
        stance.isDenial
        ? definition.outcomes.first { $0 != asserted } ?? asserted : asserted
      if stance.isDenial && definition.outcomes.count > 2 { continue }
      let before = try AlignmentScorer(model: model, at: now).score(candidate).score
      try model.record(
        Evidence(
          id: "extra", belief: stance.belief, content: .outcome(agreeing),
          weight: Double.random(in: 0.1...5, using: &random),
          source: Bool.random(using: &random) ? "user" : "clicks", observedAt: now),
        at: now)
      let after = try AlignmentScorer(model: model, at: now).score(candidate).score
      #expect(after >= before - 1e-12, "before \(before), after \(after)")
    }
  }

  @Test func unknownBeliefsChangeCoverageButNotTheScore() throws {
    var random = AlignmentTestRandom(seed: 3)
    for _ in 0..<Self.cases {
      let model = try AlignmentFixtures.model(&random)
      let scorer = try AlignmentScorer(model: model, at: now)
      let candidate = try AlignmentFixtures.candidate(model, using: &random)
      let extra = try Stance(
        belief: "not.declared", asserts: .holds,
        importance: Double.random(in: 0.1...5, using: &random))
      let widened = try Candidate(id: candidate.id, stances: candidate.stances + [extra])
      let base = try scorer.score(candidate)
      let report = try scorer.score(widened)
      #expect(abs(report.score - base.score) <= 1e-12)
      #expect(report.unknown == [extra])
      let total = candidate.stances.reduce(0) { $0 + $1.importance }
      #expect(abs(report.coverage - base.coverage * total / (total + extra.importance)) <= 1e-12)
    }
  }

  @Test func scalingImportancesLeavesTheScoreAlone() throws {
    var random = AlignmentTestRandom(seed: 4)
    for _ in 0..<Self.cases {
      let model = try AlignmentFixtures.model(&random)
      let scorer = try AlignmentScorer(model: model, at: now)
      let candidate = try AlignmentFixtures.candidate(model, using: &random)
      let factor = exp(Double.random(in: -5...5, using: &random))
      let scaled = try Candidate(
        id: candidate.id,
        stances: candidate.stances.map {
          try Stance(
            belief: $0.belief, assertion: $0.assertion, isDenial: $0.isDenial,
            importance: $0.importance * factor)
        })
      let a = try scorer.score(candidate)
      let b = try scorer.score(scaled)
      #expect(abs(a.score - b.score) <= 1e-12)
      #expect(abs(a.coverage - b.coverage) <= 1e-12)
      #expect(abs(a.range.lowerBound - b.range.lowerBound) <= 1e-12)
    }
  }

  @Test func scoresStayInRangeAndTheRangeHoldsTheScore() throws {
    var random = AlignmentTestRandom(seed: 5)
    for _ in 0..<Self.cases {
      let model = try AlignmentFixtures.model(&random)
      let report = try AlignmentScorer(model: model, at: now)
        .score(AlignmentFixtures.candidate(model, using: &random))
      #expect((-1...1).contains(report.score))
      #expect(report.range.contains(report.score))
      #expect((0...1).contains(report.coverage))
      let impacts = (report.supporting + report.conflicting + report.neutral).map(\.impact)
      #expect(abs(impacts.reduce(0, +) - report.score) <= 1e-12)
    }
  }
}
