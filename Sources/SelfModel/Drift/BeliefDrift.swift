/// How one belief moved between two evaluations: the probabilities before and after, the
/// largest change, the Jensen-Shannon divergence and the uncertainty at both ends.
///
/// ```swift
/// let drift = try DriftReport(model: model, from: monday, to: friday)
/// let mover = drift.topMovers.first
/// mover?.divergence  // bits
/// mover?.largestChange  // e.g. 0.31: one outcome's probability moved by 31 points
/// ```
public struct BeliefDrift: Sendable, Hashable, Codable {
  /// The belief.
  public let belief: BeliefKey
  /// Its outcomes, in the earlier model's order.
  public let outcomes: [String]
  /// The probabilities at the earlier evaluation.
  public let before: [Double]
  /// The probabilities at the later evaluation, in ``outcomes`` order.
  public let after: [Double]
  /// `max_k |after_k - before_k|`, in `0...1`.
  public let largestChange: Double
  /// `JS(before, after)` in bits, in `0...1`.
  public let divergence: Double
  /// The uncertainty `u = W / (T + W)` at the earlier evaluation.
  public let uncertaintyBefore: Double
  /// The uncertainty at the later evaluation.
  public let uncertaintyAfter: Double

  /// Creates a belief drift from its parts; ``DriftReport`` is the usual maker.
  ///
  /// ```swift
  /// let drift = BeliefDrift(
  ///   belief: "preference.concise", outcomes: ["true", "false"], before: [0.6, 0.4],
  ///   after: [0.65, 0.35], divergence: 0.0019, uncertaintyBefore: 0.5, uncertaintyAfter: 0.4)
  /// ```
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - outcomes: Its outcomes.
  ///   - before: The earlier probabilities.
  ///   - after: The later probabilities, same order.
  ///   - divergence: `JS(before, after)` in bits.
  ///   - uncertaintyBefore: The earlier `u`.
  ///   - uncertaintyAfter: The later `u`.
  public init(
    belief: BeliefKey, outcomes: [String], before: [Double], after: [Double], divergence: Double,
    uncertaintyBefore: Double, uncertaintyAfter: Double
  ) {
    self.belief = belief
    self.outcomes = outcomes
    self.before = before
    self.after = after
    self.largestChange = zip(before, after).map { abs($1 - $0) }.max() ?? 0
    self.divergence = divergence
    self.uncertaintyBefore = uncertaintyBefore
    self.uncertaintyAfter = uncertaintyAfter
  }
}
