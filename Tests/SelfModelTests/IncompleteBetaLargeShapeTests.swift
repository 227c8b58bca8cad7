import Foundation
import SelfModel
import Testing

/// The Beta quantile is bounded in time for any shapes it accepts (an
/// interval with shapes near 1e92 took minutes) and, above a shape of 1e6, accurate to the
/// bounds `Docs/Math.md` states. Reference values from SciPy 1.x (`scipy.stats.beta.ppf`; for
/// a quantile near 1, `1 - x` from `beta.ppf(1 - p, b, a)`).
@Suite(.timeLimit(.minutes(1))) struct IncompleteBetaLargeShapeTests {
  /// Both shapes above 1e6: the Cornish-Fisher expansion, within 1e-4 standard deviations.
  @Test(arguments: [
    (0.025, 2e6, 2e6, 0.4995100090908831),
    (0.975, 1e7, 3e7, 0.250134201397415),
    (0.5, 3e8, 1e8, 0.7500000004166667),
    (0.025, 1e12, 5e11, 0.6666659122759668),
    (0.025, 1e92, 1e92, 0.5),
  ])
  func bothShapesLarge(_ row: (Double, Double, Double, Double)) throws {
    let (p, a, b, expected) = row
    let sum = a + b
    let sigma = (a * b / (sum * sum * (sum + 1))).squareRoot()
    let x = try IncompleteBeta.inverse(p, a: a, b: b)
    #expect(abs(x - expected) <= max(1e-4 * sigma, 1e-15), "\(x) vs \(expected)")
  }

  /// One shape large, one not: the small side (`x`, or `1 - x` when `a` is the large one)
  /// within a relative 2e-3 (within 2e-5 for a small shape up to 50).
  @Test(arguments: [
    (0.975, 2e6, 1e12, 2.002768746366924e-06, 2e-3),
    (0.025, 0.3, 1e9, 3.1856790328541543e-15, 2e-5),
    (0.975, 2, 1e9, 5.571643405118584e-09, 2e-5),
    (0.5, 50, 1e7, 4.966681959402929e-06, 2e-5),
    (0.025, 1e9, 2, 5.571643405118584e-09, 2e-5),
    (0.025, 0.5, 1e12, 4.910345585877504e-16, 2e-5),
  ])
  func oneShapeLarge(_ row: (Double, Double, Double, Double, Double)) throws {
    let (p, a, b, expectedSmallSide, tolerance) = row
    let x = try IncompleteBeta.inverse(p, a: a, b: b)
    let smallSide = a <= b ? x : 1 - x
    #expect(abs(smallSide - expectedSmallSide) <= tolerance * expectedSmallSide, "\(smallSide)")
  }

  /// Any accepted shapes: one 95 % interval well under a second, even in a debug build.
  @Test func anIntervalIsFastForAnyShapes() throws {
    let started = ContinuousClock.now
    for (a, b) in [(1e92, 1e92), (1e92, 0.5), (3e300, 2), (1e6 + 1, 0.01), (1e15, 1e15)] {
      let beta = try BetaDistribution(alpha: a, beta: b)
      let interval = try beta.equalTailedInterval(level: 0.95)
      #expect(interval.lowerBound <= interval.upperBound)
    }
    #expect(ContinuousClock.now - started < .seconds(2))
  }
}
