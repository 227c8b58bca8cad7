import Foundation
import PostgresNIO
import SelfModel
import SelfModelPostgres
import SelfModelStore
import Testing

@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs PGHOST (Scripts/with-postgres)"))
struct PostgresStoreTests {
  @Test func migrationsAreRecordedAndRunOnce() async throws {
    let schema = PostgresTestDatabase.newSchema("migrate")
    let first = try await PostgresTestDatabase.store(schema: schema)
    _ = try await first.createUser("m-1")
    let second = try await PostgresTestDatabase.store(schema: schema)
    #expect(try await second.contains("m-1"))
    let ids = try await Self.migrationIDs(schema)
    #expect(ids == ["2026-11-29-tables"])
    await first.shutdown()
    await second.shutdown()
    try await PostgresTestDatabase.dropSchema(schema)
  }

  /// Instances starting together on a schema nobody created yet all open it (without the
  /// advisory lock around `CREATE SCHEMA`, two of three `selfmodel-server` nodes starting
  /// together failed on `pg_namespace`'s unique index).
  @Test func instancesCreatingOneNewSchemaTogetherAllOpen() async throws {
    for round in 0..<3 {
      let schema = PostgresTestDatabase.newSchema("together\(round)")
      let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
        for _ in 0..<6 {
          group.addTask { try await PostgresTestDatabase.store(schema: schema) }
        }
        return try await group.reduce(into: []) { $0.append($1) }
      }
      #expect(stores.count == 6)
      for store in stores { await store.shutdown() }
      try await PostgresTestDatabase.dropSchema(schema)
    }
  }

  @Test func aDatabaseMigratedByANewerReleaseIsRefused() async throws {
    let schema = PostgresTestDatabase.newSchema("newer")
    let store = try await PostgresTestDatabase.store(schema: schema)
    await store.shutdown()
    try await Self.execute(
      "INSERT INTO \"\(schema)\".selfmodel_migrations (id) VALUES ('2099-01-01-future')")
    do throws(StoreError) {
      let store = try await PostgresStore(
        configuration: try PostgresTestDatabase.configuration(), options: .init(schema: schema))
      await store.shutdown()
      Issue.record("a database with an unknown migration was opened")
    } catch {
      #expect(error.code == .newerFormat)
    }
    try await PostgresTestDatabase.dropSchema(schema)
  }

  @Test func anInvalidSchemaNameIsRefusedBeforeAnySQL() async throws {
    do throws(StoreError) {
      _ = try await PostgresStore(
        configuration: try PostgresTestDatabase.configuration(),
        options: .init(schema: "x\"; DROP TABLE y; --"))
      Issue.record("an invalid schema name was accepted")
    } catch {
      #expect(error.code == .invalidArgument)
    }
  }

  @Test func datesAreStoredAsExactDoubles() async throws {
    let schema = PostgresTestDatabase.newSchema("dates")
    let store = try await PostgresTestDatabase.store(schema: schema)
    try await PostgresTestDatabase.makeUsers(["d-1"], in: store)
    let date = Date(timeIntervalSinceReferenceDate: 780_000_000.123_456_7)
    let item = Evidence(
      id: "e", belief: "preference.concise", content: .holds, source: "user", observedAt: date)
    try await store.record(item, for: "d-1", at: date)
    let reopened = try await PostgresTestDatabase.store(schema: schema)
    let back = try #require(try await reopened.model(for: "d-1").evidence.first)
    #expect(
      back.observedAt.timeIntervalSinceReferenceDate.bitPattern
        == date.timeIntervalSinceReferenceDate.bitPattern)
    await store.shutdown()
    await reopened.shutdown()
    try await PostgresTestDatabase.dropSchema(schema)
  }

  static func migrationIDs(_ schema: String) async throws -> [String] {
    let client = PostgresClient(configuration: try PostgresTestDatabase.configuration())
    return try await withThrowingTaskGroup(of: [String].self) { group in
      group.addTask {
        await client.run()
        return []
      }
      var ids: [String] = []
      let rows = try await client.query(
        PostgresQuery(unsafeSQL: "SELECT id FROM \"\(schema)\".selfmodel_migrations ORDER BY id"))
      for try await id in rows.decode(String.self) { ids.append(id) }
      group.cancelAll()
      return ids
    }
  }

  static func execute(_ sql: String) async throws {
    let client = PostgresClient(configuration: try PostgresTestDatabase.configuration())
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await client.run() }
      try await client.query(PostgresQuery(unsafeSQL: sql))
      group.cancelAll()
    }
  }
}
