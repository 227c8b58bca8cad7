public import SelfModel

/// One page of users, in the store's order.
public struct UserListResponse: Sendable, Hashable, Codable {
  /// The users on this page.
  public var users: [UserID]
  /// The cursor of the next page, or `nil` on the last.
  public var next: UserID?

  /// Creates a page.
  ///
  /// - Parameters:
  ///   - users: The users.
  ///   - next: The next page's cursor.
  public init(users: [UserID], next: UserID?) {
    self.users = users
    self.next = next
  }
}
