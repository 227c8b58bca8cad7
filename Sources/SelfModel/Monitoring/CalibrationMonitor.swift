public import Foundation

/// A streaming calibration monitor: feed it each prediction with the outcome that followed, as
/// outcomes arrive, and it reports per belief and per (belief, context) whether predictions
/// still match outcomes: the mean bias, ECE with its bins, log loss, the effective number of
/// pairs and a drift alarm. It is how a deployed user model sees its population move.
///
/// **Decay.** With a ``halfLife``, a pair observed at `t` weighs `2^(-(now - t) / halfLife)` in
/// a report at `now`, so the report describes recent weeks rather than all of history; without
/// one every pair weighs 1. The sums are kept at the time of the latest pair and rescaled, so a
/// record is `O(1)` and memory grows with the number of cells, never with the pairs.
///
/// **The alarm** (see ``CalibrationSummary``): under calibration,
/// `z = sum w (p - y) / sqrt(sum w^2 p (1 - p))` is approximately standard normal; the alarm
/// fires when `|z| > Phi^-1(1 - falseAlarmRate / 2)` (two-sided) and the effective count
/// `(sum w)^2 / sum w^2` is at least ``minimumEffectiveCount`` (below it the normal
/// approximation is poor). ``falseAlarmRate`` is the chance that *one* report of a calibrated
/// stream alarms; looking after every pair is many looks, and the chance that some look alarms
/// is higher (`Docs/Evaluation.md`, "Drift").
///
/// **Pairs.** A prediction is the probability of one outcome and the outcome is whether it
/// happened: for a binary belief `P(true)` and whether the belief held; for a categorical
/// belief, record the probability of the outcome you care about (or each outcome one-vs-rest).
/// Each pair counts overall, for its belief, and for its (belief, context) when it names one.
///
/// ```swift
/// var monitor = try CalibrationMonitor(halfLife: 14 * 86_400, falseAlarmRate: 0.01)
/// let p = try model.estimate(for: "mastery", in: "type:TMA", at: now).probability(of: "true")
/// // ... later, when the outcome is known:
/// try monitor.record(prediction: p, outcome: passed, at: now, belief: "mastery", context: "type:TMA")
/// let report = try monitor.report(at: now)
/// for summary in report.alarms { logger.warning("drift: \(summary.belief!) bias \(summary.meanBias)") }
/// ```
public struct CalibrationMonitor: Sendable, Hashable {
  /// The half-life of a pair's weight in seconds, or `nil` for no decay.
  public let halfLife: TimeInterval?
  /// The two-sided false-alarm rate `alpha` of one report of a calibrated stream.
  public let falseAlarmRate: Double
  /// The effective number of pairs a cell needs before it can alarm.
  public let minimumEffectiveCount: Double
  /// The time the sums are kept at: the latest pair's, or `nil` before the first.
  public internal(set) var referenceTime: Date?
  /// Every pair's sums.
  var overall = DecayedCalibration()
  /// The sums per belief and per (belief, context).
  var cells: [MonitoredCell: DecayedCalibration] = [:]

  /// Creates an empty monitor.
  ///
  /// - Parameters:
  ///   - halfLife: The half-life of a pair's weight in seconds, or `nil` (default) for none.
  ///   - falseAlarmRate: The two-sided `alpha`, in `0 < alpha < 1` (default 0.01).
  ///   - minimumEffectiveCount: The effective pairs a cell needs to alarm, at least 1
  ///     (default 30).
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a value out of its range.
  public init(
    halfLife: TimeInterval? = nil, falseAlarmRate: Double = 0.01,
    minimumEffectiveCount: Double = 30
  ) throws(ModelError) {
    if let halfLife { try Check.positive(halfLife, field: "monitor half-life") }
    try Check.finite(falseAlarmRate, field: "false-alarm rate")
    guard falseAlarmRate > 0, falseAlarmRate < 1 else {
      throw .numberOutOfRange(
        field: "false-alarm rate", value: falseAlarmRate, allowed: "0 < alpha < 1")
    }
    try Check.finite(minimumEffectiveCount, field: "minimum effective count")
    guard minimumEffectiveCount >= 1 else {
      throw .numberOutOfRange(
        field: "minimum effective count", value: minimumEffectiveCount, allowed: ">= 1")
    }
    self.halfLife = halfLife
    self.falseAlarmRate = falseAlarmRate
    self.minimumEffectiveCount = minimumEffectiveCount
  }

  /// The alarm's threshold on `|z|`: `Phi^-1(1 - falseAlarmRate / 2)` (2.5758 at 0.01).
  public var criticalValue: Double { normalQuantile(1 - falseAlarmRate / 2) }

  /// Records one prediction and the outcome that followed.
  ///
  /// - Parameters:
  ///   - prediction: The probability that was predicted for the outcome, in `0...1`.
  ///   - outcome: Whether it happened.
  ///   - time: When the outcome was observed; pairs may arrive out of order.
  ///   - belief: The belief predicted.
  ///   - context: The context it was predicted in, if any.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a prediction outside `0...1`
  ///   or a time beyond the model's bounds; the monitor is then unchanged.
  public mutating func record(
    prediction: Double, outcome: Bool, at time: Date, belief: BeliefKey,
    context: ContextID? = nil
  ) throws(ModelError) {
    try Information.validateProbability(prediction, field: "prediction")
    try Check.time(time.timeIntervalSinceReferenceDate, field: "time of the outcome")
    let weight = advance(to: time)
    overall.add(prediction: prediction, outcome: outcome, weight: weight)
    cells[MonitoredCell(belief: belief, context: nil), default: DecayedCalibration()]
      .add(prediction: prediction, outcome: outcome, weight: weight)
    if let context {
      cells[MonitoredCell(belief: belief, context: context), default: DecayedCalibration()]
        .add(prediction: prediction, outcome: outcome, weight: weight)
    }
  }

  /// The report at `now`: every pair's summary, each belief's and each (belief, context)'s.
  ///
  /// - Parameter now: The time of the report; one before the latest pair is taken at the
  ///   latest pair's time (decay never weighs a pair above 1).
  /// - Returns: The report; its ``CalibrationMonitorReport/overall`` is `nil` before the first
  ///   pair, or when decay has brought every weight to 0.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a time beyond the model's
  ///   bounds.
  public func report(at now: Date) throws(ModelError) -> CalibrationMonitorReport {
    try Check.time(now.timeIntervalSinceReferenceDate, field: "time of the report")
    let factor = decayFactor(from: referenceTime, to: now)
    let critical = criticalValue
    func summary(_ sums: DecayedCalibration, _ cell: MonitoredCell?) -> CalibrationSummary? {
      var scaled = sums
      scaled.scale(by: factor)
      return scaled.summary(
        belief: cell?.belief, context: cell?.context, critical: critical,
        minimumEffectiveCount: minimumEffectiveCount)
    }
    return CalibrationMonitorReport(
      time: now, halfLife: halfLife, falseAlarmRate: falseAlarmRate, criticalValue: critical,
      overall: summary(overall, nil),
      cells: cells.keys.sorted().compactMap { summary(cells[$0, default: .init()], $0) })
  }

  /// Moves the reference time to `time` if it is later (rescaling the sums) and returns the
  /// weight of a pair at `time`.
  private mutating func advance(to time: Date) -> Double {
    guard let reference = referenceTime, time <= reference else {
      let factor = decayFactor(from: referenceTime, to: time)
      overall.scale(by: factor)
      for key in cells.keys { cells[key]?.scale(by: factor) }
      referenceTime = time
      return 1
    }
    return decayFactor(from: time, to: reference)
  }

  /// `2^(-(later - earlier) / halfLife)` for `later > earlier`, else 1 (also without decay).
  private func decayFactor(from earlier: Date?, to later: Date) -> Double {
    guard let halfLife, let earlier, later > earlier else { return 1 }
    return exp2(-later.timeIntervalSince(earlier) / halfLife)
  }
}
