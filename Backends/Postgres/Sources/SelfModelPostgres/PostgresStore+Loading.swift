import Foundation
import PostgresNIO
import SelfModel
import SelfModelStore
import Synchronization

extension PostgresStore {
  /// The user's model as the database holds it now, in one round trip: the row's versions
  /// and, when the cache is behind, only the evidence rows appended since (or, after a
  /// rewrite, the head and every row). Caches the result.
  func current(_ user: UserID, _ operation: String) async throws(StoreError) -> CachedUser {
    let cached = cache.withLock { $0[user] }
    guard let row = try await userRow(user, after: cached, operation) else {
      cache.withLock { _ = $0.removeValue(forKey: user) }
      throw StoreError(.userNotFound, operation: operation, user: user)
    }
    let catalogue = try await self.catalogue(atLeast: row.catalogueVersion, operation)
    guard var entry = try Self.entry(from: row, over: cached, catalogue, user, operation) else {
      // The cache could not catch up (rows changed under it): reload everything.
      cache.withLock { _ = $0.removeValue(forKey: user) }
      return try await current(user, operation)
    }
    entry.version = row.version
    entry.rewriteVersion = row.rewriteVersion
    entry.nextSequence = row.nextSequence
    try adopt(catalogue, into: &entry.model, operation)
    remember(entry, for: user)
    return entry
  }

  /// The user's row and the evidence rows `cached` lacks, or `nil` if there is no such user.
  private func userRow(_ user: UserID, after cached: CachedUser?, _ operation: String)
    async throws(StoreError) -> UserRow?
  {
    let rewrite = cached?.rewriteVersion ?? -1
    let from = cached?.nextSequence ?? 0
    let query: PostgresQuery = """
      SELECT u.version, u.rewrite_version, u.next_sequence, c.version,
        CASE WHEN u.rewrite_version = \(rewrite) THEN NULL ELSE u.head END,
        ARRAY(SELECT e.body FROM selfmodel_evidence e WHERE e.user_id = u.id
          AND e.sequence >= CASE WHEN u.rewrite_version = \(rewrite) THEN \(from) ELSE 0 END
          ORDER BY e.sequence)
      FROM selfmodel_users u CROSS JOIN selfmodel_catalogue c
      WHERE u.id = \(user.rawValue) AND c.id = 1
      """
    do {
      return try await tuples(query, as: (Int64, Int64, Int64, Int64, String?, [String]).self)
        .first.map(UserRow.init)
    } catch {
      throw PostgresErrorMapping.storeError(error, operation: operation, user: user)
    }
  }

  /// The model `row` describes: `cached` caught up, or rebuilt from the head; `nil` if the
  /// cache cannot catch up and the row carries no head.
  private static func entry(
    from row: UserRow, over cached: CachedUser?, _ catalogue: Catalogue, _ user: UserID,
    _ operation: String
  ) throws(StoreError) -> CachedUser? {
    if let cached, row.head == nil {
      return catchUp(cached, with: row.bodies, next: row.nextSequence, operation)
    }
    guard let head = row.head else { return nil }
    let model = try RowCoding.model(
      user: user, head: head, evidence: row.bodies, catalogue: catalogue, operation: operation)
    return CachedUser(
      version: row.version, rewriteVersion: row.rewriteVersion, nextSequence: row.nextSequence,
      model: model)
  }

  /// `cached` with the evidence rows appended since, or `nil` if they do not fit it.
  static func catchUp(
    _ cached: CachedUser, with bodies: [String], next: Int64, _ operation: String
  ) -> CachedUser? {
    guard next - cached.nextSequence == Int64(bodies.count) else { return nil }
    var entry = cached
    // Later than any evidence time the model allows: replay skips the clock check.
    let farFuture = Date(timeIntervalSinceReferenceDate: 2e10)
    for body in bodies {
      guard
        let item = try? RowCoding.decode(
          Evidence.self, from: body, operation: operation, user: cached.model.user),
        (try? entry.model.append(item, at: farFuture)) == true
      else { return nil }
    }
    return entry
  }

  /// Moves `model` to `catalogue` if it is on an older version.
  func adopt(_ catalogue: Catalogue, into model: inout UserModel, _ operation: String)
    throws(StoreError)
  {
    try StoreRules.adopt(catalogue, into: &model, operation: operation)
  }

  /// Caches `entry` unless the cache already holds a newer state of the user.
  func remember(_ entry: CachedUser, for user: UserID) {
    cache.withLock { cache in
      if let held = cache[user], held.version > entry.version { return }
      cache[user] = entry
      guard cache.count > options.cacheCapacity else { return }
      // Evict about a tenth, in the dictionary's (arbitrary) order; never the newest entry.
      let victims = cache.keys.lazy.filter { $0 != user }.prefix(max(1, cache.count / 10))
      for victim in Array(victims) { cache.removeValue(forKey: victim) }
    }
  }

  /// The catalogue in force, at least version `version`: the cached one, or read anew.
  func catalogue(atLeast version: Int64, _ operation: String) async throws(StoreError)
    -> Catalogue
  {
    let held = catalogueInForce.withLock { $0 }
    if Int64(held.version) >= version { return held }
    return try await readCatalogue(operation)
  }

  /// Reads the catalogue in force and caches it.
  func readCatalogue(_ operation: String) async throws(StoreError) -> Catalogue {
    let found: [(Int64, String)]
    do {
      found = try await tuples(
        "SELECT version, document FROM selfmodel_catalogue WHERE id = 1",
        as: (Int64, String).self)
    } catch {
      throw PostgresErrorMapping.storeError(error, operation: operation, user: nil)
    }
    guard let (_, document) = found.first else {
      throw StoreError(.corruptFile, operation: operation, detail: "no catalogue row")
    }
    let catalogue = try RowCoding.catalogue(document)
    catalogueInForce.withLock { held in
      if held.version < catalogue.version { held = catalogue }
    }
    return catalogue
  }
}
