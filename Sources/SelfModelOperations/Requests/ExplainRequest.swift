public import SelfModel

/// One belief's estimate and the evidence behind it, largest part first: `GET /v1/users/{user}/beliefs/{belief}/explanation`, the MCP tool `explain_belief`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct ExplainRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// The belief.
  public var belief: BeliefKey
  /// The situation to estimate in.
  public var context: ContextID?
  /// The credible level of the intervals (default 0.95).
  public var level: Double?
  /// The most evidence items to list (default: all, up to `OperationLimits/maximumExplanationItems`).
  public var limit: Int?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - belief: The belief.
  ///   - context: The situation.
  ///   - level: The credible level.
  ///   - limit: The most evidence items to list.
  public init(
    user: UserID, belief: BeliefKey, context: ContextID? = nil, level: Double? = nil,
    limit: Int? = nil
  ) {
    self.user = user
    self.belief = belief
    self.context = context
    self.level = level
    self.limit = limit
  }
}
