public import SelfModel

/// Estimates of a user's beliefs: `GET /v1/users/{user}/estimates`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct EstimatesRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// The beliefs to estimate (all when absent or empty).
  public var beliefs: [BeliefKey]?
  /// The situation to estimate in: a belief that lists it starts from its prior.
  public var context: ContextID?
  /// The credible level of the intervals (default 0.95).
  public var level: Double?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - beliefs: The beliefs (all when nil).
  ///   - context: The situation.
  ///   - level: The credible level.
  public init(
    user: UserID, beliefs: [BeliefKey]? = nil, context: ContextID? = nil, level: Double? = nil
  ) {
    self.user = user
    self.beliefs = beliefs
    self.context = context
    self.level = level
  }
}
