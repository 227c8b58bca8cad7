import PostgresNIO
import SelfModel
import SelfModelStore
import Synchronization

extension PostgresStore {
  /// Runs one store call: refused once the store is closed, counted in flight so that
  /// `shutdown()` waits for it, bounded by the options' time limit, its errors mapped to
  /// `StoreError`.
  func call<T: Sendable>(
    _ operation: String, user: UserID?, _ body: @escaping @Sendable () async throws -> T
  ) async throws(StoreError) -> T {
    let admitted = lifecycle.withLock { state in
      guard !state.isClosed else { return false }
      state.inFlight += 1
      return true
    }
    guard admitted else { throw StoreError(.closed, operation: operation, user: user) }
    defer { lifecycle.withLock { $0.inFlight -= 1 } }
    let timeout = options.callTimeout
    do {
      return try await CallDeadline.run(timeout) {
        StoreError(
          .timedOut, operation: operation, user: user, detail: "no answer within \(timeout)")
      } _: {
        try await body()
      }
    } catch {
      throw PostgresErrorMapping.storeError(error, operation: operation, user: user)
    }
  }

  /// Runs `query` and decodes every row as `row`.
  func rows<Row: PostgresDecodable & Sendable>(_ query: PostgresQuery, as row: Row.Type)
    async throws -> [Row]
  {
    var result: [Row] = []
    for try await value in try await client.query(query, logger: logger).decode(Row.self) {
      result.append(value)
    }
    return result
  }

  /// Runs the write `query` in a transaction of its own and decodes every row as `row`,
  /// returning only once PostgreSQL has answered its `COMMIT`.
  ///
  /// A statement sent alone is committed at the protocol's Sync, *after* its rows and
  /// command tag, and postgres-nio finishes a query at the command tag. A server stopped
  /// in between (an immediate shutdown flushes what it had buffered) hands the client rows
  /// of a transaction that never committed. `COMMIT`'s own answer comes only once the commit
  /// record is flushed, so a write acknowledged after it is durable.
  func committedRows<Row: PostgresDecodable & Sendable>(
    _ query: PostgresQuery, as row: Row.Type
  ) async throws -> [Row] {
    try await client.withTransaction(logger: logger) { connection in
      var result: [Row] = []
      for try await value in try await connection.query(query, logger: self.logger)
        .decode(Row.self)
      {
        result.append(value)
      }
      return result
    }
  }

  /// Runs `query` and decodes every row as a tuple of `Columns`.
  func tuples<each Column: PostgresDecodable & Sendable>(
    _ query: PostgresQuery, as columns: (repeat each Column).Type
  ) async throws -> [(repeat each Column)] {
    var result: [(repeat each Column)] = []
    for try await value in try await client.query(query, logger: logger).decode(columns) {
      result.append(value)
    }
    return result
  }
}
