public import Foundation
public import SelfModel
public import SelfModelStore

extension Operations {
  /// Creates a user from the catalogue in force, with anything of its own.
  ///
  /// - Parameter request: The user and its own beliefs, sources and policy.
  /// - Returns: What the new model holds.
  /// - Throws: `StoreError`: `StoreError/Code/userAlreadyExists`, a definition or policy
  ///   the model refuses, the store's errors.
  public func createUser(_ request: CreateUserRequest) async throws(StoreError) -> UserSummary {
    let model = try await store.createUser(
      request.user, beliefs: request.beliefs ?? [], sources: request.sources ?? [],
      policy: request.policy)
    return UserSummary(model)
  }

  /// What a user's model holds, without its evidence.
  ///
  /// - Parameter user: The user.
  /// - Returns: The summary.
  /// - Throws: `StoreError`: `StoreError/Code/userNotFound`, the store's errors.
  public func user(_ user: UserID) async throws(StoreError) -> UserSummary {
    try await store.read(user: user, operation: "user") { view in UserSummary(view.model) }
  }

  /// One page of users.
  ///
  /// - Parameters:
  ///   - cursor: The last user of the previous page, or `nil` for the first.
  ///   - limit: How many users (default 100, at most ``OperationLimits/maximumPageSize``).
  /// - Returns: The page.
  /// - Throws: `StoreError`: a limit out of range, the store's errors.
  public func users(after cursor: UserID?, limit: Int?) async throws(StoreError)
    -> UserListResponse
  {
    let count = limit ?? 100
    try OperationLimits.check(
      count, 1...limits.maximumPageSize, field: "limit", operation: "users", user: nil)
    let page = try await store.users(after: cursor, limit: count)
    return UserListResponse(users: page.users, next: page.next)
  }

  /// Deletes a user and everything stored about them.
  ///
  /// - Parameter user: The user.
  /// - Throws: `StoreError`: `StoreError/Code/userNotFound` if there was no such user.
  public func deleteUser(_ user: UserID) async throws(StoreError) {
    guard try await store.deleteUser(user) else {
      throw StoreError(.userNotFound, operation: "deleteUser", user: user)
    }
  }

  /// The user as one portable JSON document (format `selfmodel.user-export`).
  ///
  /// - Parameter user: The user.
  /// - Returns: The document's bytes.
  /// - Throws: `StoreError`: `StoreError/Code/userNotFound`, the store's errors.
  public func exportUser(_ user: UserID) async throws(StoreError) -> Data {
    try await store.exportUser(user)
  }

  /// Imports an exported document.
  ///
  /// - Parameters:
  ///   - document: The document's bytes.
  ///   - replacing: Whether to replace a user that exists.
  /// - Returns: The user imported.
  /// - Throws: `StoreError`: a malformed or newer document, an existing user when not
  ///   replacing, the store's errors.
  public func importUser(_ document: Data, replacing: Bool) async throws(StoreError) -> UserID {
    try await store.importUser(document, replacing: replacing)
  }

  /// The user as a value, for an edge that writes the lines form (`application/x-ndjson`)
  /// with `ExportLineWriter`, a chunk at a time, instead of one JSON document.
  ///
  /// - Parameter user: The user.
  /// - Returns: The document.
  /// - Throws: `StoreError`: `StoreError/Code/userNotFound`, the store's errors.
  public func exportDocument(_ user: UserID) async throws(StoreError) -> ExportDocument {
    try await store.exportDocument(user)
  }

  /// A reader for the lines form of an import, with the library's limits
  /// (`ExportLineReader/standard`): an edge feeds it the body as it arrives and passes
  /// `ExportLineReader/finish()` to ``importUser(_:replacing:)-(ExportDocument,_)``.
  ///
  /// - Returns: The reader.
  public func importReader() -> ExportLineReader { .standard }

  /// Imports a decoded document, such as the one an `ExportLineReader` read, atomically.
  ///
  /// - Parameters:
  ///   - document: The document.
  ///   - replacing: Whether to replace a user that exists.
  /// - Returns: The user imported.
  /// - Throws: `StoreError`: an inconsistent model, an existing user when not replacing, the
  ///   store's errors.
  public func importUser(_ document: ExportDocument, replacing: Bool) async throws(StoreError)
    -> UserID
  {
    try await store.importUser(document, replacing: replacing)
  }
}
