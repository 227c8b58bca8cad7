import Foundation

/// Pairs and log loss of one slice of a backtest.
struct BacktestSlice {
  var probabilities: [Double] = []
  var outcomes: [Bool] = []
  var logLoss = 0.0
  var count = 0

  mutating func add(_ probabilities: [Double], count k: Int, observed: Int, loss: Double) {
    logLoss += loss
    count += 1
    if k == 2 {
      self.probabilities.append(probabilities[0])
      outcomes.append(observed == 0)
    } else {
      for j in 0..<k {
        self.probabilities.append(probabilities[j])
        outcomes.append(j == observed)
      }
    }
  }

  func score() throws(ModelError) -> BacktestScore? {
    guard count > 0 else { return nil }
    return BacktestScore(
      outcomeCount: count, logLoss: logLoss / Double(count),
      calibration: try CalibrationReport(probabilities: probabilities, outcomes: outcomes))
  }
}

/// Collects a backtest's slices, and each prediction when asked to.
struct BacktestSink: ReplaySink {
  struct Raw {
    var model: Int32
    var position: Int32
    var time: Double
    var belief: Int32
    var observed: Int32
    var probabilities: [Double]
  }

  var overall = BacktestSlice()
  var beliefs: [BacktestSlice]
  var sources: [BacktestSlice]
  var raw: [Raw]?

  init(program: ReplayProgram, recording: Bool) {
    beliefs = Array(repeating: BacktestSlice(), count: program.beliefKeys.count)
    sources = Array(repeating: BacktestSlice(), count: program.sourceIDs.count)
    raw = recording ? [] : nil
  }

  mutating func record(
    _ event: ReplayProgram.Event, instance: ReplayProgram.Instance, probabilities: [Double],
    count: Int
  ) {
    let observed = Int(event.observed)
    let loss = -log(ReplayProgram.clipped(probabilities[observed]))
    overall.add(probabilities, count: count, observed: observed, loss: loss)
    beliefs[Int(instance.belief)].add(probabilities, count: count, observed: observed, loss: loss)
    sources[Int(event.source)].add(probabilities, count: count, observed: observed, loss: loss)
    raw?.append(
      Raw(
        model: event.model, position: event.position, time: event.time,
        belief: instance.belief, observed: event.observed,
        probabilities: Array(probabilities[0..<count])))
  }
}
