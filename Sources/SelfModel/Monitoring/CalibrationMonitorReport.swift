public import Foundation

/// What a ``CalibrationMonitor`` says at one time: every pair's summary and each belief's and
/// each (belief, context)'s, with the alarm's settings. `Codable`, to log or store as it is.
///
/// ```swift
/// let report = try monitor.report(at: now)
/// report.overall?.meanBias   // 0.06: predictions run 6 points high
/// report.alarms.map(\.belief)
/// ```
public struct CalibrationMonitorReport: Sendable, Hashable, Codable {
  /// The time of the report.
  public let time: Date
  /// The monitor's half-life in seconds, or `nil` for no decay.
  public let halfLife: TimeInterval?
  /// The monitor's two-sided false-alarm rate.
  public let falseAlarmRate: Double
  /// The threshold on `|z|` the alarms used.
  public let criticalValue: Double
  /// The summary over every pair, or `nil` when no pair has weight.
  public let overall: CalibrationSummary?
  /// The summaries per belief (``CalibrationSummary/context`` `nil`) and per (belief, context),
  /// sorted by belief, the belief's own first.
  public let cells: [CalibrationSummary]

  /// The summaries that alarm, the overall one first.
  public var alarms: [CalibrationSummary] {
    ([overall].compactMap { $0 } + cells).filter(\.isAlarm)
  }
}
