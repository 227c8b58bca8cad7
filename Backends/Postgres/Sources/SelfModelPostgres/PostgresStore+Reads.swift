public import Foundation
import PostgresNIO
public import SelfModel
public import SelfModelStore
import Synchronization

extension PostgresStore {
  /// The user's model, checked against the database (one round trip, which also brings any
  /// evidence other instances appended); see `UserModelStore.model(for:)`.
  ///
  /// - Parameter user: The user.
  /// - Returns: A copy of the model.
  /// - Throws: `userNotFound`; connection errors.
  public func model(for user: UserID) async throws(StoreError) -> UserModel {
    try await call("model", user: user) { try await self.current(user, "model").model }
  }

  /// Estimates without handing out the model; see `UserModelStore.estimates(for:beliefs:at:)`.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - beliefs: The beliefs, or `nil` for all.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: One estimate per belief asked for.
  /// - Throws: `userNotFound`; `rejectedByModel`; connection errors.
  public func estimates(for user: UserID, beliefs: [BeliefKey]?, at now: Date)
    async throws(StoreError) -> [BeliefEstimate]
  {
    try await call("estimates", user: user) { () async throws(StoreError) -> [BeliefEstimate] in
      let model = try await self.current(user, "estimates").model
      do throws(ModelError) {
        return try model.estimates(beliefs: beliefs, at: now)
      } catch {
        throw StoreError(.rejectedByModel, operation: "estimates", user: user, modelError: error)
      }
    }
  }

  /// Explains a belief without handing out the model; see
  /// `UserModelStore.explanation(for:belief:at:)`.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - belief: The belief.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The explanation.
  /// - Throws: `userNotFound`; `rejectedByModel`; connection errors.
  public func explanation(for user: UserID, belief: BeliefKey, at now: Date)
    async throws(StoreError) -> BeliefExplanation
  {
    try await call("explanation", user: user) {
      () async throws(StoreError) -> BeliefExplanation in
      let model = try await self.current(user, "explanation").model
      do throws(ModelError) {
        return try model.explain(belief, at: now)
      } catch {
        throw StoreError(
          .rejectedByModel, operation: "explanation", user: user, modelError: error)
      }
    }
  }

  /// Whether the user exists; see `UserModelStore.contains(_:)`.
  ///
  /// - Parameter user: The user.
  /// - Returns: `true` if the database holds the user.
  /// - Throws: Connection errors.
  public func contains(_ user: UserID) async throws(StoreError) -> Bool {
    try await call("contains", user: user) {
      try await self.rows(
        "SELECT 1::int8 FROM selfmodel_users WHERE id = \(user.rawValue)", as: Int64.self
      ).isEmpty == false
    }
  }

  /// Lists users in id order (bytewise); see `UserModelStore.users(after:limit:)`.
  ///
  /// - Parameters:
  ///   - cursor: The previous page's `next`.
  ///   - limit: The page size, at least 1.
  /// - Returns: The page.
  /// - Throws: `invalidArgument` for a limit below 1; connection errors.
  public func users(after cursor: UserID?, limit: Int) async throws(StoreError) -> UserPage {
    guard limit >= 1 else {
      throw StoreError(.invalidArgument, operation: "users", detail: "limit \(limit) is below 1")
    }
    let ids = try await call("users", user: nil) {
      try await self.rows(
        """
        SELECT id FROM selfmodel_users WHERE id > \(cursor?.rawValue ?? "")
        ORDER BY id LIMIT \(Int64(limit) + 1)
        """, as: String.self)
    }
    var users: [UserID] = []
    for id in ids.prefix(limit) {
      do {
        users.append(try UserID(id))
      } catch {
        throw StoreError(.corruptFile, operation: "users", path: "database row", modelError: error)
      }
    }
    return UserPage(users: users, next: ids.count > limit ? users.last : nil)
  }

  /// Exports a user; see `UserModelStore.exportUser(_:)`.
  ///
  /// - Parameter user: The user.
  /// - Returns: The `ExportDocument` bytes.
  /// - Throws: `userNotFound`; connection errors.
  public func exportUser(_ user: UserID) async throws(StoreError) -> Data {
    try await exportDocument(user).encoded()
  }

  /// Exports a user as a value; see `UserModelStore.exportDocument(_:)`.
  ///
  /// - Parameter user: The user.
  /// - Returns: The document.
  /// - Throws: `userNotFound`; connection errors.
  public func exportDocument(_ user: UserID) async throws(StoreError) -> ExportDocument {
    ExportDocument(snapshot: try await model(for: user).snapshot)
  }

  /// Checks that the user exists: the database compacts itself (autovacuum), so there is no
  /// journal to fold.
  ///
  /// - Parameter user: The user.
  /// - Throws: `userNotFound`; connection errors.
  public func compact(_ user: UserID) async throws(StoreError) {
    guard try await contains(user) else {
      throw StoreError(.userNotFound, operation: "compact", user: user)
    }
  }

  /// The catalogue in force, read from the database; see `UserModelStore.catalogue()`.
  ///
  /// - Returns: The catalogue.
  /// - Throws: Connection errors.
  public func catalogue() async throws(StoreError) -> Catalogue {
    try await call("catalogue", user: nil) { try await self.readCatalogue("catalogue") }
  }
}
