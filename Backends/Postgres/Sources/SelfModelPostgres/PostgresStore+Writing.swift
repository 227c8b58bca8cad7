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
      var cached = self.cache.withLock { $0[user] }
      for _ in 0..<self.options.maximumAttempts {
        let entry: CachedUser
        if let hit = cached { entry = hit } else { entry = try await self.current(user, operation) }
        let checked = cached == nil
        cached = nil
        var model = entry.model
        let outcome: (T, RowChange?)
        do throws(ModelError) {
          outcome = try mutate(&model)
        } catch {
          guard checked else { continue }
          throw StoreError(.rejectedByModel, operation: operation, user: user, modelError: error)
        }
        guard let change = outcome.1 else {
          if checked { return outcome.0 } else { continue }
        }
        if try await self.commit(change, of: model, over: entry, operation) { return outcome.0 }
      }
      throw StoreError(
        .serializationFailure, operation: operation, user: user,
        detail: "lost \(self.options.maximumAttempts) races with other writers")
    }
  }

  /// Writes `change` if the user's row is still at `entry.version`; caches the result.
  /// - Returns: `false` if another writer got there first.
  private func commit(
    _ change: RowChange, of model: UserModel, over entry: CachedUser, _ operation: String
  ) async throws(StoreError) -> Bool {
    var next = entry
    next.model = model
    let query: PostgresQuery
    switch change {
    case .append(let items):
      next.nextSequence += Int64(items.count)
      query = try appendQuery(items, entry: entry, catalogueVersion: model.catalogue.version)
    case .head:
      let head = try RowCoding.head(of: model, operation: operation)
      query = rewriteQuery(model.user, entry, model.catalogue.version, head: head, forgotten: [])
    case .forget(let ids):
      query = rewriteQuery(
        model.user, entry, model.catalogue.version, head: nil, forgotten: ids.map(\.rawValue))
    }
    let versions: [Int64]
    do {
      versions = try await rows(query, as: Int64.self)
    } catch {
      let mapped = PostgresErrorMapping.storeError(error, operation: operation, user: model.user)
      // A unique violation means the cache was behind after all: catch up and retry.
      if mapped.detail?.hasPrefix("SQLSTATE 23505") == true { return false }
      throw mapped
    }
    guard let version = versions.first else { return false }
    next.version = version
    if case .append = change {} else { next.rewriteVersion = version }
    remember(next, for: model.user)
    return true
  }

  private func appendQuery(_ items: [Evidence], entry: CachedUser, catalogueVersion: Int)
    throws(StoreError) -> PostgresQuery
  {
    let user = entry.model.user
    var bodies: [String] = []
    for item in items {
      bodies.append(try RowCoding.encode(item, operation: "record", user: user))
    }
    let sequences = (0..<Int64(items.count)).map { entry.nextSequence + $0 }
    let ids = items.map(\.id.rawValue)
    let next = entry.nextSequence + Int64(items.count)
    return """
      WITH bumped AS (
        UPDATE selfmodel_users SET version = nextval('selfmodel_versions'),
          next_sequence = \(next)
        WHERE id = \(user.rawValue) AND version = \(entry.version)
          AND (SELECT version FROM selfmodel_catalogue WHERE id = 1) = \(Int64(catalogueVersion))
        RETURNING version),
      inserted AS (
        INSERT INTO selfmodel_evidence (user_id, sequence, evidence_id, body)
        SELECT \(user.rawValue), t.s, t.e, t.b FROM bumped,
          unnest(\(sequences)::int8[], \(ids)::text[], \(bodies)::text[]) AS t(s, e, b))
      SELECT version FROM bumped
      """
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
