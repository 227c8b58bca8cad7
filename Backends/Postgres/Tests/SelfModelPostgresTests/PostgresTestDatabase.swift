import Foundation
import PostgresNIO
import SelfModel
import SelfModelPostgres
import SelfModelStore

/// The server `Scripts/with-postgres` starts, reached through libpq's environment variables.
/// Tests that need it are enabled only when `PGHOST` is set.
enum PostgresTestDatabase {
  static let isConfigured = PostgresClient.Configuration.fromEnvironment() != nil

  static func configuration() throws(StoreError) -> PostgresClient.Configuration {
    guard let configuration = PostgresClient.Configuration.fromEnvironment() else {
      throw StoreError(.invalidArgument, operation: "test", detail: "PGHOST is not set")
    }
    return configuration
  }

  /// A store on `schema` with a small pool (many tests run at once).
  static func store(schema: String, timeout: Duration = .seconds(30)) async throws
    -> PostgresStore
  {
    try await PostgresStore(
      configuration: configuration(),
      options: .init(schema: schema, maximumConnections: 4, callTimeout: timeout))
  }

  /// Drops `schema` and everything in it.
  static func dropSchema(_ schema: String) async throws {
    let client = PostgresClient(configuration: try configuration())
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await client.run() }
      try await client.query(
        PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE"))
      group.cancelAll()
    }
  }

  /// A new schema name for one test.
  static func newSchema(_ label: String) -> String {
    "t_\(label)_\(UInt32.random(in: 0...UInt32.max))"
  }

  /// Creates `users` with the belief and source the writer child records.
  static func makeUsers(_ users: [UserID], in store: PostgresStore) async throws {
    for user in users {
      try await store.createUser(
        user, beliefs: [.binary("preference.concise", statement: "Prefers concise answers")],
        sources: [Source(id: "user", kind: .userStated, reliability: 0.9)], policy: nil)
    }
  }
}
