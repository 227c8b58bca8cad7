import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The reference cases of `vectors.json` (SciPy; Josang 2016) replayed through the public
/// ``UserModel`` API: a case's prior becomes a belief's prior weight and base rates, its
/// observations become evidence from a reliability-1 source, and its ages become observation
/// times before `now` (in days, with the half-life in days).
@Suite struct ReferenceModelTests {
  static let now = Date(timeIntervalSince1970: 1_700_000_000)
  static let day: TimeInterval = 86_400

  struct Case: Sendable, CustomTestStringConvertible {
    let value: JSONValue
    var name: String { value["name"].string ?? "?" }
    var testDescription: String { name }
  }

  static let betaCases = ReferenceVectors.cases("beta_bernoulli").map(Case.init)
  static let dirichletCases = ReferenceVectors.cases("dirichlet").map(Case.init)
  static let mappingCases = ReferenceVectors.cases("subjective_logic", "mapping").map(Case.init)
  static let cumulativeCases = ReferenceVectors.cases("subjective_logic", "cumulative_fusion")
    .map(Case.init)
  static let averagingCases = ReferenceVectors.cases("subjective_logic", "averaging_fusion")
    .map(Case.init)
  static let discountingCases = ReferenceVectors.cases("subjective_logic", "trust_discounting")
    .map(Case.init)
  static let decayCases = ReferenceVectors.cases("subjective_logic", "decay").map(Case.init)

  @Test func everySectionHasCases() {
    #expect(Self.betaCases.count == 13)
    #expect(Self.dirichletCases.count == 3)
    #expect(Self.mappingCases.count == 7)
    #expect(Self.cumulativeCases.count == 6)
    #expect(Self.averagingCases.count == 2)
    #expect(Self.discountingCases.count == 2)
    #expect(Self.decayCases.count == 1)
  }

  // MARK: Beta-Bernoulli

  /// A binary belief with `W = prior_a + prior_b`, base rate `prior_a / W`, one evidence item
  /// of weight 1 per observation, observed `age` days before `now`.
  static func betaModel(_ inputs: JSONValue) throws -> UserModel {
    let priorA = try #require(inputs["prior_a"].double)
    let priorB = try #require(inputs["prior_b"].double)
    let weight = priorA + priorB
    let halfLife = inputs["half_life"].double.map { $0 * day }
    let make = EvidenceFactory(clock: ManualClock(start: now), source: "reference")
    let items = inputs["observations"].array.map { observation in
      let holds = observation[0].double == 1
      let age = (observation[1].double ?? 0) * day
      return holds ? make.holds("theta", age: age) : make.doesNotHold("theta", age: age)
    }
    return try UserModelBuilder(user: "reference")
      .policy(RevisionPolicy(priorWeight: weight, defaultHalfLife: halfLife))
      .binary("theta", baseRate: priorA / weight)
      .source("reference", kind: .behavior, reliability: 1)
      .evidence(items)
      .build(at: now)
  }

  @Test(arguments: betaCases)
  func betaBernoulli(_ reference: Case) throws {
    let expected = reference.value["expected"]
    let model = try Self.betaModel(reference.value["inputs"])
    let estimate = try model.estimate(for: "theta", at: Self.now)
    let successes = try #require(expected["weighted_successes"].double)
    let failures = try #require(expected["weighted_failures"].double)
    #expect(isClose(estimate.evidence[0], successes), "\(reference.name) successes")
    #expect(isClose(estimate.evidence[1], failures), "\(reference.name) failures")
    #expect(isClose(try estimate.probability(of: "true"), try #require(expected["mean"].double)))
    let marginal = try estimate.marginal(for: "true")
    #expect(isClose(marginal.alpha, try #require(expected["posterior_a"].double)))
    #expect(isClose(marginal.beta, try #require(expected["posterior_b"].double)))
    #expect(isClose(marginal.variance, try #require(expected["variance"].double)))
    #expect(
      isClose(
        try marginal.probabilityAbove(0.5), try #require(expected["p_theta_gt_0_5"].double)))
    let intervals: [(Double, String)] = [(0.9, "ci90_equal_tailed"), (0.95, "ci95_equal_tailed")]
    for (level, field) in intervals {
      let interval = try estimate.credibleInterval(for: "true", level: level)
      let bounds = expected[field].doubles
      #expect(
        isClose(interval.lowerBound, bounds[0], tolerance: 1e-7), "\(reference.name) \(field)")
      #expect(
        isClose(interval.upperBound, bounds[1], tolerance: 1e-7), "\(reference.name) \(field)")
    }
    let falseInterval = try estimate.credibleInterval(for: "false", level: 0.9)
    let trueBounds = expected["ci90_equal_tailed"].doubles
    #expect(isClose(falseInterval.lowerBound, 1 - trueBounds[1], tolerance: 1e-7))
    #expect(isClose(falseInterval.upperBound, 1 - trueBounds[0], tolerance: 1e-7))
  }

  // MARK: Dirichlet

  @Test(arguments: dirichletCases)
  func dirichlet(_ reference: Case) throws {
    let inputs = reference.value["inputs"]
    let expected = reference.value["expected"]
    let prior = inputs["prior_alpha"].doubles
    let counts = inputs["counts"].doubles
    let weight = prior.reduce(0, +)
    let outcomes = prior.indices.map { "k\($0)" }
    let make = EvidenceFactory(clock: ManualClock(start: Self.now), source: "reference")
    let items = zip(outcomes, counts).filter { $0.1 > 0 }.map { outcome, count in
      make.outcome(outcome, for: "choice", weight: count)
    }
    let model = try UserModelBuilder(user: "reference")
      .policy(RevisionPolicy(priorWeight: weight))
      .categorical("choice", outcomes, baseRates: prior.map { $0 / weight })
      .source("reference", kind: .modelInference, reliability: 1)
      .evidence(items)
      .build(at: Self.now)
    let estimate = try model.estimate(for: "choice", at: Self.now)
    let posterior = zip(estimate.evidence, estimate.baseRates).map { $0 + weight * $1 }
    let expectedPosterior = expected["posterior_alpha"].doubles
    let mean = expected["mean"].doubles
    let variance = expected["variance"].doubles
    let distribution = try DirichletDistribution(alpha: posterior)
    for k in outcomes.indices {
      #expect(isClose(estimate.evidence[k], counts[k]), "\(reference.name)[\(k)] tally")
      #expect(isClose(posterior[k], expectedPosterior[k]), "\(reference.name)[\(k)] alpha")
      #expect(isClose(estimate.probabilities[k], mean[k]), "\(reference.name)[\(k)] mean")
      #expect(isClose(distribution.mean[k], mean[k]), "\(reference.name)[\(k)] mean")
      #expect(isClose(distribution.variance[k], variance[k]), "\(reference.name)[\(k)] variance")
      // The outcome's marginal is the Beta the estimate reports.
      let marginal = try estimate.marginal(for: outcomes[k])
      #expect(isClose(marginal.variance, variance[k]), "\(reference.name)[\(k)] marginal")
    }
  }

  // MARK: Subjective logic

  static func opinion(_ value: JSONValue) throws -> Opinion {
    try Opinion(
      belief: #require(value["b"].double), disbelief: #require(value["d"].double),
      uncertainty: #require(value["u"].double), baseRate: #require(value["a"].double))
  }

  static func expectOpinion(
    _ actual: Opinion?, _ expected: JSONValue, _ name: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let actual = try #require(actual, sourceLocation: sourceLocation)
    let pairs: [(Double, String)] = [
      (actual.belief, "b"), (actual.disbelief, "d"), (actual.uncertainty, "u"),
      (actual.baseRate, "a"), (actual.projectedProbability, "projected"),
    ]
    for (value, field) in pairs {
      let reference = try #require(expected[field].double, sourceLocation: sourceLocation)
      #expect(isClose(value, reference), "\(name) \(field)", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: mappingCases)
  func mapping(_ reference: Case) throws {
    let inputs = reference.value["inputs"]
    let expected = reference.value["expected"]
    if !inputs["opinion"].isNull {
      // Reverse mapping of a dogmatic opinion: infinite evidence, refused with nil.
      let dogmatic = try Self.opinion(inputs["opinion"])
      #expect(expected["r"].double == .infinity)
      #expect(dogmatic.evidence(priorWeight: try #require(inputs["prior_weight"].double)) == nil)
      return
    }
    let r = try #require(inputs["r"].double)
    let s = try #require(inputs["s"].double)
    let a = try #require(inputs["base_rate"].double)
    let w = try #require(inputs["prior_weight"].double)
    let direct = try Opinion(positiveEvidence: r, negativeEvidence: s, baseRate: a, priorWeight: w)
    try Self.expectOpinion(direct, expected["opinion"], reference.name)
    guard a > 0 && a < 1 else {
      // A belief's base rates lie strictly inside (0, 1): the model refuses this prior.
      #expect(throws: ModelError.self) {
        try BeliefDefinition.binary("x", statement: "x", baseRate: a)
      }
      return
    }
    let make = EvidenceFactory(clock: ManualClock(start: Self.now), source: "reference")
    var items: [Evidence] = []
    if r > 0 { items.append(make.holds("x", weight: r)) }
    if s > 0 { items.append(make.doesNotHold("x", weight: s)) }
    let model = try UserModelBuilder(user: "reference")
      .policy(RevisionPolicy(priorWeight: w)).binary("x", baseRate: a)
      .source("reference", kind: .userStated, reliability: 1).evidence(items).build(at: Self.now)
    let estimate = try model.estimate(for: "x", at: Self.now)
    try Self.expectOpinion(estimate.opinion, expected["opinion"], reference.name)
    let marginal = try estimate.marginal(for: "true")
    #expect(isClose(marginal.alpha, try #require(expected["beta_alpha"].double)))
    #expect(isClose(marginal.beta, try #require(expected["beta_beta"].double)))
    #expect(
      isClose(try estimate.probability(of: "true"), try #require(expected["beta_mean"].double)))
    let back = try #require(estimate.opinion?.evidence(priorWeight: w))
    #expect(isClose(back.positive, r) && isClose(back.negative, s), "\(reference.name) reverse")
  }

  @Test(arguments: cumulativeCases)
  func cumulativeFusion(_ reference: Case) throws {
    let a = try Self.opinion(reference.value["inputs"]["A"])
    let b = try Self.opinion(reference.value["inputs"]["B"])
    let expected = reference.value["expected"]["fused_josang"]
    try Self.expectOpinion(a.cumulativelyFused(with: b), expected, reference.name)
    try Self.expectOpinion(b.cumulativelyFused(with: a), expected, "\(reference.name) (B, A)")
  }

  /// Cumulative fusion is evidence addition: fusing two models' opinions equals one model that
  /// saw both sources' evidence.
  @Test func cumulativeFusionEqualsPooledEvidence() throws {
    let make = EvidenceFactory(clock: ManualClock(start: Self.now), source: "a")
    let fromA = [make.holds("x", weight: 3), make.doesNotHold("x", weight: 1)]
    let fromB = [
      make.holds("x", weight: 2, source: "b"), make.doesNotHold("x", weight: 2, source: "b"),
    ]
    let builder = UserModelBuilder(user: "u").binary("x").source(
      "a", kind: .behavior, reliability: 1
    )
    .source("b", kind: .userStated, reliability: 1)
    let onlyA = try builder.evidence(fromA).build(at: Self.now)
    let onlyB = try builder.evidence(fromB).build(at: Self.now)
    let both = try builder.evidence(fromA + fromB).build(at: Self.now)
    let opinionA = try #require(try onlyA.estimate(for: "x", at: Self.now).opinion)
    let opinionB = try #require(try onlyB.estimate(for: "x", at: Self.now).opinion)
    let pooled = try #require(try both.estimate(for: "x", at: Self.now).opinion)
    let fused = opinionA.cumulativelyFused(with: opinionB)
    #expect(isClose(fused.belief, pooled.belief))
    #expect(isClose(fused.disbelief, pooled.disbelief))
    #expect(isClose(fused.uncertainty, pooled.uncertainty))
    #expect(isClose(fused.projectedProbability, 0.6))
  }

  @Test(arguments: averagingCases)
  func averagingFusion(_ reference: Case) throws {
    let a = try Self.opinion(reference.value["inputs"]["A"])
    let b = try Self.opinion(reference.value["inputs"]["B"])
    let expected = reference.value["expected"]["fused"]
    try Self.expectOpinion(a.averagingFused(with: b), expected, reference.name)
    try Self.expectOpinion(b.averagingFused(with: a), expected, "\(reference.name) (B, A)")
  }

  @Test(arguments: discountingCases)
  func trustDiscounting(_ reference: Case) throws {
    let trust = try Self.opinion(reference.value["inputs"]["trust"])
    let claim = try Self.opinion(reference.value["inputs"]["opinion"])
    let expected = reference.value["expected"]["probability_sensitive_josang2016"]
    try Self.expectOpinion(claim.discounted(by: trust), expected, reference.name)
  }

  /// Decay in evidence space: `r` and `s` scaled by `2^(-elapsed/halfLife)`, then mapped.
  @Test(arguments: decayCases)
  func decayInEvidenceSpace(_ reference: Case) throws {
    let inputs = reference.value["inputs"]
    let expected = reference.value["expected"]
    let r = try #require(inputs["r"].double)
    let s = try #require(inputs["s"].double)
    let elapsed = try #require(inputs["elapsed"].double) * Self.day
    let halfLife = try #require(inputs["half_life"].double) * Self.day
    let make = EvidenceFactory(clock: ManualClock(start: Self.now), source: "reference")
    let model = try UserModelBuilder(user: "reference")
      .policy(
        RevisionPolicy(
          priorWeight: try #require(inputs["prior_weight"].double),
          defaultHalfLife: halfLife)
      )
      .binary("x", baseRate: try #require(inputs["base_rate"].double))
      .source("reference", kind: .behavior, reliability: 1)
      .evidence(
        make.holds("x", weight: r, age: elapsed), make.doesNotHold("x", weight: s, age: elapsed)
      )
      .build(at: Self.now)
    let estimate = try model.estimate(for: "x", at: Self.now)
    let factor = try #require(expected["decay_factor"].double)
    #expect(isClose(estimate.evidence[0], r * factor))
    try Self.expectOpinion(estimate.opinion, expected["evidence_space"], reference.name)
  }

  /// Our own decay case (computed by hand): 8 for and 2 against, observed 20 days ago with a
  /// 10-day half-life, count as 2 and 0.5: `P = (2 + 1) / (2.5 + 2) = 2/3`.
  @Test func twoHalfLivesQuarterTheEvidence() throws {
    let make = EvidenceFactory(clock: ManualClock(start: Self.now), source: "s")
    let model = try UserModelBuilder(user: "u")
      .policy(RevisionPolicy(defaultHalfLife: 10 * Self.day)).binary("x")
      .source("s", kind: .behavior, reliability: 1)
      .evidence(
        make.holds("x", weight: 8, age: 20 * Self.day),
        make.doesNotHold("x", weight: 2, age: 20 * Self.day)
      )
      .build(at: Self.now)
    let estimate = try model.estimate(for: "x", at: Self.now)
    #expect(isClose(estimate.evidence[0], 2) && isClose(estimate.evidence[1], 0.5))
    #expect(isClose(try estimate.probability(of: "true"), 2.0 / 3))
  }
}
