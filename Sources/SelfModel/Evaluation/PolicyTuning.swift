/// The outcome of ``PolicyTuner/tune(_:from:scoring:)``: the policy before and after, their backtests,
/// and each tuned number.
///
/// ```swift
/// let tuning = try PolicyTuner().tune(users, from: RevisionPolicy())
/// tuning.logLossBefore  // 0.62 nats
/// tuning.logLossAfter  // 0.55 nats
/// let model = try UserModel(user: "u1", policy: tuning.after)
/// ```
public struct PolicyTuning: Sendable, Hashable, Codable {
  /// The policy tuning started from.
  public let before: RevisionPolicy
  /// The tuned policy: `before` with the tuned numbers written in.
  public let after: RevisionPolicy
  /// The backtest of every user under ``before``.
  public let backtestBefore: Backtest
  /// The backtest of every user under ``after``.
  public let backtestAfter: Backtest
  /// Each tuned number, half-lives first, then reliabilities, then the prior weight.
  public let parameters: [TunedParameter]
  /// How many replays the search ran.
  public let evaluations: Int

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
  public init(
    before: RevisionPolicy, after: RevisionPolicy, backtestBefore: Backtest,
    backtestAfter: Backtest, parameters: [TunedParameter], evaluations: Int
  ) {
    self.before = before
    self.after = after
    self.backtestBefore = backtestBefore
    self.backtestAfter = backtestAfter
    self.parameters = parameters
    self.evaluations = evaluations
  }
}
