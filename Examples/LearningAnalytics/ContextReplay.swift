import SelfModel

/// The library's estimates in each event's context, by a replay loop over the public API:
/// for every student, day by day, `estimate(for:in:at:)` in each of the day's events' contexts
/// (from the evidence of earlier days), then `record` the day's items, each carrying its
/// context (one ledger item per event). `Backtest` predicts in context too (``SourcedReplay``
/// uses it, and `LibraryReplayTests` checks the two agree); this loop stays because the priors
/// row's `W_c` search needs the pooled tallies behind each estimate, which `Backtest` does not
/// report.
struct ContextReplay: Sendable {
  /// What the library said before one event: `P(true)` in the event's context, and the tally
  /// it pooled across contexts (`t_true`, `T`), which does not depend on the prior.
  struct Estimate: Sendable, Hashable {
    /// `P(true)` in the event's context.
    let probability: Double
    /// The decayed evidence for `true`.
    let successes: Double
    /// The decayed evidence in total.
    let total: Double
    /// The base rate of the context's prior.
    let baseRate: Double
  }

  /// The events and how to turn them into evidence.
  let replay: LibraryReplay

  /// The estimate before each event that `including` selects (in `replay.events` order).
  func estimates(
    _ catalogue: Catalogue, policy: RevisionPolicy, including: (LearningEvent) -> Bool
  ) throws -> [Estimate] {
    var byStudent = [[Int]](repeating: [], count: replay.studentIDs.count)
    for (index, event) in replay.events.enumerated() where including(event) {
      byStudent[event.student].append(index)
    }
    var result = [Estimate?](repeating: nil, count: replay.events.count)
    for (student, indices) in byStudent.enumerated() where !indices.isEmpty {
      var model = try UserModel(
        user: UserID("student-\(replay.studentIDs[student])"), catalogue: catalogue,
        policy: policy)
      try replayStudent(&model, indices, into: &result)
    }
    return result.compactMap { $0 }
  }

  private func replayStudent(
    _ model: inout UserModel, _ indices: [Int], into result: inout [Estimate?]
  ) throws {
    let key = try BeliefKey(replay.task.beliefKey)
    var start = 0
    while start < indices.count {
      let day = replay.events[indices[start]].day
      let now = LibraryReplay.date(ofDay: day)
      var batch: [Evidence] = []
      var position = start
      while position < indices.count, replay.events[indices[position]].day == day {
        let event = replay.events[indices[position]]
        let context = try ContextID(ContextPriorFit.context(of: event))
        let estimate = try model.estimate(for: key, in: context, at: now)
        result[indices[position]] = Estimate(
          probability: estimate.probabilities[0], successes: estimate.evidence[0],
          total: estimate.totalEvidence, baseRate: estimate.baseRates[0])
        batch.append(try replay.evidence(event, context: context))
        position += 1
      }
      for item in batch { try model.append(item, at: now) }
      start = position
    }
  }
}
