import Foundation
import SelfModel
import Testing

@testable import LearningAnalytics

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The monitor's weekly bias of the example against means computed here, and its chart.
@Suite struct WeeklyBiasTests {
  static let assessment = Assessment(
    module: "AAA", presentation: "2013J", id: 1, type: "TMA", due: nil)

  /// Two weeks: week 0 (days 242 and 243) and week 2 (day 257).
  static let events: [(Int, Bool, Double)] = [
    (242, true, 0.6), (242, false, 0.7), (243, true, 0.9), (257, false, 0.2), (257, true, 0.4),
  ]

  static func report() throws -> WeeklyBias {
    try WeeklyBias(
      name: "m",
      events: events.map {
        LearningEvent(student: 0, day: $0.0, outcome: $0.1, isScored: true, assessment: assessment)
      },
      predictions: events.map(\.2), belief: "mastery")
  }

  @Test func eachWeekIsTheMeanOfItsOwnPairs() throws {
    let report = try Self.report()
    #expect(report.weeks.map(\.week) == [0, 2])
    let first = try #require(report.weeks.first?.summary)
    #expect(first.pairs == 3)
    #expect(abs(first.meanBias - ((0.6 + 0.7 + 0.9) / 3 - 2.0 / 3)) < 1e-12)
    let last = try #require(report.weeks.last?.summary)
    #expect(abs(last.meanBias - (0.3 - 0.5)) < 1e-12)
    // Too few pairs for the alarm.
    #expect(!first.isAlarm && !last.isAlarm)
    // The running 14-day monitor holds all five pairs at the end of week 2.
    #expect(report.weeks.last?.running.pairs == 5)
  }

  @Test func theChartHasAxesTicksLabelsAndLegend() throws {
    let svg = DriftChart(
      title: "drift", series: [.init(name: "m", color: "#000", bias: try Self.report())]
    )
    .svg()
    #expect(svg.contains(">week of 2013J</text>"))
    #expect(svg.contains(">bias: mean prediction - observed</text>"))
    #expect(svg.contains(">+0.05</text>") && svg.contains(">-0.05</text>"))
    #expect(svg.contains(">0</text>") && svg.contains(">2</text>"))
    #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
    // Well-formed XML.
    let document = try XMLDocument(data: Data(svg.utf8))
    #expect(document.rootElement()?.name == "svg")
  }

  /// With `minimumEvents: 3` only week 0 (3 pairs) is drawn, not week 2 (2 pairs), and the
  /// axis says so; the bias axis covers week 0 alone.
  @Test func weeksWithFewEventsAreLeftOutOfTheChart() throws {
    let chart = DriftChart(
      title: "drift", series: [.init(name: "m", color: "#000", bias: try Self.report())],
      minimumEvents: 3)
    let svg = chart.svg()
    #expect(svg.components(separatedBy: "<circle").count - 1 == 1)
    #expect(svg.contains(">week of 2013J (weeks with 3 events or more)</text>"))
    // Week 0's bias is 0.733 - 0.667 = +0.067: the axis is +-0.10, week 2's -0.2 is not on it.
    #expect(abs(chart.range - 0.1) < 1e-12)
    #expect(chart.tickStep == 0.05)
  }
}
