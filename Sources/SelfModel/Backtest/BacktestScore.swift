/// The backtest of one slice of predictions (all of them, one belief, or one source): how many
/// outcomes were predicted, the mean log loss of the observed outcomes, and the calibration of
/// the predicted probabilities.
///
/// - ``logLoss`` is `-mean ln p(observed outcome)` in nats, with `p` clipped to
///   `[eps, 1 - eps]` (`eps` = ``CalibrationReport/clippingEpsilon``), over the ``outcomeCount``
///   outcomes: the quantity ``PolicyTuner`` minimises.
/// - ``calibration`` is built from binary pairs: for a belief with two outcomes, one pair
///   `(p(first outcome), observed == first outcome)` per prediction (for a binary belief, the
///   probability that the statement holds); for `K > 2` outcomes, `K` one-vs-rest pairs
///   `(p_k, observed == k)`. For binary beliefs its log loss equals ``logLoss``.
///
/// ```swift
/// let backtest = try Backtest(replaying: models)
/// backtest.overall?.logLoss  // 0.58 nats
/// backtest.overall?.calibration.expectedCalibrationError  // 0.03
/// ```
public struct BacktestScore: Sendable, Hashable, Codable {
  /// The number of observed outcomes that were predicted.
  public let outcomeCount: Int
  /// `-mean ln p(observed)` in nats, clipped as in ``CalibrationReport/logLoss``.
  public let logLoss: Double
  /// The calibration of the binary pairs (see the type's discussion).
  public let calibration: CalibrationReport

  /// Creates a score from its parts; ``Backtest`` is the usual maker.
  ///
  /// ```swift
  /// let score = BacktestScore(outcomeCount: 2, logLoss: 0.43, calibration: report)
  /// ```
  ///
  /// - Parameters:
  ///   - outcomeCount: The number of predicted outcomes.
  ///   - logLoss: The mean log loss in nats.
  ///   - calibration: The calibration report.
  public init(outcomeCount: Int, logLoss: Double, calibration: CalibrationReport) {
    self.outcomeCount = outcomeCount
    self.logLoss = logLoss
    self.calibration = calibration
  }
}
