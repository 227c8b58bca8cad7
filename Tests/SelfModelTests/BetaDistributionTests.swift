import Foundation
import SelfModel
import Testing

/// A `beta_bernoulli` reference case, wrapped so the test log names it.
struct BetaBernoulliCase: Sendable, CustomTestStringConvertible {
  let value: JSONValue
  var testDescription: String { value["name"].string ?? "unnamed" }
}

@Suite struct BetaDistributionTests {
  static let referenceCases = ReferenceVectors.cases("beta_bernoulli").map(BetaBernoulliCase.init)

  @Test func referenceSectionIsPresent() {
    #expect(Self.referenceCases.count == 13)
  }

  /// Pins the evidence convention: weight `2^(-age / half_life)` (1 without a half-life),
  /// `a = prior_a + Σ w y`, `b = prior_b + Σ w (1 - y)`, the prior never decayed.
  @Test(arguments: referenceCases)
  func posteriorParametersFollowTheConvention(_ reference: BetaBernoulliCase) throws {
    let inputs = reference.value["inputs"]
    let expected = reference.value["expected"]
    let halfLife = inputs["half_life"].double
    var a = try #require(inputs["prior_a"].double)
    var b = try #require(inputs["prior_b"].double)
    for observation in inputs["observations"].array {
      let outcome = try #require(observation[0].double)
      let age = try #require(observation[1].double)
      let weight = halfLife.map { pow(2, -age / $0) } ?? 1
      a += weight * outcome
      b += weight * (1 - outcome)
    }
    #expect(isClose(a, try #require(expected["posterior_a"].double), tolerance: 1e-12))
    #expect(isClose(b, try #require(expected["posterior_b"].double), tolerance: 1e-12))
  }

  @Test(arguments: referenceCases)
  func matchesReferenceSummaries(_ reference: BetaBernoulliCase) throws {
    let expected = reference.value["expected"]
    let distribution = try BetaDistribution(
      alpha: try #require(expected["posterior_a"].double),
      beta: try #require(expected["posterior_b"].double))
    #expect(isClose(distribution.mean, try #require(expected["mean"].double)))
    #expect(isClose(distribution.variance, try #require(expected["variance"].double)))
    if expected["mode"].isNull {
      #expect(distribution.mode == nil)
    } else {
      let mode = try #require(distribution.mode)
      #expect(isClose(mode, try #require(expected["mode"].double)))
    }
    let above = try distribution.probabilityAbove(0.5)
    let expectedAbove = try #require(expected["p_theta_gt_0_5"].double)
    #expect(isRelativelyClose(above, expectedAbove, tolerance: 1e-9), "got \(above)")
  }

  @Test(arguments: referenceCases)
  func matchesReferenceIntervals(_ reference: BetaBernoulliCase) throws {
    let expected = reference.value["expected"]
    let distribution = try BetaDistribution(
      alpha: try #require(expected["posterior_a"].double),
      beta: try #require(expected["posterior_b"].double))
    for (level, key) in [(0.9, "ci90_equal_tailed"), (0.95, "ci95_equal_tailed")] {
      let interval = try distribution.equalTailedInterval(level: level)
      let bounds = expected[key].doubles
      try #require(bounds.count == 2)
      #expect(isClose(interval.lowerBound, bounds[0], tolerance: 1e-7), "\(key) \(interval)")
      #expect(isClose(interval.upperBound, bounds[1], tolerance: 1e-7), "\(key) \(interval)")
    }
  }

  /// `(α, β, x, P(θ > x))` from SciPy 1.17.1 `scipy.special.betaincc`.
  @Test(arguments: [
    (2.0, 50.0, 0.5, 2.3092638912203256e-14),
    (1000.0, 5000.0, 0.3, 6.703107770741822e-126),
    (0.05, 5000.0, 0.01, 1.8392471094070886e-25),
    (3.7, 0.05, 1e-10, 1.0),
    (50.0, 50.0, 0.999, 4.80784771628557e-122),
  ])
  func keepsTinySurvivalProbabilities(_ alpha: Double, _ beta: Double, _ x: Double, _ sf: Double)
    throws
  {
    let distribution = try BetaDistribution(alpha: alpha, beta: beta)
    #expect(isRelativelyClose(try distribution.probabilityAbove(x), sf, tolerance: 1e-9))
  }

  @Test func cumulativeAndSurvivalAddUpAndInvert() throws {
    let distribution = try BetaDistribution(alpha: 3, beta: 2)
    #expect(isClose(try distribution.probabilityAbove(0.5), 0.6875, tolerance: 1e-14))
    for x in stride(from: 0.0, through: 1, by: 0.125) {
      let sum = try distribution.cumulativeProbability(x) + distribution.probabilityAbove(x)
      #expect(isClose(sum, 1, tolerance: 1e-15))
      let p = try distribution.cumulativeProbability(x)
      #expect(isClose(try distribution.quantile(p), x, tolerance: 1e-12))
    }
  }

  @Test func summariesOfSimpleDistributions() throws {
    let uniform = try BetaDistribution(alpha: 1, beta: 1)
    #expect(uniform.mean == 0.5)
    #expect(isClose(uniform.variance, 1.0 / 12, tolerance: 1e-15))
    #expect(uniform.mode == nil)
    #expect(try BetaDistribution(alpha: 3, beta: 2).mode == 2.0 / 3)
    #expect(try BetaDistribution(alpha: 1, beta: 5).mode == nil)
  }

  @Test(arguments: [
    (Double.nan, 1.0, ModelError.nonFiniteNumber(field: "alpha")),
    (1.0, .infinity, .nonFiniteNumber(field: "beta")),
    (-1.0, 1.0, .numberOutOfRange(field: "alpha", value: -1, allowed: "> 0")),
    (1.0, 0.0, .numberOutOfRange(field: "beta", value: 0, allowed: "> 0")),
  ])
  func rejectsBadParameters(_ alpha: Double, _ beta: Double, _ error: ModelError) {
    #expect(throws: error) { try BetaDistribution(alpha: alpha, beta: beta) }
  }

  @Test(arguments: [
    (Double.nan, ModelError.nonFiniteNumber(field: "level")),
    (0.0, .numberOutOfRange(field: "level", value: 0, allowed: "(0, 1)")),
    (1.0, .numberOutOfRange(field: "level", value: 1, allowed: "(0, 1)")),
    (-0.5, .numberOutOfRange(field: "level", value: -0.5, allowed: "(0, 1)")),
  ])
  func rejectsBadLevels(_ level: Double, _ error: ModelError) throws {
    let distribution = try BetaDistribution(alpha: 2, beta: 3)
    #expect(throws: error) { try distribution.equalTailedInterval(level: level) }
  }

  @Test func rejectsBadArguments() throws {
    let distribution = try BetaDistribution(alpha: 2, beta: 3)
    let outside = ModelError.numberOutOfRange(field: "x", value: 1.5, allowed: "0...1")
    #expect(throws: outside) { try distribution.cumulativeProbability(1.5) }
    #expect(throws: outside) { try distribution.probabilityAbove(1.5) }
    #expect(throws: ModelError.nonFiniteNumber(field: "x")) {
      try distribution.cumulativeProbability(.nan)
    }
    #expect(throws: ModelError.nonFiniteNumber(field: "probability")) {
      try distribution.quantile(.infinity)
    }
    #expect(throws: ModelError.numberOutOfRange(field: "probability", value: -1, allowed: "0...1"))
    {
      try distribution.quantile(-1)
    }
  }

  @Test func roundTripsThroughJSON() throws {
    let distribution = try BetaDistribution(alpha: 2.5, beta: 0.125)
    let data = try JSONEncoder().encode(distribution)
    #expect(try JSONDecoder().decode(BetaDistribution.self, from: data) == distribution)
  }

  @Test(arguments: [
    (
      #"{"alpha": -1, "beta": 2}"#,
      ModelError.numberOutOfRange(field: "alpha", value: -1, allowed: "> 0")
    ),
    (#"{"alpha": 1, "beta": "nan"}"#, .nonFiniteNumber(field: "beta")),
    (#"{"alpha": 0, "beta": 2}"#, .numberOutOfRange(field: "alpha", value: 0, allowed: "> 0")),
  ])
  func decodingValidates(_ json: String, _ error: ModelError) {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
    #expect(throws: error) {
      try ModelError.unwrappingDecoding {
        try decoder.decode(BetaDistribution.self, from: Data(json.utf8))
      }
    }
  }
}
