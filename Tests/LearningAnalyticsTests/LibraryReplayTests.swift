import SelfModel
import Testing

@testable import LearningAnalytics

@Suite struct LibraryReplayTests {
  /// Two students over both presentations, same-day events included.
  static var events: [LearningEvent] {
    let pattern: [(Int, Int, Bool, Bool)] = [
      (0, 1, true, false), (1, 1, false, false), (0, 1, false, false), (0, 30, true, false),
      (1, 250, true, true), (0, 250, false, true), (0, 250, true, true), (1, 260, true, true),
      (0, 280, true, true),
    ]
    return pattern.enumerated().map { index, row in
      LearningEvent(
        student: row.0, day: row.1, outcome: row.2, isScored: row.3,
        assessment: Assessment(
          module: "AAA", presentation: row.3 ? "2013J" : "2013B", id: 100 + index,
          type: "TMA", due: row.1))
    }
  }

  /// The library with defaults (W = 2, base rate 0.5, no decay) is the running frequency:
  /// the backtest with same-day prediction and 2013J scoring agrees with the example's own
  /// replay event by event.
  @Test func defaultsEqualTheRunningFrequency() throws {
    let replay = LibraryReplay(task: .mastery, events: Self.events, studentIDs: [7, 9])
    let evaluation = TaskEvaluation(replay: replay, settings: try RunSettings(arguments: []))
    let library = try evaluation.library(baseRate: 0.5, policy: nil)
    let own = evaluation.runningFrequency()
    #expect(library.count == 5)
    for (a, b) in zip(library, own) { #expect(abs(a - b) < 1e-12) }
    // Student 0 at day 250: 2 successes, 1 failure before, same-day items unseen.
    #expect(abs(own[1] - 3.0 / 5) < 1e-12)
  }

  /// The context replay predicts like the backtest when every context inherits the belief's
  /// prior: one ledger item per event, tallies pooled across contexts.
  @Test func contextReplayAgreesWithTheBacktest() throws {
    let replay = LibraryReplay(task: .mastery, events: Self.events, studentIDs: [7, 9])
    var contexts: [ContextID: ContextPrior] = [:]
    for event in Self.events {
      contexts[try ContextID(ContextPriorFit.context(of: event))] = .init()
    }
    let catalogue = try Catalogue(
      version: 1,
      beliefs: [
        .binary(
          BeliefKey("mastery"), statement: "s", baseRate: 0.3, priorWeight: 4, contexts: contexts)
      ],
      sources: [Source(id: LibraryReplay.source, kind: .behavior, reliability: 1)])
    let estimates = try ContextReplay(replay: replay).estimates(
      catalogue, policy: RevisionPolicy()
    ) { _ in true }
    let tallies = DecayedTallies(Self.events, studentCount: 2, halfLife: nil)
    let expected = tallies.predictions(priorMeans: Array(repeating: 0.3, count: 9), priorWeight: 4)
    for (estimate, p) in zip(estimates, expected) { #expect(abs(estimate.probability - p) < 1e-12) }
  }

  @Test func settingsParseTheCommandLine() throws {
    let full = try RunSettings(arguments: ["--full", "/tmp/x.svg"])
    #expect(full.isFull && full.diagramPath == "/tmp/x.svg" && full.resamples == 2_000)
    #expect(throws: LearningAnalyticsError.self) { try RunSettings(arguments: ["--fast"]) }
  }
}
