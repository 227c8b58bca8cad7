import SelfModel

/// `GET /v1/users/{user}/estimates`: one estimate per belief asked for.
struct EstimatesResponse: Sendable, Codable, Equatable {
  /// The user.
  var user: UserID
  /// The estimates, in the order asked (declaration order when all).
  var estimates: [EstimateResponse]
}
