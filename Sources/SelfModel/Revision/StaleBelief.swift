public import Foundation

/// A belief whose evidence has decayed; see ``UserModel/staleBeliefs(at:maximumFreshness:)``.
public struct StaleBelief: Sendable, Hashable, Codable {
  /// The belief's estimate at the moment asked.
  public let estimate: BeliefEstimate
  /// `T(now) / T(last observed)`: 1 when fresh, 0.5 after one half-life, towards 0 later.
  public let freshness: Double
  /// When the belief last received evidence.
  public let lastObservedAt: Date
  /// The uncertainty `u` right after that evidence; ``BeliefEstimate/uncertainty`` is now higher.
  public let uncertaintyWhenLastObserved: Double

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - estimate: The estimate now.
  ///   - freshness: The freshness ratio.
  ///   - lastObservedAt: When evidence last arrived.
  ///   - uncertaintyWhenLastObserved: `u` then.
  public init(
    estimate: BeliefEstimate, freshness: Double, lastObservedAt: Date,
    uncertaintyWhenLastObserved: Double
  ) {
    self.estimate = estimate
    self.freshness = freshness
    self.lastObservedAt = lastObservedAt
    self.uncertaintyWhenLastObserved = uncertaintyWhenLastObserved
  }
}
