import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The empirical-Bayes beta-binomial fit against SciPy: `Scripts/reference/betabinom_fit.py`
/// (scipy.stats.betabinom maximised with L-BFGS-B then Nelder-Mead) prints the values pinned
/// here.
@Suite struct BetaBinomialFitTests {
  /// `PINNED_K` and `PINNED_N` of the reference script: 20 users.
  static let successes = [0, 1, 2, 3, 5, 1, 0, 4, 7, 2, 3, 3, 9, 0, 1, 6, 2, 2, 5, 8]
  static let trials = [3, 4, 5, 3, 9, 2, 6, 4, 10, 7, 3, 8, 10, 1, 2, 6, 5, 9, 5, 10]

  private static func counts(_ k: [Int], _ n: [Int]) throws -> BetaBinomialCounts {
    var counts = BetaBinomialCounts()
    for (k, n) in zip(k, n) { try counts.add(successes: k, trials: n) }
    return counts
  }

  @Test func matchesSciPyOnThePinnedPopulation() throws {
    let fit = try BetaBinomialFit(fitting: Self.counts(Self.successes, Self.trials))
    #expect(abs(fit.alpha - 1.2380632876) < 1e-6)
    #expect(abs(fit.beta - 0.9545218411) < 1e-6)
    #expect(abs(fit.baseRate - 0.5646591648) < 1e-7)
    #expect(abs(fit.priorWeight - 2.1925851286) < 1e-6)
    #expect(abs(fit.logLikelihood - -35.2509367223) < 1e-8)
    #expect(fit.users == 20)
    #expect(!fit.isAtWeightBound)
  }

  /// The log likelihood is the sum of beta-binomial log pmfs, computed here term by term
  /// from the definition `C(n,k) B(k+a, n-k+b) / B(a, b)` with `lgamma`.
  @Test func theLikelihoodIsTheBetaBinomialsAtTheFit() throws {
    let fit = try BetaBinomialFit(fitting: Self.counts(Self.successes, Self.trials))
    func lbeta(_ a: Double, _ b: Double) -> Double { lgamma(a) + lgamma(b) - lgamma(a + b) }
    var total = 0.0
    for (k, n) in zip(Self.successes, Self.trials) {
      let (k, n) = (Double(k), Double(n))
      total += lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)
      total += lbeta(k + fit.alpha, n - k + fit.beta) - lbeta(fit.alpha, fit.beta)
    }
    #expect(abs(total - fit.logLikelihood) < 1e-9)
  }

  /// Synthetic populations with known `Beta(a, b)`: the fit recovers the mean within 0.02 and
  /// `W` within a factor of 1.3 (the reference script's own check, on 4,000 users).
  @Test(arguments: [(2.0, 3.0, 20), (0.5, 0.5, 10), (8.0, 2.0, 30)])
  func recoversKnownPopulations(alpha: Double, beta: Double, maximumTrials: Int) throws {
    var random = SeededRandom(seed: 9)
    var counts = BetaBinomialCounts()
    for _ in 0..<4_000 {
      let n = Int.random(in: 1...maximumTrials, using: &random)
      let theta = try BetaDistribution(alpha: alpha, beta: beta)
        .quantile(Double.random(in: 0..<1, using: &random))
      let k = (0..<n).filter { _ in Double.random(in: 0..<1, using: &random) < theta }.count
      try counts.add(successes: k, trials: n)
    }
    let fit = try BetaBinomialFit(fitting: counts)
    #expect(abs(fit.baseRate - alpha / (alpha + beta)) < 0.02)
    let ratio = fit.priorWeight / (alpha + beta)
    #expect(ratio > 1 / 1.3 && ratio < 1.3, "W \(fit.priorWeight)")
  }

  /// Counting pages apart and merging equals counting everyone at once.
  @Test func pagesMergeToTheWhole() throws {
    let whole = try Self.counts(Self.successes, Self.trials)
    var merged = try Self.counts(Array(Self.successes[..<7]), Array(Self.trials[..<7]))
    merged.merge(try Self.counts(Array(Self.successes[7...]), Array(Self.trials[7...])))
    #expect(merged.users == whole.users && merged.trials == whole.trials)
    let (a, b) = (try BetaBinomialFit(fitting: merged), try BetaBinomialFit(fitting: whole))
    #expect(a.baseRate == b.baseRate && a.priorWeight == b.priorWeight)
    #expect(abs(a.logLikelihood - b.logLikelihood) < 1e-12)
  }

  @Test func noOverdispersionStopsAtTheUpperBound() throws {
    let counts = try Self.counts(Array(repeating: 5, count: 50), Array(repeating: 10, count: 50))
    let fit = try BetaBinomialFit(fitting: counts)
    #expect(fit.isAtWeightBound)
    #expect(abs(fit.baseRate - 0.5) < 1e-9)
    #expect(fit.priorWeight == BetaBinomialFit.priorWeightBounds.upperBound)
  }

  @Test func badPopulationsAreRefused() throws {
    for (k, n) in [([3, 2], [3, 2]), ([0, 0], [3, 2]), ([Int](), [Int]()), ([0], [0])] {
      #expect(throws: ModelError.self) { try BetaBinomialFit(fitting: Self.counts(k, n)) }
    }
    var counts = BetaBinomialCounts()
    for (k, n) in [(-1, 3), (4, 3), (0, -1), (1, BetaBinomialCounts.maximumTrials + 1)] {
      #expect(throws: ModelError.self) { try counts.add(successes: k, trials: n) }
    }
    #expect(counts == BetaBinomialCounts())
  }
}
