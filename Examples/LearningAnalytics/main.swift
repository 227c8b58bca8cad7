import Foundation
import SelfModel

let clock = ContinuousClock()
let started = clock.now
let data = try OULADData.bundled()
print("loaded \(data.mastery.count) mastery, \(data.onTime.count) on-time, \(data.studentIDs.count) students", clock.now - started)
for task in LearningTask.allCases {
  let events = data.events(for: task)
  let training = events.filter { !$0.isScored }
  let scored = events.filter(\.isScored)
  let reference = DecayedBetaReference(training: training, studentCount: data.studentIDs.count)
  print(task, training.count, scored.count, reference.priorWeight, reference.halfLife ?? -1, clock.now - started)
  let all = reference.predictions(events, studentCount: data.studentIDs.count)
  let p = zip(events, all).filter { $0.0.isScored }.map(\.1)
  let m = BinaryMetrics(probabilities: p, outcomes: scored.map(\.outcome))
  print(m, clock.now - started)
  let replay = LibraryReplay(task: task, events: events, studentIDs: data.studentIDs)
  let models = try replay.models(try replay.catalogue(baseRate: 0.5)) { _ in true }
  print("models", models.count, clock.now - started)
  let backtest = try Backtest(replaying: models, recordingPredictions: true, simultaneousEvidence: .predictedTogether, scoring: LibraryReplay.isScored)
  let q = try replay.scoredPredictions(backtest)
  print(BinaryMetrics(probabilities: q, outcomes: scored.map(\.outcome)), clock.now - started)
}
