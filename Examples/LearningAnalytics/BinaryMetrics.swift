import Foundation

/// The README's metrics of binary predictions `p_i = P(y_i = 1)` against outcomes `y_i`.
///
///     log loss = -mean(y ln p + (1 - y) ln(1 - p)),  p clipped to [1e-6, 1 - 1e-6]
///     Brier    = mean((p - y)^2)
///     ECE      = sum_b (n_b / N) |mean(p_b) - mean(y_b)|,  bin b = min(floor(10 p), 9)
///     AUC      = (R_1 - n_1 (n_1 + 1) / 2) / (n_1 n_0)    Mann-Whitney, R_1 the rank sum of
///                                                        the positives, ties at mid-rank
///
/// These are the conventions of `Scripts/reference/oulad_study.py`, whose numbers the example
/// reproduces. (The library's ``CalibrationReport`` clips at machine epsilon and bins with
/// NumPy's edges; the README asks for 1e-6.)
struct BinaryMetrics: Sendable, Hashable {
  /// The README's clip for the log loss.
  static let clip = 1e-6

  /// Mean log loss in nats.
  let logLoss: Double
  /// Mean squared error.
  let brier: Double
  /// Expected calibration error over 10 equal-width bins.
  let calibrationError: Double
  /// Area under the ROC curve; `nil` when only one outcome occurs.
  let areaUnderCurve: Double?

  /// Scores `probabilities` against `outcomes` (same length, at least one).
  init(probabilities: [Double], outcomes: [Bool]) {
    precondition(probabilities.count == outcomes.count && !outcomes.isEmpty)
    let losses = Self.losses(probabilities, outcomes)
    logLoss = losses.reduce(0, +) / Double(losses.count)
    brier =
      zip(probabilities, outcomes).reduce(0) { $0 + pow($1.0 - ($1.1 ? 1 : 0), 2) }
      / Double(outcomes.count)
    calibrationError =
      ReliabilityBin.bins(probabilities, outcomes).reduce(0) {
        $0 + Double($1.count) * abs($1.meanProbability - $1.observedFrequency)
      } / Double(outcomes.count)
    areaUnderCurve = Self.areaUnderCurve(probabilities, outcomes)
  }

  /// The log loss of each prediction: `-ln clip(p)` if `y`, else `-ln(1 - clip(p))`.
  static func losses(_ probabilities: [Double], _ outcomes: [Bool]) -> [Double] {
    zip(probabilities, outcomes).map { p, y in
      let clipped = min(max(p, clip), 1 - clip)
      return -log(y ? clipped : 1 - clipped)
    }
  }

  /// The Mann-Whitney AUC with mid-ranks for ties; `nil` without both outcomes.
  static func areaUnderCurve(_ probabilities: [Double], _ outcomes: [Bool]) -> Double? {
    let order = probabilities.indices.sorted { probabilities[$0] < probabilities[$1] }
    var positiveRanks = 0.0
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, probabilities[order[end + 1]] == probabilities[order[start]] {
        end += 1
      }
      let rank = Double(start + end) / 2 + 1
      for i in start...end where outcomes[order[i]] { positiveRanks += rank }
      start = end + 1
    }
    let positives = Double(outcomes.filter { $0 }.count)
    let negatives = Double(outcomes.count) - positives
    guard positives > 0, negatives > 0 else { return nil }
    return (positiveRanks - positives * (positives + 1) / 2) / (positives * negatives)
  }
}
