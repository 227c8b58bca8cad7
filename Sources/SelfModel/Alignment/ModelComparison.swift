public import Foundation

/// Model-to-model alignment: how far two self-models agree on the beliefs they share (stated
/// vs inferred preferences, a user vs a persona, one user vs another).
///
/// A belief is *shared* when both models declare its key with the same set of outcomes (in
/// any order); keys declared by one model only, or with different outcomes, are listed, not
/// compared. Per shared belief `j`, with `1 - u` each model's evidence share:
///
///     JS_j   = Jensen-Shannon divergence of the two probability vectors, in bits (0...1)
///     w_j    = (1 - u_first,j) * (1 - u_second,j)
///     agreement = 1 - sum_j w_j JS_j / sum_j w_j          (nil when every w_j is 0)
///
/// The weight makes a belief count only as far as both models have evidence for it: two
/// priors agreeing tells nothing.
///
/// ```swift
/// let comparison = try ModelComparison.compare(stated, inferred, at: now)
/// comparison.agreement  // 0.93
/// comparison.beliefs.first?.belief  // the belief they disagree on most
/// ```
public struct ModelComparison: Sendable, Hashable, Codable {
  /// The shared beliefs, largest divergence first (ties by key).
  public let beliefs: [BeliefComparison]
  /// `1 - sum w_j JS_j / sum w_j`, in `0...1`; `nil` when no shared belief has evidence in
  /// both models.
  public let agreement: Double?
  /// Keys only the first model declares, sorted.
  public let onlyInFirst: [BeliefKey]
  /// Keys only the second model declares, sorted.
  public let onlyInSecond: [BeliefKey]
  /// Keys both declare with different outcome sets, sorted; not compared.
  public let incompatible: [BeliefKey]
  /// The moment both models were evaluated at.
  public let evaluatedAt: Date

  /// Compares two models at one moment.
  ///
  /// ```swift
  /// let comparison = try ModelComparison.compare(user, persona, at: now)
  /// ```
  ///
  /// - Parameters:
  ///   - first: One model.
  ///   - second: The other model.
  ///   - now: The moment to evaluate both at.
  /// - Returns: The comparison (see the type's discussion for the formula).
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` for a non-finite `now`.
  public static func compare(_ first: UserModel, _ second: UserModel, at now: Date)
    throws(ModelError) -> ModelComparison
  {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    var beliefs: [BeliefComparison] = []
    var onlyInFirst: [BeliefKey] = []
    var incompatible: [BeliefKey] = []
    for index in first.beliefIndices {
      let definition = first.definition(at: index)
      guard let other = second.beliefIndex(of: definition.key) else {
        onlyInFirst.append(definition.key)
        continue
      }
      let a = first.estimate(atIndex: index, time: now)
      let b = second.estimate(atIndex: other, time: now)
      guard let part = Self.compare(a, b) else {
        incompatible.append(definition.key)
        continue
      }
      beliefs.append(part)
    }
    let onlyInSecond = second.beliefs.map(\.key).filter { first.beliefIndex(of: $0) == nil }
    return ModelComparison(
      beliefs: beliefs, onlyInFirst: onlyInFirst.sorted(), onlyInSecond: onlyInSecond.sorted(),
      incompatible: incompatible.sorted(), evaluatedAt: now)
  }

  /// Creates a comparison from its parts, sorting them and computing the overall agreement.
  ///
  /// ```swift
  /// let comparison = ModelComparison(
  ///   beliefs: parts, onlyInFirst: [], onlyInSecond: [], incompatible: [], evaluatedAt: now)
  /// ```
  ///
  /// - Parameters:
  ///   - beliefs: The per-belief comparisons, in any order.
  ///   - onlyInFirst: Keys only the first model declares.
  ///   - onlyInSecond: Keys only the second model declares.
  ///   - incompatible: Keys declared with different outcomes.
  ///   - evaluatedAt: The evaluation moment.
  public init(
    beliefs: [BeliefComparison], onlyInFirst: [BeliefKey], onlyInSecond: [BeliefKey],
    incompatible: [BeliefKey], evaluatedAt: Date
  ) {
    self.beliefs = beliefs.sorted {
      ($0.divergence, $1.belief) > ($1.divergence, $0.belief)
    }
    let total = beliefs.reduce(0) { $0 + $1.weight }
    let weighted = beliefs.reduce(0) { $0 + $1.weight * $1.divergence }
    self.agreement = total > 0 ? min(1, max(0, 1 - weighted / total)) : nil
    self.onlyInFirst = onlyInFirst
    self.onlyInSecond = onlyInSecond
    self.incompatible = incompatible
    self.evaluatedAt = evaluatedAt
  }

  /// Compares two estimates of one belief, matching outcomes by name; `nil` when the outcome
  /// sets differ.
  static func compare(_ a: BeliefEstimate, _ b: BeliefEstimate) -> BeliefComparison? {
    guard a.outcomes.count == b.outcomes.count, Set(a.outcomes) == Set(b.outcomes) else {
      return nil
    }
    let bProbabilities = b.probabilities
    let aligned = a.outcomes.map { name in
      b.outcomes.firstIndex(of: name).map { bProbabilities[$0] } ?? 0
    }
    let first = a.probabilities
    let divergence = (try? Information.jensenShannonDivergence(first, aligned)) ?? 0
    return BeliefComparison(
      belief: a.key, outcomes: a.outcomes, first: first, second: aligned,
      firstConfidence: a.totalEvidence > 0 ? a.confidence : 0,
      secondConfidence: b.totalEvidence > 0 ? b.confidence : 0, divergence: divergence)
  }
}
