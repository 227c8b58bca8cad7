/// The outcome of ``PolicyTuner/tune(_:from:scoring:)``: the policy before and after, their
/// backtests, each tuned number, and the belief definitions whose priors were tuned.
///
/// The half-lives, reliabilities and policy `W` are written into ``after``. A belief's own `W`
/// and a context's `W` live in the belief definitions (``BeliefDefinition/priorWeight``,
/// ``ContextPrior/priorWeight``), not in the policy, so they come back in two ways:
/// ``tunedDefinitions`` (the definitions the tuner saw, with the tuned numbers written in, for
/// models that declare their own beliefs) and ``applied(to:version:)`` (a new catalogue
/// version with the tuned numbers written into its definitions and ``after`` as its policy).
/// A context factor `m` found by the tuner is written as the context's `W` set to `m` times
/// the `W` the context had (its own, a parent's, or the belief's tuned one).
///
/// ```swift
/// let tuning = try PolicyTuner().tune(users, from: RevisionPolicy())
/// tuning.logLossBefore  // 0.62 nats
/// tuning.logLossAfter  // 0.55 nats
/// let model = try UserModel(user: "u1", policy: tuning.after)
/// ```
public struct PolicyTuning: Sendable, Hashable {
  /// The policy tuning started from.
  public let before: RevisionPolicy
  /// The tuned policy: `before` with the tuned numbers written in.
  public let after: RevisionPolicy
  /// The backtest of every user under ``before``.
  public let backtestBefore: Backtest
  /// The backtest of every user under ``after`` and the tuned belief priors.
  public let backtestAfter: Backtest
  /// Each tuned number, half-lives first, then reliabilities, then the prior weights.
  public let parameters: [TunedParameter]
  /// How many replays the search ran.
  public let evaluations: Int
  /// The definitions of the beliefs whose own `W` or context factors were tuned, with the
  /// tuned numbers written in, by key; empty when no belief prior was tuned.
  public let tunedDefinitions: [BeliefDefinition]

  /// The mean log loss in nats under ``before``.
  public var logLossBefore: Double { backtestBefore.overall?.logLoss ?? 0 }
  /// The mean log loss in nats under ``after``; never above ``logLossBefore``.
  public var logLossAfter: Double { backtestAfter.overall?.logLoss ?? 0 }

  /// Creates a tuning result from its parts; ``PolicyTuner`` is the usual maker.
  ///
  /// ```swift
  /// let tuning = PolicyTuning(
  ///   before: old, after: new, backtestBefore: a, backtestAfter: b, parameters: [],
  ///   evaluations: 0)
  /// ```
  ///
  /// - Parameters:
  ///   - before: The starting policy.
  ///   - after: The tuned policy.
  ///   - backtestBefore: The backtest under `before`.
  ///   - backtestAfter: The backtest under `after`.
  ///   - parameters: The tuned numbers.
  ///   - evaluations: The number of replays.
  ///   - tunedDefinitions: The tuned belief definitions (default none).
  public init(
    before: RevisionPolicy, after: RevisionPolicy, backtestBefore: Backtest,
    backtestAfter: Backtest, parameters: [TunedParameter], evaluations: Int,
    tunedDefinitions: [BeliefDefinition] = []
  ) {
    self.before = before
    self.after = after
    self.backtestBefore = backtestBefore
    self.backtestAfter = backtestAfter
    self.parameters = parameters
    self.evaluations = evaluations
    self.tunedDefinitions = tunedDefinitions
  }
}
