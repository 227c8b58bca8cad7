import Foundation
import GRDB
import PostgresNIO
import SelfModel
import SelfModelPostgres
import SelfModelStore

/// B12: durable records/s of `PostgresStore` against `FileStore` and GRDB (WAL, FULL; one
/// transaction per record), with 1 writer and with 100 concurrent writers over 100 users.
/// Each record is one single-item `record` call that returns once durable. Needs a server:
/// run under `Scripts/with-postgres`; without `PGHOST` it prints why and skips.
enum B12SharedStore {
  static let users = 100

  static func run(_ settings: Settings) async throws -> [ResultRow] {
    guard let configuration = PostgresClient.Configuration.fromEnvironment() else {
      print("B12 skipped: no PostgreSQL server (set PGHOST, or run under Scripts/with-postgres)")
      return []
    }
    let perWriter = settings.count ?? (settings.quick ? 2 : 40)
    let folder = Fixtures.temporaryFolder("b12")
    defer { Fixtures.cleanUp(folder) }
    let file = try FileStore(at: folder + "/store")
    defer { file.close() }
    let schema = "b12_\(UInt32.random(in: 0...UInt32.max))"
    let postgres = try await PostgresStore(
      configuration: configuration, options: .init(schema: schema, maximumConnections: 40))
    let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
    try Fixtures.createSchema(pool)
    for index in 0..<users {
      let user = UserID(stringLiteral: "user-\(index)")
      try await Fixtures.createUser(user, beliefs: 10, in: file)
      _ = try await postgres.createUser(user, policy: Fixtures.policy())
      try await postgres.declare(Fixtures.beliefs(10), for: user)
      try await postgres.register(Fixtures.modelSources(), for: user)
    }
    var rates: [String: [Double]] = [:]
    var next = 0
    for _ in 0..<settings.rounds {
      for writers in [1, users] {
        let total = perWriter * users
        let base = next
        next += total
        let stores: [(String, any UserModelStore)] = [("file", file), ("postgres", postgres)]
        for (name, store) in stores {
          let seconds = try await record(store, writers: writers, total: total, base: base)
          rates["\(name)-\(writers)", default: []].append(Double(total) / seconds)
        }
        let seconds = try await grdb(pool, writers: writers, total: total, base: base)
        rates["grdb-\(writers)", default: []].append(Double(total) / seconds)
      }
    }
    await postgres.shutdown()
    try await dropSchema(schema, configuration)
    return rows(rates.mapValues(median))
  }

  /// `total` single-item records over the users, by `writers` concurrent writers; seconds.
  static func record(_ store: any UserModelStore, writers: Int, total: Int, base: Int)
    async throws -> Double
  {
    try await timeAsync {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<writers {
          group.addTask {
            for index in stride(from: writer, to: total, by: writers) {
              let user = UserID(stringLiteral: "user-\(index % users)")
              try await store.record(
                Fixtures.evidence(base + index, prefix: "p", beliefs: 10), for: user,
                at: Fixtures.now)
            }
          }
        }
        try await group.waitForAll()
      }
    }
  }

  /// The same records in GRDB, one transaction each (GRDB serialises its writers).
  static func grdb(_ pool: DatabasePool, writers: Int, total: Int, base: Int) async throws
    -> Double
  {
    try await timeAsync {
      try await withThrowingTaskGroup(of: Void.self) { group in
        for writer in 0..<writers {
          group.addTask {
            for index in stride(from: writer, to: total, by: writers) {
              try await pool.write { db in
                try Fixtures.insert(
                  Fixtures.evidence(base + index, prefix: "g", beliefs: 10),
                  user: "user-\(index % users)", into: db)
              }
            }
          }
        }
        try await group.waitForAll()
      }
    }
  }

  static func rows(_ rate: [String: Double]) -> [ResultRow] {
    var result: [ResultRow] = []
    for writers in [1, users] {
      let postgres = rate["postgres-\(writers)"] ?? 0
      let file = rate["file-\(writers)"] ?? 0
      let grdb = rate["grdb-\(writers)"] ?? 0
      let label = writers == 1 ? "1 writer" : "100 writers on 100 users"
      result += [
        ResultRow(
          id: "B12p\(writers)", workload: "PostgresStore durable records, \(label)",
          value: postgres, unit: "rec/s", baseline: "FileStore", baselineValue: file,
          ratio: postgres / file, target: writers == 1 ? "(informative)" : ">= 0.5x FileStore",
          met: writers == 1 ? nil : postgres / file >= 0.5),
        ResultRow(
          id: "B12g\(writers)", workload: "  GRDB (WAL, FULL, 1 txn/record), \(label)",
          value: grdb, unit: "rec/s", baseline: "FileStore", baselineValue: file,
          ratio: grdb / file, target: "(informative)", met: nil),
      ]
    }
    return result
  }

  static func dropSchema(_ schema: String, _ configuration: PostgresClient.Configuration)
    async throws
  {
    let client = PostgresClient(configuration: configuration)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await client.run() }
      try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \"\(schema)\" CASCADE"))
      group.cancelAll()
    }
  }
}
