public import SelfModel

/// A new user, with anything it has beyond the catalogue: `POST /v1/users`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct CreateUserRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// Beliefs of this user only.
  public var beliefs: [BeliefDefinition]?
  /// Sources of this user only.
  public var sources: [Source]?
  /// A policy that replaces the catalogue's for this user.
  public var policy: RevisionPolicy?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - beliefs: Beliefs of this user only.
  ///   - sources: Sources of this user only.
  ///   - policy: The user's own policy.
  public init(
    user: UserID, beliefs: [BeliefDefinition]? = nil, sources: [Source]? = nil,
    policy: RevisionPolicy? = nil
  ) {
    self.user = user
    self.beliefs = beliefs
    self.sources = sources
    self.policy = policy
  }
}
