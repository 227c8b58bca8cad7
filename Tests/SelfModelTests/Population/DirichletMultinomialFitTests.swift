import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The Dirichlet-multinomial fit against SciPy: `Scripts/reference/dirichlet_multinomial_fit.py`
/// (`scipy.stats.dirichlet_multinomial` maximised with L-BFGS-B then Nelder-Mead) prints the
/// values pinned here.
@Suite struct DirichletMultinomialFitTests {
  /// `PINNED` of the reference script: 15 users, 3 outcomes.
  static let pinned = [
    [3, 1, 0], [0, 2, 2], [5, 0, 1], [1, 1, 1], [2, 0, 0], [0, 0, 4], [4, 3, 1], [1, 0, 2],
    [6, 1, 1], [0, 3, 0], [2, 2, 2], [1, 0, 0], [3, 0, 3], [0, 1, 5], [2, 1, 0],
  ]

  static func counts(_ rows: [[Int]], outcomes: Int = 3) throws -> DirichletMultinomialCounts {
    var counts = try DirichletMultinomialCounts(outcomes: outcomes)
    for row in rows { try counts.add(row) }
    return counts
  }

  @Test func matchesSciPyOnThePinnedPopulation() throws {
    let fit = try DirichletMultinomialFit(fitting: Self.counts(Self.pinned))
    for (a, expected) in zip(fit.alphas, [1.8466884460, 1.0504895667, 1.3986436126]) {
      #expect(abs(a - expected) < 1e-5, "a \(a)")
    }
    #expect(abs(fit.priorWeight - 4.2958216253) < 1e-5)
    #expect(abs(fit.baseRates[0] - 0.4298801503) < 1e-6)
    #expect(abs(fit.logLikelihood - -40.1711413539) < 1e-8)
    #expect(fit.users == 15 && !fit.isAtWeightBound)
  }

  /// The log likelihood is the sum of Dirichlet-multinomial log pmfs from the definition
  /// `n! / prod x_k! * Gamma(W) / Gamma(n + W) * prod Gamma(x_k + a_k) / Gamma(a_k)`.
  @Test func theLikelihoodIsTheDirichletMultinomialsAtTheFit() throws {
    let fit = try DirichletMultinomialFit(fitting: Self.counts(Self.pinned))
    var total = 0.0
    for row in Self.pinned {
      let n = Double(row.reduce(0, +))
      total += lgamma(n + 1) + lgamma(fit.priorWeight) - lgamma(n + fit.priorWeight)
      for (x, a) in zip(row, fit.alphas) {
        total += lgamma(Double(x) + a) - lgamma(a) - lgamma(Double(x) + 1)
      }
    }
    #expect(abs(total - fit.logLikelihood) < 1e-9)
  }

  /// Two outcomes are the beta-binomial of `BetaBinomialFitTests`, outcome 0 the success.
  @Test func twoOutcomesAreTheBetaBinomial() throws {
    let rows = zip(BetaBinomialFitTests.successes, BetaBinomialFitTests.trials).map {
      [$0, $1 - $0]
    }
    let fit = try DirichletMultinomialFit(fitting: Self.counts(rows, outcomes: 2))
    #expect(abs(fit.alphas[0] - 1.2380632876) < 1e-6)
    #expect(abs(fit.alphas[1] - 0.9545218411) < 1e-6)
    #expect(abs(fit.logLikelihood - -35.2509367223) < 1e-8)
  }

  /// A seeded population drawn from `Dirichlet(3, 1.5, 0.5)` (stick-breaking with Beta
  /// quantiles), 1 to 20 trials each: the fit recovers the means within 0.02 and `W` within a
  /// factor of 1.3 (SciPy on numpy's draw: a = 3.08, 1.56, 0.52).
  @Test func recoversAKnownPopulation() throws {
    let truth = [3.0, 1.5, 0.5]
    var random = SeededRandom(seed: 9)
    var counts = try DirichletMultinomialCounts(outcomes: 3)
    for _ in 0..<4_000 {
      let theta = try Self.dirichlet(truth, using: &random)
      var row = [0, 0, 0]
      for _ in 0..<Int.random(in: 1...20, using: &random) {
        let u = Double.random(in: 0..<1, using: &random)
        row[u < theta[0] ? 0 : (u < theta[0] + theta[1] ? 1 : 2)] += 1
      }
      try counts.add(row)
    }
    let fit = try DirichletMultinomialFit(fitting: counts)
    for (rate, a) in zip(fit.baseRates, truth) { #expect(abs(rate - a / 5) < 0.02) }
    let ratio = fit.priorWeight / 5
    #expect(ratio > 1 / 1.3 && ratio < 1.3, "W \(fit.priorWeight)")
  }

  static func dirichlet(_ a: [Double], using random: inout SeededRandom) throws -> [Double] {
    var remaining = 1.0
    var result: [Double] = []
    for k in 0..<(a.count - 1) {
      let rest = a[(k + 1)...].reduce(0, +)
      let share = try BetaDistribution(alpha: a[k], beta: rest)
        .quantile(Double.random(in: 0..<1, using: &random))
      result.append(remaining * share)
      remaining -= remaining * share
    }
    return result + [remaining]
  }

  @Test func pagesMergeToTheWhole() throws {
    let whole = try Self.counts(Self.pinned)
    var merged = try Self.counts(Array(Self.pinned[..<6]))
    try merged.merge(Self.counts(Array(Self.pinned[6...])))
    #expect(merged == whole)
    #expect(try DirichletMultinomialFit(fitting: merged) == DirichletMultinomialFit(fitting: whole))
  }

  @Test func noOverdispersionStopsAtTheUpperBound() throws {
    let fit = try DirichletMultinomialFit(
      fitting: Self.counts(Array(repeating: [5, 3, 2], count: 40)))
    #expect(fit.isAtWeightBound)
    #expect(abs(fit.priorWeight - BetaBinomialFit.priorWeightBounds.upperBound) < 1e-3)
    for (rate, expected) in zip(fit.baseRates, [0.5, 0.3, 0.2]) {
      #expect(abs(rate - expected) < 1e-6)
    }
  }

  @Test func badPopulationsAndCountsAreRefused() throws {
    #expect(throws: ModelError.emptyPopulation(belief: nil)) {
      try DirichletMultinomialFit(fitting: Self.counts([]))
    }
    for rows in [[[2, 0, 0], [1, 0, 0]], [[2, 1, 0], [0, 3, 0]]] {
      #expect(throws: ModelError.self) { try DirichletMultinomialFit(fitting: Self.counts(rows)) }
    }
    var counts = try DirichletMultinomialCounts(outcomes: 3)
    for row in [[-1, 2, 0], [1, 2], [BetaBinomialCounts.maximumTrials, 1, 0]] {
      #expect(throws: ModelError.self) { try counts.add(row) }
    }
    #expect(counts == (try DirichletMultinomialCounts(outcomes: 3)))
    #expect(throws: ModelError.self) { try DirichletMultinomialCounts(outcomes: 1) }
    #expect(throws: ModelError.self) {
      try counts.merge(DirichletMultinomialCounts(outcomes: 2))
    }
  }
}
