import SelfModel

/// `POST /v1/imports`: the user the document held.
struct ImportResponse: Sendable, Codable, Equatable {
  /// The imported user.
  var user: UserID
}
