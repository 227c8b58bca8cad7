import Foundation
import PostgresNIO
public import SelfModel
public import SelfModelStore
import Synchronization

extension PostgresStore {
  /// Creates a user on the catalogue in force; see
  /// `UserModelStore.createUser(_:beliefs:sources:policy:)`.
  ///
  /// - Parameters:
  ///   - user: The new user.
  ///   - beliefs: Its own beliefs.
  ///   - sources: Its own sources.
  ///   - policy: Its own policy, or `nil`.
  /// - Returns: The new model.
  /// - Throws: `userAlreadyExists`; `rejectedByModel`; connection errors.
  @discardableResult
  public func createUser(
    _ user: UserID, beliefs: [BeliefDefinition], sources: [Source], policy: RevisionPolicy?
  ) async throws(StoreError) -> UserModel {
    try await call("createUser", user: user) { () async throws(StoreError) -> UserModel in
      var catalogue = try await self.catalogue(atLeast: 0, "createUser")
      for _ in 0..<self.options.maximumAttempts {
        let model = try StoreRules.newUser(
          user, catalogue: catalogue, beliefs: beliefs, sources: sources, policy: policy)
        if try await self.insert(model) { return model }
        let (exists, current) = try await self.existsAndCatalogue(user)
        if exists { throw StoreError(.userAlreadyExists, operation: "createUser", user: user) }
        catalogue = try await self.catalogue(atLeast: current, "createUser")
      }
      throw StoreError(.serializationFailure, operation: "createUser", user: user)
    }
  }

  /// Inserts an empty user's row if the catalogue is still the model's and the id is free.
  private func insert(_ model: UserModel) async throws(StoreError) -> Bool {
    let head = try RowCoding.head(of: model, operation: "createUser")
    let query: PostgresQuery = """
      INSERT INTO selfmodel_users (id, version, rewrite_version, next_sequence, head)
      SELECT \(model.user.rawValue), v.n, v.n, 0, \(head)
      FROM (SELECT nextval('selfmodel_versions') AS n) v
      WHERE (SELECT version FROM selfmodel_catalogue WHERE id = 1)
        = \(Int64(model.catalogue.version))
      ON CONFLICT (id) DO NOTHING RETURNING version
      """
    let versions: [Int64]
    do {
      versions = try await committedRows(query, as: Int64.self)
    } catch {
      throw PostgresErrorMapping.storeError(error, operation: "createUser", user: model.user)
    }
    guard let version = versions.first else { return false }
    remember(
      CachedUser(version: version, rewriteVersion: version, nextSequence: 0, model: model),
      for: model.user)
    return true
  }

  private func existsAndCatalogue(_ user: UserID) async throws(StoreError) -> (Bool, Int64) {
    do {
      let found = try await tuples(
        """
        SELECT EXISTS (SELECT 1 FROM selfmodel_users WHERE id = \(user.rawValue)),
          (SELECT version FROM selfmodel_catalogue WHERE id = 1)
        """, as: (Bool, Int64).self)
      return found.first ?? (false, 0)
    } catch {
      throw PostgresErrorMapping.storeError(error, operation: "createUser", user: user)
    }
  }

  /// Deletes a user's rows (evidence by cascade); see `UserModelStore.deleteUser(_:)` and
  /// `Docs/Deployment.md` for what erasure means on PostgreSQL.
  ///
  /// - Parameter user: The user.
  /// - Returns: `true` if the user existed.
  /// - Throws: Connection errors.
  @discardableResult
  public func deleteUser(_ user: UserID) async throws(StoreError) -> Bool {
    defer { cache.withLock { _ = $0.removeValue(forKey: user) } }
    return try await call("deleteUser", user: user) {
      try await !self.committedRows(
        "DELETE FROM selfmodel_users WHERE id = \(user.rawValue) RETURNING 1::int8",
        as: Int64.self
      ).isEmpty
    }
  }
}
