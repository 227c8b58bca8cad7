import PostgresNIO
public import SelfModel
public import SelfModelStore
import Synchronization

extension PostgresStore {
  /// Publishes a catalogue version with a compare-and-set on the catalogue row; see
  /// `UserModelStore.publish(_:)`. Every instance sees it at its next call about a user.
  ///
  /// - Parameter catalogue: The version to publish.
  /// - Returns: What changed.
  /// - Throws: `catalogueOutdated`; `catalogueConflict`; connection errors.
  @discardableResult
  public func publish(_ catalogue: Catalogue) async throws(StoreError) -> CatalogueDiff {
    try await call("publish", user: nil) { () async throws(StoreError) -> CatalogueDiff in
      for _ in 0..<self.options.maximumAttempts {
        let current = try await self.readCatalogue("publish")
        guard let (next, diff) = try StoreRules.publication(of: catalogue, over: current) else {
          return current.changes(from: current)
        }
        let document = try RowCoding.encode(next, operation: "publish", user: nil)
        let query: PostgresQuery = """
          UPDATE selfmodel_catalogue SET version = \(Int64(next.version)), document = \(document)
          WHERE id = 1 AND version = \(Int64(current.version)) RETURNING 1::int8
          """
        let done: Bool
        do {
          done = try await !self.committedRows(query, as: Int64.self).isEmpty
        } catch {
          throw PostgresErrorMapping.storeError(error, operation: "publish", user: nil)
        }
        if done {
          self.catalogueInForce.withLock { if $0.version < next.version { $0 = next } }
          return diff
        }
      }
      throw StoreError(.serializationFailure, operation: "publish")
    }
  }
}
