public import SelfModel

/// A batch of evidence to record for one user, all or none: `POST /v1/users/{user}/evidence`, the MCP tool `record_observation`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct RecordRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// The evidence, at most `OperationLimits/maximumBatchSize` items.
  public var evidence: [Evidence]
  /// The credible level of the intervals in the answer (default 0.95).
  public var level: Double?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - evidence: The evidence.
  ///   - level: The credible level of the answer's intervals.
  public init(user: UserID, evidence: [Evidence], level: Double? = nil) {
    self.user = user
    self.evidence = evidence
    self.level = level
  }
}
