import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// Estimates in a context against independent values (`Scripts/reference/context_prior.py`,
/// SciPy): the user's tally is pooled across contexts and only the prior changes.
@Suite struct ContextEstimateTests {
  static let t0 = Date(timeIntervalSince1970: 1_700_000_000)
  static let day: TimeInterval = 86_400

  static func mastery() throws -> BeliefDefinition {
    try BeliefDefinition.binary(
      "mastery", statement: "Scores at least 70", baseRate: 0.6,
      contexts: [
        "type:TMA": ContextPrior(baseRates: [0.7, 0.3], priorWeight: 5),
        "type:TMA/pos:3": ContextPrior(baseRates: [0.55, 0.45], parent: "type:TMA"),
        "type:CMA": ContextPrior(priorWeight: 20),
      ])
  }

  static func item(
    _ id: EvidenceID, _ holds: Bool, weight: Double, source: SourceID, day: Double,
    context: ContextID
  ) -> Evidence {
    Evidence(
      id: id, belief: "mastery",
      content: .outcome(holds ? BeliefDefinition.trueOutcome : BeliefDefinition.falseOutcome),
      weight: weight, source: source, observedAt: t0 + day * Self.day, context: context)
  }

  static func model() throws -> UserModel {
    try UserModelBuilder(user: "student-1")
      .policy(RevisionPolicy(halfLifeBySourceKind: [.behavior: 10 * day]))
      .belief(mastery())
      .source("tutor", kind: .behavior, reliability: 0.8)
      .source("quiz", kind: .userStated, reliability: 0.9)
      .evidence(
        item("e1", true, weight: 1, source: "tutor", day: 0, context: "type:TMA"),
        item("e2", false, weight: 2, source: "quiz", day: 3, context: "type:CMA"),
        item("e3", true, weight: 1, source: "tutor", day: 7, context: "type:TMA/pos:3")
      )
      .build(at: t0 + 10 * day)
  }

  struct Reference: Sendable, CustomTestStringConvertible {
    let context: ContextID?
    let p: Double
    let u: Double
    let low: Double
    let high: Double
    var testDescription: String { context?.rawValue ?? "no context" }
  }

  /// Printed by `python3 Scripts/reference/context_prior.py`.
  static let references = [
    Reference(
      context: nil, p: 0.463895630285298, u: 0.412387976703617, low: 0.135295504179459,
      high: 0.810818413608494),
    Reference(
      context: "type:TMA", p: 0.579607226417065, u: 0.636958747852932, low: 0.294362434591369,
      high: 0.840453327314862),
    Reference(
      context: "type:TMA/pos:3", p: 0.484063414239125, u: 0.636958747852932,
      low: 0.209691371896227, high: 0.763325212083183),
    Reference(
      context: "type:CMA", p: 0.571112255784044, u: 0.875281110644808, low: 0.400488479097900,
      high: 0.734500023538566),
  ]

  @Test(arguments: references)
  func estimateMatchesSciPy(_ reference: Reference) throws {
    let model = try Self.model()
    let estimate = try model.estimate(
      for: "mastery", in: reference.context, at: Self.t0 + 10 * Self.day)
    #expect(estimate.context == reference.context)
    #expect(abs(try estimate.probability(of: "true") - reference.p) < 1e-12)
    #expect(abs(estimate.uncertainty - reference.u) < 1e-12)
    let interval = try estimate.credibleInterval(for: "true", level: 0.9)
    #expect(abs(interval.lowerBound - reference.low) < 1e-9)
    #expect(abs(interval.upperBound - reference.high) < 1e-9)
  }

  @Test func theTallyIsPooledAcrossContexts() throws {
    let model = try Self.model()
    let now = Self.t0 + 10 * Self.day
    let tallies = try [nil, "type:TMA", "type:CMA", "type:TMA/pos:3"].map {
      (context: ContextID?) throws(ModelError) in
      try model.estimate(for: "mastery", in: context, at: now).evidence
    }
    #expect(Set(tallies).count == 1)
    #expect(model.evidenceCount == 3)
  }

  @Test func anUnlistedContextIsATypedError() throws {
    let model = try Self.model()
    #expect(throws: ModelError.unknownContext(belief: "mastery", context: "type:Exam")) {
      try model.estimate(for: "mastery", in: "type:Exam", at: Self.t0)
    }
    #expect(throws: ModelError.unknownContext(belief: nil, context: "type:Exam")) {
      try model.estimates(beliefs: nil, in: "type:Exam", at: Self.t0)
    }
    #expect(ModelError.unknownContext(belief: nil, context: "x").category == .notFound)
  }

  @Test func manyBeliefsUseTheContextWhereListedAndTheirOwnPriorElsewhere() throws {
    let other = try BeliefDefinition.binary("on-time", statement: "Submits on time", baseRate: 0.4)
    var model = try Self.model()
    try model.declare(other)
    let now = Self.t0 + 10 * Self.day
    let estimates = try model.estimates(beliefs: nil, in: "type:TMA", at: now)
    #expect(estimates.map(\.context) == ["type:TMA", nil])
    #expect(estimates[1] == (try model.estimate(for: "on-time", at: now)))
    let scorer = try AlignmentScorer(model: model, in: "type:TMA", at: now)
    let plain = try AlignmentScorer(model: model, at: now)
    let candidate = try Candidate(
      id: "c", stances: [try Stance(belief: "mastery", asserts: .outcome("true"))])
    #expect(try scorer.score(candidate).score != plain.score(candidate).score)
    let questions = try NextQuestion.rank(model, in: "type:TMA", at: now, answers: .perfect)
    let probabilities = questions.first { $0.belief == "mastery" }?.probabilities
    #expect(probabilities == estimates[0].probabilities)
  }

  /// A prompt context built in a context reports, and measures informativeness against, the
  /// context's base rate: the prior the probability was estimated from.
  @Test func promptContextInAContextUsesTheContextsBaseRate() throws {
    let model = try Self.model()
    let now = Self.t0 + 5 * Self.day
    for (context, rate) in [(nil, 0.6), ("type:TMA", 0.7), ("type:TMA/pos:3", 0.55)]
      as [(ContextID?, Double)]
    {
      let selector = try PromptSelector(model: model, in: context, at: now)
      let entry = try #require(try selector.prompt(for: PromptQuery()).entries.first)
      let estimate = try model.estimate(for: "mastery", in: context, at: now)
      let leading = estimate.probabilities[0] >= estimate.probabilities[1] ? 0 : 1
      let prior = [rate, 1 - rate]
      #expect(abs(entry.probability - estimate.probabilities[leading]) < 1e-12)
      #expect(abs(entry.baseRate - prior[leading]) < 1e-12)
      let distance = abs(estimate.probabilities[0] - rate)
      #expect(abs(entry.informativeness - min(1, distance / (1 - min(rate, 1 - rate)))) < 1e-12)
    }
  }

  @Test func explainInAContextMeasuresShiftsAgainstTheContextPrior() throws {
    let model = try Self.model()
    let now = Self.t0 + 10 * Self.day
    let explanation = try model.explain("mastery", in: "type:CMA", at: now)
    #expect(explanation.estimate.context == "type:CMA")
    #expect(
      Set(explanation.contributions.map(\.evidence.context)) == [
        "type:TMA", "type:CMA", "type:TMA/pos:3",
      ])
    // Leave-one-out by hand: forget the quiz item, estimate in the same context.
    var without = model
    _ = without.forget(evidence: "e2")
    let expected =
      try explanation.estimate.probability(of: "true")
      - without.estimate(for: "mastery", in: "type:CMA", at: now).probability(of: "true")
    let shift = try #require(explanation.contributions.first { $0.evidence.id == "e2" })
    #expect(abs(shift.probabilityShift[0] - expected) < 1e-12)
  }
}
