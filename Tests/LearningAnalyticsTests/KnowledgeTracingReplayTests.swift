import SelfModel
import Testing

@testable import LearningAnalytics

/// The knowledge-tracing row's replay: the protocol's same-day rule, the skill fallback, and
/// its fit on the bundled 2013B data (2013J plays no part here).
@Suite struct KnowledgeTracingReplayTests {
  static func event(_ student: Int, _ day: Int, _ outcome: Bool, module: String = "AAA")
    -> LearningEvent
  {
    LearningEvent(
      student: student, day: day, outcome: outcome, isScored: false,
      assessment: Assessment(module: module, presentation: "2013B", id: 1, type: "TMA", due: 0))
  }

  /// 120 students answer wrong, then right, so AAA/TMA has a fit of its own; BBB/TMA has none
  /// and falls back to the type's pool.
  static let training: [LearningEvent] = (0..<120).flatMap { student in
    [
      event(student, 0, student % 3 == 0), event(student, 1, true),
      event(student, 2, student % 5 != 0),
    ]
  }

  @Test func eventsOfOneDayShareTheStateBeforeTheDay() throws {
    let replay = try KnowledgeTracingReplay(training: Self.training)
    let events = [Self.event(0, 10, false), Self.event(0, 10, true), Self.event(0, 11, true)]
    let predictions = replay.predictions(events)
    let parameters = try #require(replay.parameters(for: events[0]))
    let first = parameters.prior * (1 - parameters.slip) + (1 - parameters.prior) * parameters.guess
    #expect(predictions[0] == first)
    #expect(predictions[1] == first)
    let steps = KnowledgeTracing.filter([false, true], parameters: parameters)
    let expected = try #require(steps.last).masteryNext
    #expect(
      abs(predictions[2] - (expected * (1 - parameters.slip) + (1 - expected) * parameters.guess))
        < 1e-15)
  }

  @Test func aSkillWithFewStudentsTakesItsTypesFit() throws {
    let replay = try KnowledgeTracingReplay(
      training: Self.training + [Self.event(0, 3, true, module: "BBB")])
    #expect(replay.fits["AAA/TMA"] != nil)
    #expect(replay.fits["BBB/TMA"] == nil)
    let bbb = Self.event(0, 5, true, module: "BBB")
    #expect(replay.parameters(for: bbb) == replay.fits["TMA"]?.parameters)
    #expect(
      replay.parameters(for: Self.event(0, 5, true, module: "ZZZ"))
        == replay.fits["TMA"]?.parameters)
  }

  /// The 2013B fit of the mastery task: every skill converges, and the in-sample 2013B log
  /// loss is below the population rate's (a development check on the fit data only).
  @Test func fitsTheBundled2013BMasteryEvents() throws {
    let data = try OULADData.bundled()
    let training = data.events(for: .mastery).filter { !$0.isScored }
    let replay = try KnowledgeTracingReplay(training: training)
    for fit in replay.fits.values { #expect(fit.converged) }
    let outcomes = training.map(\.outcome)
    let rate = Double(outcomes.filter { $0 }.count) / Double(outcomes.count)
    let loss = BinaryMetrics(probabilities: replay.predictions(training), outcomes: outcomes)
      .logLoss
    let base = BinaryMetrics(
      probabilities: Array(repeating: rate, count: outcomes.count), outcomes: outcomes
    ).logLoss
    #expect(loss < base)
  }
}
