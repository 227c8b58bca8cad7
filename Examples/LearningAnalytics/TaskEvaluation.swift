import Foundation
import SelfModel

/// Every model of the table for one task: each one's 2013J predictions, in the order of the
/// task's scored events, plus what was tuned, for printing.
struct TaskEvaluation {
  /// The task's events, 2013B and 2013J, and how to make models of them.
  let replay: LibraryReplay
  /// How thoroughly to tune.
  let settings: RunSettings
  /// The 2013B events.
  var training: [LearningEvent] { replay.events.filter { !$0.isScored } }
  /// The 2013J events.
  var scored: [LearningEvent] { replay.events.filter(\.isScored) }
  /// The 2013B rate of `true`.
  var trainingRate: Double { Double(training.filter(\.outcome).count) / Double(training.count) }

  /// The population rate of 2013B, for every event.
  func populationRate() -> [Double] { Array(repeating: trainingRate, count: scored.count) }

  /// `(successes + 1) / (events + 2)` per student, no decay.
  func runningFrequency() -> [Double] {
    let tallies = DecayedTallies(
      replay.events, studentCount: replay.studentIDs.count, halfLife: nil)
    let all = tallies.predictions(
      priorMeans: Array(repeating: 0.5, count: replay.events.count), priorWeight: 2)
    return zip(replay.events, all).filter { $0.0.isScored }.map(\.1)
  }

  /// The README's decayed-Beta reference, tuned on 2013B.
  func reference() -> (DecayedBetaReference, [Double]) {
    let reference = DecayedBetaReference(
      training: training, studentCount: replay.studentIDs.count)
    let all = reference.predictions(replay.events, studentCount: replay.studentIDs.count)
    return (reference, zip(replay.events, all).filter { $0.0.isScored }.map(\.1))
  }

  /// The library's backtest of 2013J under `policy` (2013B history replayed, not scored).
  func library(baseRate: Double, policy: RevisionPolicy?) throws -> [Double] {
    let models = try replay.models(replay.catalogue(baseRate: baseRate)) { _ in true }
    let backtest = try Backtest(
      replaying: models, under: policy, recordingPredictions: true,
      simultaneousEvidence: .predictedTogether, scoring: LibraryReplay.isScored)
    return try replay.scoredPredictions(backtest)
  }

  /// `PolicyTuner` on 2013B alone (W and the half-life; the one source is fixed), the belief's
  /// base rate the 2013B rate.
  func tunedPolicy() throws -> PolicyTuning {
    let catalogue = try replay.catalogue(baseRate: trainingRate)
    let models = try replay.models(catalogue) {
      !$0.isScored && $0.student % settings.tuningStride == 0
    }
    let tuner = PolicyTuner(
      fixedSources: [LibraryReplay.source], rounds: settings.tunerSearch.rounds,
      gridPoints: settings.tunerSearch.gridPoints, outcomeSourceKinds: [.behavior],
      simultaneousEvidence: .predictedTogether)
    return try tuner.tune(models, from: RevisionPolicy())
  }
}
