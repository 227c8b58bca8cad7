import PostgresNIO
import SelfModel
import SelfModelStore
import Synchronization

extension PostgresStore {
  /// Applies `mutate` to the user's model and writes what changed with a compare-and-set on
  /// the user's row; a writer that lost a race catches up and tries again.
  ///
  /// A rejection or a change of nothing is trusted only on a model just checked against the
  /// database; a cached model is checked first.
  func write<T: Sendable>(
    _ user: UserID, _ operation: String,
    _ mutate: @escaping @Sendable (inout UserModel) throws(ModelError) -> (T, RowChange?)
  ) async throws(StoreError) -> T {
    try await call(operation, user: user) { () async throws(StoreError) -> T in
      await self.writers.acquire(user)
      defer { self.writers.release(user) }
      // A call that timed out while queued gives up its turn without writing.
      guard !Task.isCancelled else {
        throw StoreError(.timedOut, operation: operation, user: user, detail: "cancelled")
      }
      return try await self.attempts(user, operation, mutate)
    }
  }

  /// Tries `mutate` on the cached model first, then on fresh state after each lost race.
  private func attempts<T: Sendable>(
    _ user: UserID, _ operation: String,
    _ mutate: (inout UserModel) throws(ModelError) -> (T, RowChange?)
  ) async throws(StoreError) -> T {
    var cached = cache.withLock { $0[user] }
    for _ in 0..<options.maximumAttempts {
      let checked = cached == nil
      let entry: CachedUser
      if let hit = cached { entry = hit } else { entry = try await current(user, operation) }
      cached = nil
      if let result = try await attempt(entry, checked: checked, operation, mutate) {
        return result
      }
    }
    throw StoreError(
      .serializationFailure, operation: operation, user: user,
      detail: "lost \(options.maximumAttempts) races with other writers")
  }

  /// One attempt on `entry`: the result, or `nil` to try again on fresh state.
  private func attempt<T: Sendable>(
    _ entry: CachedUser, checked: Bool, _ operation: String,
    _ mutate: (inout UserModel) throws(ModelError) -> (T, RowChange?)
  ) async throws(StoreError) -> T? {
    var model = entry.model
    let outcome: (T, RowChange?)
    do throws(ModelError) {
      outcome = try mutate(&model)
    } catch {
      guard checked else { return nil }
      throw StoreError(
        .rejectedByModel, operation: operation, user: model.user, modelError: error)
    }
    guard let change = outcome.1 else { return checked ? outcome.0 : nil }
    return try await commit(change, of: model, over: entry, operation) ? outcome.0 : nil
  }

  /// Writes `change` if the user's row is still at `entry.version`; caches the result.
  /// - Returns: `false` if another writer got there first.
  private func commit(
    _ change: RowChange, of model: UserModel, over entry: CachedUser, _ operation: String
  ) async throws(StoreError) -> Bool {
    let written: Int64?
    do {
      written = try await send(change, of: model, over: entry, operation)
    } catch {
      let mapped = PostgresErrorMapping.storeError(error, operation: operation, user: model.user)
      // A unique violation means the cache was behind after all; a deadlock or serialisation
      // failure (a batch can meet one with another instance's) wrote nothing. Catch up and
      // try again.
      if mapped.detail?.hasPrefix("SQLSTATE 23505") == true { return false }
      if mapped.code == .serializationFailure { return false }
      throw mapped
    }
    guard let version = written else { return false }
    var next = entry
    next.model = model
    next.version = version
    if case .append(let items) = change {
      next.nextSequence += Int64(items.count)
    } else {
      next.rewriteVersion = version
    }
    remember(next, for: model.user)
    return true
  }

  /// Sends the compare-and-set that writes `change` over `entry`: appends through the
  /// batcher (group commit across users), other changes as a statement of their own.
  /// - Returns: The user's new version, or `nil` if its row was no longer at `entry.version`.
  private func send(
    _ change: RowChange, of model: UserModel, over entry: CachedUser, _ operation: String
  ) async throws -> Int64? {
    let user = model.user
    let catalogueVersion = model.catalogue.version
    let query: PostgresQuery
    switch change {
    case .append(let items):
      return try await appends.append(
        try Self.appendRequest(items, entry: entry, catalogueVersion: catalogueVersion))
    case .head:
      let head = try RowCoding.head(of: model, operation: operation)
      query = rewriteQuery(user, entry, catalogueVersion, head: head, forgotten: [])
    case .forget(let ids):
      query = rewriteQuery(
        user, entry, catalogueVersion, head: nil, forgotten: ids.map(\.rawValue))
    }
    return try await committedRows(query, as: Int64.self).first
  }

  private static func appendRequest(
    _ items: [Evidence], entry: CachedUser, catalogueVersion: Int
  ) throws(StoreError) -> AppendRequest {
    let user = entry.model.user
    var bodies: [String] = []
    for item in items {
      bodies.append(try RowCoding.encode(item, operation: "record", user: user))
    }
    return AppendRequest(
      user: user, seenVersion: entry.version, catalogueVersion: Int64(catalogueVersion),
      nextSequence: entry.nextSequence + Int64(items.count),
      sequences: (0..<Int64(items.count)).map { entry.nextSequence + $0 },
      evidenceIDs: items.map(\.id.rawValue), bodies: bodies)
  }

  private func rewriteQuery(
    _ user: UserID, _ entry: CachedUser, _ catalogueVersion: Int, head: String?,
    forgotten: [String]
  ) -> PostgresQuery {
    """
    WITH bumped AS (
      UPDATE selfmodel_users SET version = v.n, rewrite_version = v.n,
        head = COALESCE(\(head)::text, head)
      FROM (SELECT nextval('selfmodel_versions') AS n) v
      WHERE id = \(user.rawValue) AND version = \(entry.version)
        AND (SELECT version FROM selfmodel_catalogue WHERE id = 1) = \(Int64(catalogueVersion))
      RETURNING version),
    gone AS (
      DELETE FROM selfmodel_evidence e USING bumped
      WHERE e.user_id = \(user.rawValue) AND e.evidence_id = ANY(\(forgotten)::text[]))
    SELECT version FROM bumped
    """
  }
}
