import BenchmarkSupport
import Foundation
import GRDB
import PostgresNIO
import SelfModel
import SelfModelPostgres
import SelfModelStore

/// B12: durable records/s of `PostgresStore` against `FileStore` (the baseline) and GRDB
/// (WAL, FULL; one transaction per record), with 1 writer and with 100 concurrent writers over
/// 100 users. Each record is one single-item `record` call that returns once durable. The
/// PostgreSQL figures need a server (run under `Scripts/with-postgres`); without `PGHOST`
/// their rows say so and FileStore and GRDB are still measured. Medians over at most 3
/// rounds (each round runs every store, interleaved).
enum B12SharedStore {
  static let users = 100
  static let skipped = "skipped: no PostgreSQL (run under Scripts/with-postgres)"

  static func run(_ settings: Settings) async throws -> [ResultRow] {
    let perWriter = settings.count ?? (settings.quick ? 2 : 40)
    let folder = Fixtures.temporaryFolder("b12")
    defer { Fixtures.cleanUp(folder) }
    let file = try FileStore(at: folder + "/store")
    defer { file.close() }
    let servers = try await B12Servers.open(users: users)
    let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
    try Fixtures.createSchema(pool)
    var stores: [(String, any UserModelStore)] = [("file", file)]
    stores += servers.map { $0.stores } ?? []
    for (_, store) in stores { try await makeUsers(in: store) }
    var rates: [String: [Double]] = [:]
    for round in 0..<min(settings.rounds, 3) {
      let base = round * perWriter * (10 + users)
      try await measure(stores, pool, perWriter: perWriter, base: base, into: &rates)
    }
    try await servers?.close()
    return B12Rows.rows(rates.mapValues(median), hasServer: servers != nil)
  }

  /// One round: every store with 1 writer, then with 100; each store's records/s.
  static func measure(
    _ stores: [(String, any UserModelStore)], _ pool: DatabasePool, perWriter: Int, base: Int,
    into rates: inout [String: [Double]]
  ) async throws {
    var next = base
    for writers in [1, users] {
      // One writer pays a full commit per record: fewer records keep the run short.
      let total = perWriter * (writers == 1 ? 10 : users)
      for (name, store) in stores {
        let seconds = try await record(store, writers: writers, total: total, base: next)
        rates["\(name)-\(writers)", default: []].append(Double(total) / seconds)
      }
      // GRDB serialises its writers: any number of them pays a commit per record.
      let serial = perWriter * 10
      let seconds = try await grdb(pool, writers: writers, total: serial, base: next)
      rates["grdb-\(writers)", default: []].append(Double(serial) / seconds)
      next += total
    }
  }

  /// The benchmark's users, each with 10 beliefs and the three sources, in one call.
  static func makeUsers(in store: any UserModelStore) async throws {
    for index in 0..<users {
      try await store.createUser(
        UserID(stringLiteral: "user-\(index)"), beliefs: Fixtures.beliefs(10),
        sources: Fixtures.modelSources(), policy: Fixtures.policy())
    }
  }

  /// `total` single-item records over the users, by `writers` concurrent writers; seconds.
  /// Writer `w` records items `w`, `w + writers`, …, each for user `index % users`.
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
}
