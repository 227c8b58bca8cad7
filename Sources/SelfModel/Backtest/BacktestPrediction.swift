public import Foundation

/// One prediction a backtest recorded: what the model predicted for an evidence item's belief
/// just before applying the item, and which outcome the item reported.
///
/// ```swift
/// let backtest = try Backtest(replaying: [model], recordingPredictions: true)
/// let first = backtest.predictions[0]
/// first.probability  // p(first.outcome) before the item was applied
/// ```
public struct BacktestPrediction: Sendable, Hashable, Codable {
  /// The user whose ledger held the item.
  public let user: UserID
  /// The evidence item that was predicted.
  public let evidence: EvidenceID
  /// Its belief.
  public let belief: BeliefKey
  /// Its source.
  public let source: SourceID
  /// When it was observed; the prediction is evaluated at this moment.
  public let observedAt: Date
  /// The outcome the item reported.
  public let outcome: String
  /// The predicted probability of each outcome of the belief, in its declaration order.
  public let probabilities: [Double]
  /// The predicted probability of ``outcome``.
  public let probability: Double
  /// The item's context, whose prior the prediction started from; `nil` for the belief's own.
  public let context: ContextID?

  /// Creates a prediction record; ``Backtest`` is the usual maker.
  ///
  /// ```swift
  /// let record = BacktestPrediction(
  ///   user: "u1", evidence: "e7", belief: "preference.concise", source: "user",
  ///   observedAt: monday, outcome: "true", probabilities: [0.7, 0.3], probability: 0.7)
  /// ```
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - evidence: The evidence id.
  ///   - belief: The belief.
  ///   - source: The source.
  ///   - observedAt: The observation time.
  ///   - outcome: The reported outcome.
  ///   - probabilities: The predicted distribution.
  ///   - probability: The predicted probability of `outcome`.
  ///   - context: The item's context, or `nil` (default).
  public init(
    user: UserID, evidence: EvidenceID, belief: BeliefKey, source: SourceID, observedAt: Date,
    outcome: String, probabilities: [Double], probability: Double, context: ContextID? = nil
  ) {
    self.user = user
    self.evidence = evidence
    self.belief = belief
    self.source = source
    self.observedAt = observedAt
    self.outcome = outcome
    self.probabilities = probabilities
    self.probability = probability
    self.context = context
  }
}
