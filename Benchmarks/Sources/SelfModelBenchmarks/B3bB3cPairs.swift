import BenchmarkSupport
import Foundation
import GRDB
import SelfModel
import SelfModelStore

/// B3b and B3c: B3's comparison split into like-for-like pairs (B3 itself sets concurrent
/// single records against GRDB's 100-row transactions and stays as it is).
///
/// - B3b, batch against batch: one `record([100 items], for:at:)` on a FileStore (one journal
///   record, one `fdatasync`) against GRDB's one transaction of 100 rows (one WAL sync at
///   commit, `synchronous = FULL`), per record.
/// - B3c, concurrent singles against concurrent singles: 100 concurrent `record(_:for:at:)`
///   calls of one item each on one user (the store's group commit shares `fdatasync`s among the
///   waiting writers: each call returns once its record is synced) against 100 concurrent
///   single-row GRDB transactions through one `DatabasePool`, the way an app would use it (GRDB
///   runs them one after another on its writer, each commit syncing the WAL), per record.
///
/// Both sides sync before a call returns: the FileStore's journal with `fdatasync`, SQLite's
/// WAL with `fsync` at each commit. Each pair runs interleaved in the same run.
enum B3bB3cPairs {
  static let writers = B3GroupCommit.writers

  static func run(_ settings: Settings) async throws -> [ResultRow] {
    let rounds = settings.count ?? (settings.quick ? 2 : 50)
    let folder = Fixtures.temporaryFolder("b3bc")
    defer { Fixtures.cleanUp(folder) }
    let store = try FileStore(at: folder + "/store")
    defer { store.close() }
    try await Fixtures.createUser("user", beliefs: 300, in: store)
    let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
    try Fixtures.createSchema(pool)

    var (batch, grdbBatch, singles, grdbSingles) = ([Double](), [Double](), [Double](), [Double]())
    var next = 0
    for _ in 0..<settings.rounds {
      let base = next
      next += rounds * writers
      if settings.wants("B3b") {
        batch.append(try await batches(store, rounds: rounds, base: base))
        grdbBatch.append(
          try B3GroupCommit.grdbTransactions(pool, rounds: rounds, base: base, prefix: "gb"))
      }
      if settings.wants("B3c") {
        singles.append(
          try await B3GroupCommit.concurrent(
            store, rounds: rounds, base: base, users: nil, prefix: "s"))
        grdbSingles.append(try await grdbConcurrent(pool, rounds: rounds, base: base))
      }
    }
    let perRecord = { (seconds: [Double]) in median(seconds) / Double(rounds * writers) * 1e6 }
    var rows: [ResultRow] = []
    if settings.wants("B3b") {
      rows.append(
        row(
          "B3b", "one record([100 items]) per call, one user", perRecord(batch),
          baseline: "GRDB 100 rows/txn", perRecord(grdbBatch)))
    }
    if settings.wants("B3c") {
      rows.append(
        row(
          "B3c", "100 concurrent single records, one user", perRecord(singles),
          baseline: "GRDB 100 concurrent 1-row txns", perRecord(grdbSingles)))
    }
    return rows
  }

  static func row(
    _ id: String, _ workload: String, _ value: Double, baseline: String, _ baselineValue: Double
  ) -> ResultRow {
    ResultRow(
      id: id, workload: workload, value: value, unit: "us", baseline: baseline,
      baselineValue: baselineValue, ratio: value / baselineValue, target: "<= 0.5x GRDB time",
      met: value / baselineValue <= 0.5)
  }

  /// `rounds` calls of `record(_:for:at:)` with a batch of `writers` items each.
  static func batches(_ store: FileStore, rounds: Int, base: Int) async throws -> Double {
    try await timeAsync {
      for round in 0..<rounds {
        let first = base + round * writers
        let items = (first..<first + writers).map { Fixtures.evidence($0, prefix: "b") }
        try await store.record(items, for: "user", at: Fixtures.now)
      }
    }
  }

  /// `rounds` waves of `writers` concurrent single-row transactions on one pool.
  static func grdbConcurrent(_ pool: DatabasePool, rounds: Int, base: Int) async throws -> Double {
    try await timeAsync {
      for round in 0..<rounds {
        try await withThrowingTaskGroup(of: Void.self) { group in
          for writer in 0..<writers {
            let item = Fixtures.evidence(base + round * writers + writer, prefix: "gs")
            group.addTask {
              try await pool.write { db in try Fixtures.insert(item, user: "user", into: db) }
            }
          }
          try await group.waitForAll()
        }
      }
    }
  }
}
