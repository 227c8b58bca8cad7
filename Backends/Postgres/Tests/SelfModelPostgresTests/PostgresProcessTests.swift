import Foundation
import SelfModel
import SelfModelPostgres
import SelfModelStore
import Testing

/// Several OS processes on one database: concurrent writers on the same users, and a writer
/// killed with SIGKILL mid-load.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs PGHOST (Scripts/with-postgres)"))
struct PostgresProcessTests {
  @Test func twoProcessesWritingTheSameUsersLoseAndDuplicateNothing() async throws {
    let schema = PostgresTestDatabase.newSchema("procs")
    let store = try await PostgresTestDatabase.store(schema: schema)
    let users = ["p-1", "p-2", "p-3"]
    try await PostgresTestDatabase.makeUsers(try users.map { try UserID($0) }, in: store)
    let writers = try ["a", "b"].map { tag in
      try WriterProcess(schema: schema, tag: tag, items: 300, users: users)
    }
    let acks = await withTaskGroup(of: [(String, String)].self) { group in
      for writer in writers { group.addTask { await writer.acknowledgementsOffPool() } }
      return await group.reduce(into: []) { $0 += $1 }
    }
    for writer in writers { await writer.exitOffPool() }
    #expect(writers.allSatisfy { $0.process.terminationStatus == 0 })
    #expect(acks.count == 600)
    var stored: [String] = []
    for user in users {
      stored += try await store.model(for: try UserID(user)).evidence.map(\.id.rawValue)
    }
    #expect(stored.count == 600)
    #expect(Set(stored) == Set(acks.map(\.1)))
    await store.shutdown()
    try await PostgresTestDatabase.dropSchema(schema)
  }

  @Test func aWriterKilledWithSigkillLosesNoAcknowledgedWrite() async throws {
    let schema = PostgresTestDatabase.newSchema("kill")
    let store = try await PostgresTestDatabase.store(schema: schema)
    let users = ["k-1", "k-2"]
    try await PostgresTestDatabase.makeUsers(try users.map { try UserID($0) }, in: store)
    let writer = try WriterProcess(schema: schema, tag: "k", items: 100_000, users: users)
    let seen = await writer.acknowledgementsOffPool(limit: 150)
    writer.kill()
    #expect(seen.count == 150)
    // The child kept writing between our 150th read and the kill: its later acknowledgements
    // are still in the pipe, and every one of them counts.
    let acks = seen + (await writer.acknowledgementsOffPool())
    var stored = Set<String>()
    for user in users {
      let model = try await store.model(for: try UserID(user))
      stored.formUnion(model.evidence.map(\.id.rawValue))
      #expect(model.evidence.count == Set(model.evidence.map(\.id)).count)
    }
    #expect(Set(acks.map(\.1)).isSubset(of: stored))
    // At most the one write in flight at the kill landed unacknowledged.
    #expect(stored.count <= acks.count + 1)
    // The killed writer's connection held no lock that outlives it: a write goes through.
    let item = Evidence(
      id: "after-kill", belief: "preference.concise", content: .holds, source: "user",
      observedAt: Date(timeIntervalSinceReferenceDate: 780_000_000))
    let result = try await store.record(
      item, for: "k-1", at: Date(timeIntervalSinceReferenceDate: 780_000_000))
    #expect(result.recorded == ["after-kill"])
    await store.shutdown()
    try await PostgresTestDatabase.dropSchema(schema)
  }
}
