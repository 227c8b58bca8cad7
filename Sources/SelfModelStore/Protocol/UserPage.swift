public import SelfModel

/// One page of a store's user listing, with the cursor for the next page.
///
/// Listing order is stable for a given store but otherwise unspecified (``FileStore`` orders
/// users by the hash that names their folder, ``InMemoryStore`` by id). Pass ``next`` as the
/// `after` argument of ``UserModelStore/users(after:limit:)`` to continue; `nil` means this
/// was the last page. Users created or deleted while paging may or may not appear.
///
/// ```swift
/// var cursor: UserID? = nil
/// repeat {
///   let page = try await store.users(after: cursor, limit: 100)
///   for user in page.users { print(user) }
///   cursor = page.next
/// } while cursor != nil
/// ```
public struct UserPage: Sendable, Hashable {
  /// The users on this page, in listing order.
  public let users: [UserID]
  /// The cursor for the next page, or `nil` when there are no more users.
  public let next: UserID?
  /// User folders the listing passed over because they are damaged (a ``FileStore`` folder
  /// whose `user` file is missing, unreadable or does not hash to the folder's name), as
  /// paths, in listing order. They do not count toward the page's limit; each is reported on
  /// the page whose range of the listing order it falls in. Always empty for stores without
  /// files.
  public let damaged: [String]

  /// Creates a page.
  ///
  /// - Parameters:
  ///   - users: The users on the page.
  ///   - next: The cursor of the next page; `nil` on the last one.
  ///   - damaged: Damaged user folders passed over.
  public init(users: [UserID], next: UserID?, damaged: [String] = []) {
    self.users = users
    self.next = next
    self.damaged = damaged
  }
}
