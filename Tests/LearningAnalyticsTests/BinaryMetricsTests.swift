import Testing

@testable import LearningAnalytics

/// Pinned against `Scripts/reference/learning_analytics_metrics.py` (numpy 2.4, scipy 1.17):
/// log loss with the README's clip, Brier, ECE over bins `min(floor(10 p), 9)`, and AUC by the
/// Mann-Whitney formula with `scipy.stats.rankdata` mid-ranks.
@Suite struct BinaryMetricsTests {
  let probabilities = [0.9, 0.8, 0.8, 0.35, 0.2, 0.05, 0.6, 0.6, 0.999_999_9, 0.0, 0.45, 0.95]
  let outcomes = [true, true, false, true, false, false, true, false, true, false, true, true]

  @Test func metricsMatchNumPy() throws {
    let metrics = BinaryMetrics(probabilities: probabilities, outcomes: outcomes)
    #expect(abs(metrics.logLoss - 0.4615933579877535) < 1e-12)
    #expect(abs(metrics.brier - 0.16500000000000084) < 1e-12)
    #expect(abs(metrics.calibrationError - 0.2000000083333333) < 1e-12)
    let auc = try #require(metrics.areaUnderCurve)
    #expect(abs(auc - 0.8285714285714286) < 1e-12)
  }

  @Test func logLossClipsAtTheReadmesEpsilon() {
    let losses = BinaryMetrics.losses([0, 1, 0.5], [true, false, true])
    #expect(abs(losses[0] - 13.815510557964274) < 1e-9)  // -ln(1e-6)
    #expect(abs(losses[1] - 13.815510557964274) < 1e-9)
    #expect(abs(losses[2] - 0.6931471805599453) < 1e-12)
  }

  @Test func areaUnderCurveIsUndefinedWithOneClassAndHalfForTies() {
    #expect(BinaryMetrics.areaUnderCurve([0.2, 0.7], [true, true]) == nil)
    #expect(BinaryMetrics.areaUnderCurve([0.4, 0.4, 0.4], [true, false, true]) == 0.5)
    #expect(BinaryMetrics.areaUnderCurve([0.1, 0.9], [false, true]) == 1)
  }

  @Test func reliabilityBinsUseFloorOfTenP() {
    let bins = ReliabilityBin.bins([0.1, 0.19, 1.0, 0.95, 0.0], [true, false, true, false, false])
    #expect(bins.map(\.index) == [0, 1, 9])
    #expect(bins.map(\.count) == [1, 2, 2])
    #expect(abs(bins[1].meanProbability - 0.145) < 1e-12)
    #expect(bins[2].observedFrequency == 0.5)
  }
}
