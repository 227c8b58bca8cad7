/// Collects `(probability, outcome)` pairs one at a time, for example while a backtest replays
/// a ledger, and turns them into a ``CalibrationReport`` on demand.
///
/// Each pair is validated when it is appended, so a bad prediction is reported at the point
/// it was made rather than when the report is built. The accumulator keeps every pair because
/// the AUC needs them all; memory grows linearly with the number of pairs.
///
/// ```swift
/// var accumulator = CalibrationAccumulator()
/// try accumulator.append(probability: 0.8, outcome: true)
/// try accumulator.append(probability: 0.3, outcome: false)
/// let report = try accumulator.report()  // report.count == 2
/// ```
public struct CalibrationAccumulator: Sendable, Hashable, Codable {
  /// The probabilities appended so far, in order.
  public private(set) var probabilities: [Double] = []
  /// The outcomes appended so far, in the same order as ``probabilities``.
  public private(set) var outcomes: [Bool] = []

  /// Creates an empty accumulator.
  public init() {}

  /// The number of pairs appended so far.
  public var count: Int { probabilities.count }

  /// Adds one prediction and the outcome that followed it.
  ///
  /// - Parameters:
  ///   - probability: The predicted probability that the outcome is `true`, in `0...1`.
  ///   - outcome: What happened.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a probability that is NaN,
  ///   infinite or outside `0...1`; the accumulator is then unchanged.
  public mutating func append(probability: Double, outcome: Bool) throws(ModelError) {
    try Information.validateProbability(probability, field: "probability")
    probabilities.append(probability)
    outcomes.append(outcome)
  }

  /// Builds the calibration report of every pair appended so far.
  ///
  /// - Returns: The same report as ``CalibrationReport/init(probabilities:outcomes:)`` on the
  ///   appended pairs.
  /// - Throws: ``ModelError/undefined(quantity:reason:)`` when nothing was appended, or the
  ///   validation error of a decoded accumulator holding a bad pair.
  public func report() throws(ModelError) -> CalibrationReport {
    try CalibrationReport(probabilities: probabilities, outcomes: outcomes)
  }
}
