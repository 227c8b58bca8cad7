import BenchmarkSupport
import Foundation
import PostgresNIO
import SelfModelPostgres
import SelfModelStore

/// The PostgreSQL side of B12: the durable store measured against FileStore; the same store
/// without group commit across users (`batchesAppends: false`: a statement and a commit per
/// record); and the store on sessions with `synchronous_commit = off` (not durable: commits
/// return before the WAL is flushed), which shows how much of a durable record is the WAL
/// flush. Each works in a schema of its own, dropped at the end.
struct B12Servers {
  /// The pool of each store: enough for 100 writers to keep the server's commits grouped.
  static let connections = 40

  let configuration: PostgresClient.Configuration
  let durable: PostgresStore
  let single: PostgresStore
  let unsynced: PostgresStore
  let schemas: [String]

  /// The stores B12 measures, by the names of its rates.
  var stores: [(String, any UserModelStore)] {
    [("postgres", durable), ("postgres-single", single), ("postgres-nosync", unsynced)]
  }

  /// Opens both stores on the server `PGHOST` names, or prints why not and returns `nil`.
  static func open(users: Int) async throws -> B12Servers? {
    guard let configuration = PostgresClient.Configuration.fromEnvironment() else {
      print("  B12: \(B12SharedStore.skipped)")
      return nil
    }
    let tag = UInt32.random(in: 0...UInt32.max)
    let schemas = ["b12_\(tag)", "b12_\(tag)_single", "b12_\(tag)_nosync"]
    var unsyncedConfiguration = configuration
    unsyncedConfiguration.options.additionalStartupParameters.append(
      ("synchronous_commit", "off"))
    let durable = try await PostgresStore(
      configuration: configuration,
      options: .init(schema: schemas[0], maximumConnections: connections, batchesAppends: true))
    let single = try await PostgresStore(
      configuration: configuration,
      options: .init(schema: schemas[1], maximumConnections: connections, batchesAppends: false))
    let unsynced = try await PostgresStore(
      configuration: unsyncedConfiguration,
      options: .init(schema: schemas[2], maximumConnections: connections, batchesAppends: true))
    try await printSettings(configuration)
    return B12Servers(
      configuration: configuration, durable: durable, single: single, unsynced: unsynced,
      schemas: schemas)
  }

  /// Shuts both stores down and drops their schemas.
  func close() async throws {
    for store in [durable, single, unsynced] { await store.shutdown() }
    try await Self.withClient(configuration) { client in
      for schema in schemas {
        try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \"\(schema)\" CASCADE"))
      }
    }
  }

  /// Prints the server settings a durable commit depends on, as the durable store's
  /// sessions see them.
  static func printSettings(_ configuration: PostgresClient.Configuration) async throws {
    try await withClient(configuration) { client in
      var settings: [String] = []
      for name in ["server_version", "synchronous_commit", "fsync", "wal_sync_method"] {
        let query = PostgresQuery(unsafeSQL: "SHOW \(name)")
        for try await value in try await client.query(query).decode(String.self) {
          settings.append("\(name)=\(value)")
        }
      }
      print("  PostgreSQL: \(settings.joined(separator: ", ")), pool \(connections) per store")
    }
  }

  /// Runs `body` with a client of its own, running until `body` returns.
  static func withClient(
    _ configuration: PostgresClient.Configuration,
    _ body: @Sendable (PostgresClient) async throws -> Void
  ) async throws {
    let client = PostgresClient(configuration: configuration)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await client.run() }
      defer { group.cancelAll() }
      try await body(client)
    }
  }
}
