/// A belief with substantial evidence on more than one side; see
/// ``UserModel/contestedBeliefs(at:minimumEvidence:minimumConflict:)``.
public struct ContestedBelief: Sendable, Hashable, Codable {
  /// The belief's estimate at the moment asked.
  public let estimate: BeliefEstimate
  /// `(1 - max_k t_k / T) * K / (K - 1)`, in `0...1`.
  public let conflict: Double

  /// Creates a report.
  ///
  /// - Parameters:
  ///   - estimate: The estimate.
  ///   - conflict: The conflict measure.
  public init(estimate: BeliefEstimate, conflict: Double) {
    self.estimate = estimate
    self.conflict = conflict
  }
}
