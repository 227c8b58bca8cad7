public import SelfModel

/// A user's estimates: the answer to ``EstimatesRequest``.
///
/// ```json
/// {"user": "user-7", "estimates": [{"belief": "preference.concise", ...}]}
/// ```
public struct EstimatesResponse: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// One estimate per belief asked for, in the model's order.
  public var estimates: [EstimateResponse]

  /// Creates a response.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - estimates: The estimates.
  public init(user: UserID, estimates: [EstimateResponse]) {
    self.user = user
    self.estimates = estimates
  }
}
