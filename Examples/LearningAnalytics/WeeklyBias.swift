import Foundation
import SelfModel

/// The calibration monitor's drift report for 2013J, week by week: what a team running the
/// model would have seen. Each week's own pairs go to a `CalibrationMonitor` without decay (the
/// week's bias, `z` and alarm); every pair also goes to one monitor with a 14-day half-life,
/// read at the end of each week (the running view, with its alarm).
struct WeeklyBias: Sendable {
  /// One week of 2013J.
  struct Week: Sendable {
    /// The week, from 0 (2013J's days 0 to 6).
    let week: Int
    /// The week's pairs alone.
    let summary: CalibrationSummary
    /// The 14-day monitor at the end of the week.
    let running: CalibrationSummary
  }

  /// 2013J's day 0, counted from 2013B's.
  static let firstDay = 242
  /// The alarm's two-sided false-alarm rate.
  static let falseAlarmRate = 0.01

  /// The model's name.
  let name: String
  /// The weeks with events.
  let weeks: [Week]

  /// The report of `predictions` of the scored `events` (in the same order, by day).
  init(name: String, events: [LearningEvent], predictions: [Double], belief: BeliefKey) throws {
    self.name = name
    var running = try CalibrationMonitor(halfLife: 14 * 86_400, falseAlarmRate: Self.falseAlarmRate)
    var weekly: [Int: CalibrationMonitor] = [:]
    var result: [Week] = []
    for (index, (event, p)) in zip(events, predictions).enumerated() {
      let week = max(event.day - Self.firstDay, 0) / 7
      let time = LibraryReplay.date(ofDay: event.day)
      var monitor =
        try weekly[week] ?? CalibrationMonitor(falseAlarmRate: Self.falseAlarmRate)
      try monitor.record(prediction: p, outcome: event.outcome, at: time, belief: belief)
      weekly[week] = monitor
      try running.record(prediction: p, outcome: event.outcome, at: time, belief: belief)
      let next = index + 1 < events.count ? max(events[index + 1].day - Self.firstDay, 0) / 7 : -1
      guard next != week else { continue }
      let end = LibraryReplay.date(ofDay: Self.firstDay + 7 * week + 7)
      if let summary = try monitor.report(at: end).overall,
        let view = try running.report(at: end).overall
      {
        result.append(Week(week: week, summary: summary, running: view))
      }
    }
    weeks = result
  }

  /// Prints the table.
  func print() {
    Swift.print("   \(name): bias = mean prediction - observed rate; z and alarm at alpha 0.01")
    Swift.print(
      "     week  events  mean p  observed    bias      z  alarm | 14-d: bias      z  alarm")
    for week in weeks {
      let s = week.summary
      let r = week.running
      Swift.print(
        "     \(pad(String(week.week), 4))  \(pad(String(s.pairs), 6))  "
          + "\(format(s.meanPrediction, 3))     \(format(s.observedRate, 3))  "
          + "\(pad(format(s.meanBias, 3, sign: true), 6))  \(pad(format(s.zScore, 1, sign: true), 5))"
          + "  \(s.isAlarm ? "ALARM" : "     ") |      \(pad(format(r.meanBias, 3, sign: true), 6))"
          + "  \(pad(format(r.zScore, 1, sign: true), 5))  \(r.isAlarm ? "ALARM" : "")")
    }
  }

  private func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(width - text.count, 0)) + text
  }
}
