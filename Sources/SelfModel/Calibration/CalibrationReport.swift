import Foundation

/// How well a set of predicted probabilities matched the binary outcomes that followed:
/// Brier score, log loss, expected and maximum calibration error, ROC AUC and a reliability
/// diagram.
///
/// Build one from `(probability, outcome)` pairs, for example from a backtest that recorded
/// what the model predicted before each observation. The conventions are those of the
/// project's reference vectors (scikit-learn 1.9 and netcal 1.4):
///
/// - ``brierScore``: `mean((p - y)^2)`, as `sklearn.metrics.brier_score_loss` (binary).
/// - ``logLoss``: `-mean(y ln p + (1 - y) ln(1 - p))` with `p` clipped to `[eps, 1 - eps]`,
///   `eps = 2.220446049250313e-16` (float64 machine epsilon), as
///   `sklearn.metrics.log_loss(labels=[0, 1])` with its default `eps="auto"`.
/// - ``expectedCalibrationError``: netcal `ECE(bins=10)` on the positive-class probability:
///   `sum_b (n_b / N) |mean(y_b) - mean(p_b)|` over 10 equal-width bins with edges
///   `numpy.linspace(0, 1, 11)`, left-closed `[lo, hi)` and the last bin closed; `p` is clipped
///   to `[eps, 1 - eps]` first.
/// - ``topLabelCalibrationError``: the same on the confidence `max(p, 1 - p)` against whether
///   the predicted class (`true` iff `p > 0.5`) was right.
/// - ``maximumCalibrationError``: netcal `MCE(bins=10)`, the largest bin gap.
/// - ``areaUnderCurve``: `sklearn.metrics.roc_auc_score`, ties counted 1/2; `nil` with one class.
///
/// ```swift
/// let report = try CalibrationReport(
///   probabilities: [0.9, 0.8, 0.3, 0.2], outcomes: [true, true, false, true])
/// report.brierScore  // 0.195
/// report.areaUnderCurve  // 0.6666666666666666
/// ```
///
/// A report always encodes: an infinite ``unclippedLogLoss`` is written as `null` and read back
/// as `+infinity`.
public struct CalibrationReport: Sendable, Hashable, Codable {
  /// The number of equal-width probability bins: 10.
  public static var binCount: Int { 10 }
  /// The clipping epsilon for log loss and binning: float64 machine epsilon,
  /// `2.220446049250313e-16`.
  public static var clippingEpsilon: Double { Double.ulpOfOne }

  /// The number of predictions.
  public let count: Int
  /// The fraction of outcomes that were `true`.
  public let baseRate: Double
  /// The mean squared error `mean((p - y)^2)`, in `0...1`; lower is better.
  public let brierScore: Double
  /// The mean negative log-likelihood in nats with `p` clipped to `[eps, 1 - eps]`; finite,
  /// at most `-ln(eps)`, about 36.04.
  public let logLoss: Double
  /// The mean negative log-likelihood in nats without clipping: `+infinity` when a prediction of
  /// exactly 0 or 1 turned out wrong.
  public let unclippedLogLoss: Double
  /// The expected calibration error over 10 bins of the positive-class probability (ECE-10).
  public let expectedCalibrationError: Double
  /// The expected calibration error over 10 bins of the top-label confidence `max(p, 1 - p)`.
  public let topLabelCalibrationError: Double
  /// The largest calibration gap of any non-empty positive-class bin (MCE-10).
  public let maximumCalibrationError: Double
  /// The area under the ROC curve, ties counted 1/2; `nil` when all outcomes are the same.
  public let areaUnderCurve: Double?
  /// The non-empty bins of the positive-class reliability diagram, in increasing order.
  public let bins: [ReliabilityBin]

  /// Evaluates predicted probabilities against the outcomes that followed.
  ///
  /// Runs in `O(n log n)` time (the AUC sorts the predictions once).
  ///
  /// ```swift
  /// let report = try CalibrationReport(probabilities: [0.7, 0.2], outcomes: [true, false])
  /// report.expectedCalibrationError  // 0.25
  /// ```
  ///
  /// - Parameters:
  ///   - probabilities: The predicted probabilities that the outcome is `true`, each in `0...1`.
  ///   - outcomes: What happened, one per probability, in the same order.
  /// - Throws: ``ModelError/invalidDistribution(field:reason:)`` when the counts differ,
  ///   ``ModelError/undefined(quantity:reason:)`` when there are no predictions, and
  ///   ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a probability that is NaN,
  ///   infinite or outside `0...1`.
  public init(probabilities: [Double], outcomes: [Bool]) throws(ModelError) {
    try Self.validate(probabilities: probabilities, outcomes: outcomes)
    let total = Double(probabilities.count)
    let clipped = probabilities.map(Self.clipped)
    count = probabilities.count
    baseRate = Double(outcomes.count { $0 }) / total
    brierScore =
      zip(probabilities, outcomes).reduce(0) { $0 + pow($1.0 - ($1.1 ? 1 : 0), 2) } / total
    logLoss = Self.meanNegativeLogLikelihood(clipped, outcomes)
    unclippedLogLoss = Self.meanNegativeLogLikelihood(probabilities, outcomes)
    let positive = Self.tallies(of: clipped, hits: outcomes)
    bins = Self.reliabilityBins(positive)
    expectedCalibrationError = Self.expectedError(bins, total: total)
    maximumCalibrationError = bins.map(\.calibrationGap).max() ?? 0
    let confidences = clipped.map { max($0, 1 - $0) }
    let correct = zip(probabilities, outcomes).map { ($0 > 0.5) == $1 }
    let topLabel = Self.tallies(of: confidences, hits: correct)
    topLabelCalibrationError = Self.expectedError(Self.reliabilityBins(topLabel), total: total)
    areaUnderCurve = Self.rocAreaUnderCurve(probabilities, outcomes)
  }
}

extension CalibrationReport {
  private struct Tally {
    var count = 0
    var probabilitySum = 0.0
    var hits = 0
  }

  private static func validate(probabilities: [Double], outcomes: [Bool]) throws(ModelError) {
    guard probabilities.count == outcomes.count else {
      throw .invalidDistribution(
        field: "outcomes",
        reason: "there are \(outcomes.count) outcomes for \(probabilities.count) probabilities")
    }
    guard !probabilities.isEmpty else {
      throw .undefined(quantity: "calibration report", reason: "there are no predictions")
    }
    for (offset, value) in probabilities.enumerated() {
      try Information.validateProbability(value, field: "probabilities[\(offset)]")
    }
  }

  private static func clipped(_ p: Double) -> Double {
    min(max(p, clippingEpsilon), 1 - clippingEpsilon)
  }

  private static func meanNegativeLogLikelihood(_ p: [Double], _ y: [Bool]) -> Double {
    let sum = zip(p, y).reduce(0.0) { $0 - log($1.1 ? $1.0 : 1 - $1.0) }
    return sum / Double(p.count)
  }

  private static func tallies(of values: [Double], hits: [Bool]) -> [Tally] {
    var tallies = [Tally](repeating: Tally(), count: binCount)
    for (value, hit) in zip(values, hits) {
      let index = Information.binIndex(of: value, bins: binCount)
      tallies[index].count += 1
      tallies[index].probabilitySum += value
      tallies[index].hits += hit ? 1 : 0
    }
    return tallies
  }

  private static func reliabilityBins(_ tallies: [Tally]) -> [ReliabilityBin] {
    tallies.enumerated().compactMap { index, tally in
      guard tally.count > 0 else { return nil }
      return ReliabilityBin(
        index: index,
        lower: Information.binEdge(index, bins: binCount),
        upper: Information.binEdge(index + 1, bins: binCount),
        count: tally.count,
        meanProbability: tally.probabilitySum / Double(tally.count),
        observedFrequency: Double(tally.hits) / Double(tally.count))
    }
  }

  private static func expectedError(_ bins: [ReliabilityBin], total: Double) -> Double {
    bins.reduce(0) { $0 + Double($1.count) / total * $1.calibrationGap }
  }

  /// The Mann-Whitney form of the ROC AUC: for each group of tied scores, every positive beats
  /// the negatives scored lower and half-beats the negatives in its own group.
  private static func rocAreaUnderCurve(_ p: [Double], _ y: [Bool]) -> Double? {
    let positives = y.count { $0 }
    let negatives = y.count - positives
    guard positives > 0 && negatives > 0 else { return nil }
    let order = p.indices.sorted { p[$0] < p[$1] }
    var wins = 0.0
    var negativesBelow = 0
    var start = 0
    while start < order.count {
      var end = start
      var groupPositives = 0
      while end < order.count && p[order[end]] == p[order[start]] {
        groupPositives += y[order[end]] ? 1 : 0
        end += 1
      }
      let groupNegatives = end - start - groupPositives
      wins += Double(groupPositives) * (Double(negativesBelow) + Double(groupNegatives) / 2)
      negativesBelow += groupNegatives
      start = end
    }
    return wins / (Double(positives) * Double(negatives))
  }
}
