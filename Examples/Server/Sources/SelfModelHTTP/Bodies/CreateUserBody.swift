import SelfModel

/// `POST /v1/users`: the new user's id and, optionally, beliefs, sources and a policy of its
/// own (a user needs none: it reads the catalogue's).
struct CreateUserBody: Sendable, Codable {
  /// The new user's id.
  var user: UserID
  /// Beliefs of this user alone.
  var beliefs: [BeliefDefinition]?
  /// Sources of this user alone.
  var sources: [Source]?
  /// A policy of this user alone; absent to follow the catalogue's.
  var policy: RevisionPolicy?
}
