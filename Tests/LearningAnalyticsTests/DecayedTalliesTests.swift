import Testing

@testable import LearningAnalytics

@Suite struct DecayedTalliesTests {
  static func event(_ student: Int, _ day: Int, _ outcome: Bool) -> LearningEvent {
    LearningEvent(
      student: student, day: day, outcome: outcome, isScored: false,
      assessment: Assessment(module: "AAA", presentation: "2013B", id: 1, type: "TMA", due: 0))
  }

  /// Pinned against the study's rule in Scripts/reference/learning_analytics_metrics.py:
  /// half-life 10 days; a day's events are all read before any is added.
  @Test func sameDayEventsDoNotSeeEachOther() {
    let events = [
      Self.event(0, 0, true), Self.event(1, 0, false), Self.event(0, 0, false),
      Self.event(0, 5, true), Self.event(1, 5, true), Self.event(0, 20, false),
      Self.event(0, 20, true),
    ]
    let tallies = DecayedTallies(events, studentCount: 2, halfLife: 10)
    let expected: [(Double, Double)] = [
      (0, 0), (0, 0), (0, 0), (0.7071067811865476, 0.7071067811865476),
      (0, 0.7071067811865476), (0.6035533905932737, 0.25000000000000006),
      (0.6035533905932737, 0.25000000000000006),
    ]
    for (index, (successes, failures)) in expected.enumerated() {
      #expect(abs(tallies.successes[index] - successes) < 1e-12)
      #expect(abs(tallies.failures[index] - failures) < 1e-12)
    }
  }

  @Test func noDecayWithLaplacePriorIsTheRunningFrequency() {
    let events = [Self.event(0, 0, true), Self.event(0, 1, true), Self.event(0, 2, false)]
    let tallies = DecayedTallies(events, studentCount: 1, halfLife: nil)
    let predictions = tallies.predictions(priorMeans: [0.5, 0.5, 0.5], priorWeight: 2)
    #expect(predictions == [0.5, 2.0 / 3, 0.75])
    let loss = tallies.meanLogLoss(
      priorMeans: [0.5, 0.5, 0.5], priorWeight: 2, outcomes: [true, true, false])
    let direct = BinaryMetrics.losses(predictions, [true, true, false]).reduce(0, +) / 3
    #expect(abs(loss - direct) < 1e-12)
  }

  @Test func logScaleSearchFindsAKnownMinimum() {
    let (x, value) = LogScaleSearch.minimise(in: 0.05...100) { (($0 - 5.9) * ($0 - 5.9)) + 1 }
    #expect(abs(x - 5.9) < 1e-4)
    #expect(abs(value - 1) < 1e-8)
  }
}
