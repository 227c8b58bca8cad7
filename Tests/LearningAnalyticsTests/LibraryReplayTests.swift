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

  /// With every source at reliability 1 (and no decay), the sourced models' `Backtest` in
  /// context predicts exactly what the context replay does: sources per type change nothing
  /// until they are tuned, and `Backtest` predicts each item in its context.
  @Test func sourcedBacktestAgreesWithTheContextReplay() throws {
    var events = Self.events
    for index in [1, 4, 6] {
      let a = events[index].assessment
      events[index] = LearningEvent(
        student: events[index].student, day: events[index].day, outcome: events[index].outcome,
        isScored: events[index].isScored,
        assessment: Assessment(
          module: a.module, presentation: a.presentation, id: a.id, type: "CMA", due: a.due))
    }
    let replay = LibraryReplay(task: .mastery, events: events, studentIDs: [7, 9])
    var contexts: [ContextID: ContextPrior] = [
      ContextID("type:TMA"): .init(baseRates: [0.8, 0.2], priorWeight: 6)
    ]
    for (index, event) in events.enumerated() {
      let rate = 0.1 + 0.08 * Double(index)
      contexts[try ContextID(ContextPriorFit.context(of: event))] =
        index % 3 == 0
        ? .init(parent: ContextID("type:TMA"))
        : .init(baseRates: [rate, 1 - rate], priorWeight: 1 + Double(index))
    }
    let definition = try BeliefDefinition.binary(
      BeliefKey("mastery"), statement: "s", baseRate: 0.3, priorWeight: 4, contexts: contexts)
    let sourced = SourcedReplay(replay: replay, settings: try RunSettings(arguments: []))
    let catalogue = try sourced.catalogue(definition)
    #expect(catalogue.sources.map(\.id) == ["cma", "tma"])
    let backtest = try Backtest(
      replaying: sourced.models(catalogue) { _ in true }, under: RevisionPolicy(),
      outcomeSourceKinds: [.behavior], recordingPredictions: true,
      simultaneousEvidence: .predictedTogether, scoring: LibraryReplay.isScored)
    let predictions = try replay.scoredPredictions(backtest)
    let single = try Catalogue(
      version: 1, beliefs: [definition],
      sources: [Source(id: LibraryReplay.source, kind: .behavior, reliability: 1)])
    let expected = zip(
      events,
      try ContextReplay(replay: replay).estimates(single, policy: RevisionPolicy()) { _ in true }
    ).filter { $0.0.isScored }.map(\.1.probability)
    #expect(predictions.count == 5 && expected.count == 5)
    for (a, b) in zip(predictions, expected) { #expect(abs(a - b) < 1e-12) }
    #expect(Set(predictions.map { ($0 * 1e6).rounded() }).count > 2)
  }

  @Test func settingsParseTheCommandLine() throws {
    let full = try RunSettings(arguments: ["--full", "/tmp/x.svg"])
    #expect(full.isFull && full.diagramPath == "/tmp/x.svg" && full.resamples == 2_000)
    #expect(throws: LearningAnalyticsError.self) { try RunSettings(arguments: ["--fast"]) }
  }
}
