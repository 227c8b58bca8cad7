public import SelfModel

/// Candidate answers ranked by how well they fit the user, best first: `POST /v1/users/{user}/rankings`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct RankRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// The candidates, at most `OperationLimits/maximumCandidates`.
  public var candidates: [Candidate]
  /// The credible level of the score ranges (default 0.95).
  public var credibleLevel: Double?
  /// The situation to estimate in.
  public var context: ContextID?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - candidates: The candidates.
  ///   - credibleLevel: The credible level.
  ///   - context: The situation.
  public init(
    user: UserID, candidates: [Candidate], credibleLevel: Double? = nil, context: ContextID? = nil
  ) {
    self.user = user
    self.candidates = candidates
    self.credibleLevel = credibleLevel
    self.context = context
  }
}
