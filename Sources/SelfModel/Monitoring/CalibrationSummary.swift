/// How well the predictions a ``CalibrationMonitor`` saw for one cell (every pair, one belief,
/// or one belief in one context) matched their outcomes, weighted by recency, with the drift
/// alarm's verdict. A value to log: it encodes with all its numbers.
///
/// With weights `w_i = 2^(-age_i / halfLife)` (all 1 without decay) and predictions `p_i`
/// clipped to `[eps, 1 - eps]`:
///
///     meanPrediction = sum w p / sum w            observedRate = sum w y / sum w
///     meanBias       = meanPrediction - observedRate        (> 0: predictions run high)
///     ECE            = sum_b |sum_b w y - sum_b w p| / sum w  (10 equal-width bins)
///     logLoss        = sum w (-ln p(observed)) / sum w
///     effectiveCount = (sum w)^2 / sum w^2                      (Kish; = pairs without decay)
///     zScore         = sum w (p - y) / sqrt(sum w^2 p (1 - p))
///
/// Under calibration (each outcome a Bernoulli draw of its prediction, outcomes independent)
/// `sum w (p - y)` has mean 0 and variance `sum w^2 p (1 - p)`: decay enters the variance
/// squared, so a short half-life leaves fewer effective pairs and a wider band. ``isAlarm``
/// is `|zScore| > ` ``CalibrationMonitor/criticalValue`` once ``effectiveCount`` reaches
/// ``CalibrationMonitor/minimumEffectiveCount``.
///
/// ```swift
/// let report = try monitor.report(at: now)
/// if let overall = report.overall, overall.isAlarm {
///   logger.warning("calibration drift: bias \(overall.meanBias), z \(overall.zScore)")
/// }
/// ```
public struct CalibrationSummary: Sendable, Hashable, Codable {
  /// The belief, or `nil` for the summary over every belief.
  public let belief: BeliefKey?
  /// The context, or `nil` for the belief over every context.
  public let context: ContextID?
  /// The pairs recorded, undecayed.
  public let pairs: Int
  /// Their total decayed weight `sum w` at the report's time.
  public let weight: Double
  /// Kish's effective number of pairs, `(sum w)^2 / sum w^2`.
  public let effectiveCount: Double
  /// The weighted mean prediction.
  public let meanPrediction: Double
  /// The weighted rate of `true` outcomes.
  public let observedRate: Double
  /// The weighted expected calibration error over 10 equal-width bins.
  public let expectedCalibrationError: Double
  /// The weighted mean log loss in nats.
  public let logLoss: Double
  /// The non-empty bins of the weighted reliability diagram, in increasing order.
  public let bins: [WeightedReliabilityBin]
  /// `sum w (p - y) / sqrt(sum w^2 p (1 - p))`: the bias in standard errors under calibration.
  public let zScore: Double
  /// Whether the bias is beyond what chance explains at the monitor's false-alarm rate.
  public let isAlarm: Bool

  /// The weighted mean bias `meanPrediction - observedRate`: positive when predictions run
  /// high.
  public var meanBias: Double { meanPrediction - observedRate }
}
