public import SelfModel

/// The users one caller may read and write: every user (a local stdio agent the operator
/// started), or a fixed set (a remote agent whose bearer token is bound to those users).
///
/// ```swift
/// let scope = UserScope.only(["user-42"])
/// scope.permits("user-7")  // false
/// ```
public enum UserScope: Sendable, Hashable {
  /// Every user of the store.
  case all
  /// Only these users.
  case only(Set<UserID>)

  /// Whether the scope includes `user`.
  ///
  /// - Parameter user: A user.
  /// - Returns: `true` when the caller may touch `user`.
  public func permits(_ user: UserID) -> Bool {
    switch self {
    case .all: true
    case .only(let users): users.contains(user)
    }
  }
}
