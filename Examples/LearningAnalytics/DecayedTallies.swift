import Foundation

/// What a student's earlier outcomes add up to when an event is predicted: the baselines'
/// replay, written out in the example (the library computes the same for its own rows).
///
///     successes = sum over the student's events e on days before d of [y_e] 2^(-(d - day_e)/h)
///     failures  = the same with [not y_e]
///
/// `h` is the half-life in days (`nil`: no decay). Events on the same day never see each
/// other: all of a day's events are read before any of them is added.
struct DecayedTallies: Sendable, Hashable {
  /// The decayed count of earlier successes of each event's student, per event.
  let successes: [Double]
  /// The decayed count of earlier failures, per event.
  let failures: [Double]

  /// Replays `events` (sorted by day) with half-life `halfLife` days.
  init(_ events: [LearningEvent], studentCount: Int, halfLife: Double?) {
    var state = [(successes: Double, failures: Double, day: Int)](
      repeating: (0, 0, 0), count: studentCount)
    var successes = [Double](repeating: 0, count: events.count)
    var failures = [Double](repeating: 0, count: events.count)
    var start = 0
    while start < events.count {
      var end = start
      while end < events.count, events[end].day == events[start].day { end += 1 }
      for i in start..<end {
        let s = events[i].student
        let factor = halfLife.map { exp2(-Double(events[i].day - state[s].day) / $0) } ?? 1
        successes[i] = state[s].successes * factor
        failures[i] = state[s].failures * factor
      }
      for i in start..<end {
        let s = events[i].student
        let factor = halfLife.map { exp2(-Double(events[i].day - state[s].day) / $0) } ?? 1
        state[s] = (
          state[s].successes * factor + (events[i].outcome ? 1 : 0),
          state[s].failures * factor + (events[i].outcome ? 0 : 1), events[i].day
        )
      }
      start = end
    }
    self.successes = successes
    self.failures = failures
  }

  /// `(successes + W b) / (successes + failures + W)` per event, with prior mean `b` per
  /// event and prior weight `W`.
  func predictions(priorMeans: [Double], priorWeight: Double) -> [Double] {
    successes.indices.map {
      (successes[$0] + priorWeight * priorMeans[$0])
        / (successes[$0] + failures[$0] + priorWeight)
    }
  }

  /// The mean log loss (clipped as ``BinaryMetrics``) of ``predictions(priorMeans:priorWeight:)``
  /// against `outcomes`, without building the predictions: the tuning loop's objective.
  func meanLogLoss(priorMeans: [Double], priorWeight: Double, outcomes: [Bool]) -> Double {
    var total = 0.0
    for i in successes.indices {
      let p =
        (successes[i] + priorWeight * priorMeans[i]) / (successes[i] + failures[i] + priorWeight)
      let clipped = min(max(p, BinaryMetrics.clip), 1 - BinaryMetrics.clip)
      total -= log(outcomes[i] ? clipped : 1 - clipped)
    }
    return total / Double(outcomes.count)
  }
}
