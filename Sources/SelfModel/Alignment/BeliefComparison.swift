/// How two models see one belief they share: both estimates, the Jensen-Shannon divergence
/// between them, and how much the comparison counts.
///
/// ```swift
/// let comparison = try ModelComparison.compare(stated, inferred, at: now)
/// let worst = comparison.beliefs.first  // the belief the two models disagree on most
/// worst?.divergence  // bits, in 0...1
/// ```
public struct BeliefComparison: Sendable, Hashable, Codable {
  /// The belief's key.
  public let belief: BeliefKey
  /// The outcomes, in the first model's order.
  public let outcomes: [String]
  /// The first model's probabilities, in ``outcomes`` order.
  public let first: [Double]
  /// The second model's probabilities, in ``outcomes`` order.
  public let second: [Double]
  /// The first model's evidence share `1 - u`.
  public let firstConfidence: Double
  /// The second model's evidence share `1 - u`.
  public let secondConfidence: Double
  /// `JS(first, second)` in bits, in `0...1`.
  public let divergence: Double
  /// `1 - divergence`, in `0...1`.
  public let agreement: Double
  /// `firstConfidence * secondConfidence`: the belief's weight in the overall agreement, 0
  /// unless both models have evidence for it.
  public let weight: Double

  /// Creates a belief comparison from its parts; ``ModelComparison`` is the usual maker.
  ///
  /// ```swift
  /// let part = BeliefComparison(
  ///   belief: "preference.concise", outcomes: ["true", "false"], first: [0.8, 0.2],
  ///   second: [0.6, 0.4], firstConfidence: 0.8, secondConfidence: 0.5, divergence: 0.03)
  /// ```
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - outcomes: The outcomes.
  ///   - first: The first model's probabilities.
  ///   - second: The second model's probabilities.
  ///   - firstConfidence: The first model's `1 - u`.
  ///   - secondConfidence: The second model's `1 - u`.
  ///   - divergence: `JS(first, second)` in bits.
  public init(
    belief: BeliefKey, outcomes: [String], first: [Double], second: [Double],
    firstConfidence: Double, secondConfidence: Double, divergence: Double
  ) {
    self.belief = belief
    self.outcomes = outcomes
    self.first = first
    self.second = second
    self.firstConfidence = firstConfidence
    self.secondConfidence = secondConfidence
    self.divergence = divergence
    self.agreement = 1 - divergence
    self.weight = firstConfidence * secondConfidence
  }
}
