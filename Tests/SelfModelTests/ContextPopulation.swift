import Foundation
import SelfModel
import SelfModelTesting

/// Simulated users whose every outcome is drawn from a true model's estimate in the event's
/// context (`UserModel.estimate(for:in:at:)` under `truth` and `beliefs`), so the truth is the
/// exact conditional distribution: ground truth for context-aware backtests and tuning.
struct ContextPopulation {
  var beliefs: [BeliefDefinition]
  var sources: [Source]
  var sourceWeights: [Double]
  var truth: RevisionPolicy
  /// The contexts drawn (uniformly) for each belief's events; `nil` means no context.
  var contexts: [BeliefKey: [ContextID?]]
  /// The mean gap between one user's events, in seconds.
  var meanGap: TimeInterval = 1.5 * 86_400
  /// Whether event times are rounded down to whole days (so several share a moment).
  var byDay = false

  static let start = Date(timeIntervalSinceReferenceDate: 700_000_000)

  /// `users` users of `events` events each, folded under `policy` with `definitions`
  /// (default: the true ones).
  func generate(
    users: Int, events: Int, seed: UInt64, policy: RevisionPolicy = RevisionPolicy(),
    definitions: [BeliefDefinition]? = nil
  ) throws -> [UserModel] {
    var random = SeededRandom(seed: seed)
    return try (0..<users).map { index in
      let ledger = try simulate(user: UserID("user-\(index)"), events: events, using: &random)
      return try UserModel(
        user: ledger.user, policy: policy, beliefs: definitions ?? beliefs, sources: sources,
        evidence: ledger.evidence)
    }
  }

  private func simulate(user: UserID, events: Int, using random: inout SeededRandom) throws
    -> UserModel
  {
    var model = try UserModel(
      user: user, policy: truth, beliefs: beliefs, sources: sources, evidence: [])
    var time = Self.start.timeIntervalSinceReferenceDate
    for step in 0..<events {
      time += -meanGap * log(1 - Double.random(in: 0..<1, using: &random))
      let moment = Date(
        timeIntervalSinceReferenceDate: byDay ? (time / 86_400).rounded(.down) * 86_400 : time)
      let belief = beliefs[Int.random(in: 0..<beliefs.count, using: &random)]
      let source = sources[Self.pick(sourceWeights, using: &random)]
      let choices = contexts[belief.key] ?? [nil]
      let context = choices[Int.random(in: 0..<choices.count, using: &random)]
      let p = try model.estimate(for: belief.key, in: context, at: moment).probabilities
      let outcome = belief.outcomes[Self.pick(p, using: &random)]
      _ = try model.append(
        Evidence(
          id: try EvidenceID("e-\(step)"), belief: belief.key, content: .outcome(outcome),
          source: source.id, observedAt: moment, context: context),
        at: moment)
    }
    return model
  }

  private static func pick(_ weights: [Double], using random: inout SeededRandom) -> Int {
    var remaining = Double.random(in: 0..<1, using: &random) * weights.reduce(0, +)
    for (index, weight) in weights.enumerated() {
      remaining -= weight
      if remaining < 0 { return index }
    }
    return weights.count - 1
  }
}
