import SelfModel

extension TaskEvaluation {
  /// The library with population and context priors (INTERIM fit, see ``ContextPriorFit``),
  /// under the tuned `policy`'s half-life. Each module x type's `W_c` is multiplied by the
  /// factor in `[0.05, 100]` that minimises its 2013B events' log loss (the loss of a context's
  /// events depends on its own `W_c` only, given the library's pooled tallies); then 2013J is
  /// replayed on top of 2013B through `UserModel.estimate(for:in:at:)`.
  func contextModel(policy: RevisionPolicy) throws -> (ContextPriorFit, [Double]) {
    let fit = try ContextPriorFit(training: training, all: replay.events)
    let contexts = ContextReplay(replay: replay)
    let catalogue = try Catalogue(
      version: 1, beliefs: [fit.definition(for: replay.task)],
      sources: [Source(id: LibraryReplay.source, kind: .behavior, reliability: 1)])
    let history = try contexts.estimates(catalogue, policy: policy) { !$0.isScored }
    let scaled = fit.scaled(by: multipliers(fit, history))
    let final = try Catalogue(
      version: 1, beliefs: [scaled.definition(for: replay.task)],
      sources: [Source(id: LibraryReplay.source, kind: .behavior, reliability: 1)])
    let all = try contexts.estimates(final, policy: policy) { _ in true }
    return (scaled, zip(replay.events, all).filter { $0.0.isScored }.map(\.1.probability))
  }

  /// The priors row `fit` (scaled, tuned on 2013B) with its base rates refitted by the
  /// library's `PopulationPriorFit` on `schedule` (see ``PriorRefit`` and ``RefitReplay``):
  /// 2013J's predictions and the number of refits.
  func refittedContextModel(
    _ fit: ContextPriorFit, policy: RevisionPolicy, schedule: RefitReplay.Schedule,
    halfLife: Double? = nil
  ) throws -> ([Double], Int) {
    let refit = try PriorRefit(fit, task: replay.task, halfLife: halfLife)
    return try RefitReplay(replay: replay, refit: refit, structural: fit.structural)
      .predictions(policy: policy, schedule: schedule)
  }

  /// The pre-registered choice of the "priors that forget" row's half-life (days, `nil`: no
  /// decay), on 2013B alone: the daily refit replayed on 2013B, the events from 2013B's median
  /// event day on scored, for each candidate; the lowest mean log loss wins, ties to the
  /// longer. Returns the choice and every candidate's loss.
  func forgettingHalfLife(_ fit: ContextPriorFit, policy: RevisionPolicy) throws
    -> (Double?, [(Double?, Double)])
  {
    let training = self.training
    let median = training.map(\.day).sorted()[training.count / 2]
    let events = training.map {
      LearningEvent(
        student: $0.student, day: $0.day, outcome: $0.outcome, isScored: $0.day >= median,
        assessment: $0.assessment)
    }
    let trainingReplay = LibraryReplay(
      task: replay.task, events: events, studentIDs: replay.studentIDs)
    let outcomes = events.filter(\.isScored).map(\.outcome)
    var losses: [(Double?, Double)] = []
    for halfLife in [nil, 224, 112, 56, 28, 14] as [Double?] {
      let refit = try PriorRefit(fit, task: replay.task, halfLife: halfLife)
      let (predictions, _) = try RefitReplay(
        replay: trainingReplay, refit: refit, structural: fit.structural
      ).predictions(policy: policy, schedule: .daily)
      let loss = BinaryMetrics.losses(predictions, outcomes).reduce(0, +) / Double(outcomes.count)
      losses.append((halfLife, loss))
    }
    var best = losses[0]
    for candidate in losses.dropFirst() where candidate.1 < best.1 { best = candidate }
    return (best.0, losses)
  }

  /// The multiplier of each 2013B module x type's `W_c`.
  private func multipliers(_ fit: ContextPriorFit, _ estimates: [ContextReplay.Estimate])
    -> [String: Double]
  {
    let training = self.training
    var groups: [String: [Int]] = [:]
    for (index, event) in training.enumerated() {
      groups["module:\(event.assessment.module)/type:\(event.type)", default: []].append(index)
    }
    var result: [String: Double] = [:]
    for (context, indices) in groups {
      guard let weight = fit.nodes[context]?.priorWeight else { continue }
      result[context] =
        LogScaleSearch.minimise(in: 0.05...100) { multiplier in
          let w = weight * multiplier
          let predictions = indices.map {
            (estimates[$0].successes + w * estimates[$0].baseRate) / (estimates[$0].total + w)
          }
          return BinaryMetrics.losses(predictions, indices.map { training[$0].outcome })
            .reduce(0, +)
        }.0
    }
    return result
  }
}
