import SelfModel

/// `GET /v1/users`: one page of users; pass `next` as `after` for the following page.
struct UserListResponse: Sendable, Codable, Equatable {
  /// The users, in a stable order.
  var users: [UserID]
  /// The cursor of the next page; absent on the last.
  var next: UserID?
}
