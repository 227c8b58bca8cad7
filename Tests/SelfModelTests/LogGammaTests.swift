import Foundation
import Testing

@testable import SelfModel

@Suite struct LogGammaTests {
  /// `(x, log Γ(x))` from SciPy 1.17.1 `scipy.special.gammaln`.
  static let gammaCases: [(Double, Double)] = [
    (1e-300, 690.7755278982137),
    (1e-10, 23.025850929882733),
    (0.001, 6.907178885383853),
    (0.1, 2.252712651734206),
    (0.5, 0.5723649429247),
    (0.9, 0.06637623973474327),
    (1.0, 0.0),
    (1.5, -0.12078223763524526),
    (2.0, 0.0),
    (2.5, 0.2846828704729192),
    (3.7, 1.428072326665388),
    (9.999, 12.799575780077413),
    (10.0, 12.801827480081469),
    (10.5, 13.940625219403763),
    (50.0, 144.56574394634487),
    (1000.0, 5905.220423209181),
    (5000.0, 37582.62631568535),
    (1_000_000.0, 12815504.569147611),
    (1e15, 3.3538776394910668e+16),
  ]

  /// `(a, b, log B(a, b))` from mpmath 1.3.0 at 40 digits (`loggamma(a) + loggamma(b) -
  /// loggamma(a + b)`): SciPy 1.17.1 `betaln(0.05, 5000)` is off by 1.2e-12.
  static let betaCases: [(Double, Double, Double)] = [
    (0.05, 0.05, 3.6850457503692557),
    (0.05, 5000.0, 2.5430242916234174),
    (0.5, 0.5, 1.1447298858494002),
    (1.0, 1.0, 0.0),
    (3.7, 50.0, -13.144245754007292),
    (9.5, 9.5, -13.016778366438517),
    (10.0, 12.0, -15.076003572521552),
    (50.0, 1000.0, -202.02729333032727),
    (1000.0, 5000.0, -2705.8109454146093),
    (5000.0, 5000.0, -6934.464865071676),
    (2.0, 100_000_000.0, -36.84136149790473),
    (10_000_000.0, 1_000_000_000.0, -56101543.1567148),
  ]

  @Test(arguments: gammaCases)
  func matchesSciPyGammaln(_ x: Double, _ expected: Double) {
    #expect(isClose(logGamma(x), expected, tolerance: 1e-14))
  }

  @Test(arguments: betaCases)
  func matchesSciPyBetaln(_ a: Double, _ b: Double, _ expected: Double) {
    #expect(isClose(logBeta(a, b), expected, tolerance: 1e-13))
    #expect(isClose(logBeta(b, a), expected, tolerance: 1e-13))
  }

  @Test func satisfiesTheRecurrence() {
    for x in stride(from: 0.05, through: 30, by: 0.37) {
      #expect(isClose(logGamma(x + 1), logGamma(x) + log(x), tolerance: 1e-14))
    }
  }

  @Test func isExactAtSmallIntegersWithinRounding() {
    var factorial = 1.0
    for n in 1...20 {
      #expect(isClose(logGamma(Double(n)), log(factorial), tolerance: 1e-15))
      factorial *= Double(n)
    }
  }
}
