import BenchmarkSupport
import Foundation
import GRDB
import SelfModel
import SelfModelStore

/// B3: group commit. 100 concurrent writers record one item each; the store shares one
/// `fdatasync` among the writers of a user. Against GRDB (WAL, FULL) with 100 rows per
/// transaction.
enum B3GroupCommit {
  static let writers = 100

  static func run(_ settings: Settings) async throws -> [ResultRow] {
    let rounds = settings.count ?? (settings.quick ? 2 : 50)
    let folder = Fixtures.temporaryFolder("b3")
    defer { Fixtures.cleanUp(folder) }
    let store = try FileStore(at: folder + "/store")
    defer { store.close() }
    try await Fixtures.createUser("user", beliefs: 300, in: store)
    let unsynced = try FileStore(
      at: folder + "/deferred", options: FileStore.Options(durability: .deferred))
    defer { unsynced.close() }
    try await Fixtures.createUser("user", beliefs: 300, in: unsynced)
    for index in 0..<writers {
      try await Fixtures.createUser(UserID("user-\(index)"), beliefs: 10, in: store)
    }
    let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
    try Fixtures.createSchema(pool)

    var oneUser: [Double] = []
    var manyUsers: [Double] = []
    var deferred: [Double] = []
    var grdb: [Double] = []
    var next = 0
    for _ in 0..<settings.rounds {
      let base = next
      next += rounds * writers
      oneUser.append(try await concurrent(store, rounds: rounds, base: base, users: nil))
      manyUsers.append(try await concurrent(store, rounds: rounds, base: base, users: writers))
      deferred.append(try await concurrent(unsynced, rounds: rounds, base: base, users: nil))
      grdb.append(try grdbTransactions(pool, rounds: rounds, base: base, prefix: "g"))
    }
    let total = Double(rounds * writers)
    let rate = total / median(oneUser)
    let perRecord = { (seconds: Double) in seconds / total * 1e6 }
    let (a, m, g) = (
      perRecord(median(oneUser)), perRecord(median(manyUsers)), perRecord(median(grdb))
    )
    let d = perRecord(median(deferred))
    return [
      ResultRow(
        id: "B3", workload: "group commit, 100 concurrent writers, one user", value: a,
        unit: "us", baseline: "GRDB 100 rows/txn", baselineValue: g, ratio: a / g,
        target: "<= 0.5x GRDB time", met: a / g <= 0.5),
      ResultRow(
        id: "B3r", workload: "  throughput of the above", value: rate, unit: "rec/s",
        baseline: nil, baselineValue: nil, ratio: nil, target: ">= 50k rec/s", met: rate >= 50_000),
      ResultRow(
        id: "B3u", workload: "group commit, 100 writers on 100 users", value: m, unit: "us",
        baseline: "GRDB 100 rows/txn", baselineValue: g, ratio: m / g, target: "(informative)",
        met: nil),
      ResultRow(
        id: "B3d", workload: "the B3 writers with .deferred (no fdatasync)", value: d,
        unit: "us", baseline: "GRDB 100 rows/txn", baselineValue: g, ratio: d / g,
        target: "(where the time goes)", met: nil),
    ]
  }

  /// `rounds` GRDB transactions of `writers` rows each (B3's and B3b's baseline): one sync per
  /// transaction (WAL, `synchronous = FULL`).
  static func grdbTransactions(_ pool: DatabasePool, rounds: Int, base: Int, prefix: String)
    throws -> Double
  {
    try time {
      for round in 0..<rounds {
        try pool.write { db in
          for writer in 0..<writers {
            let index = base + round * writers + writer
            try Fixtures.insert(Fixtures.evidence(index, prefix: prefix), user: "user", into: db)
          }
        }
      }
    }
  }

  /// `rounds` waves of `writers` concurrent single-item records; one user, or one per writer.
  static func concurrent(
    _ store: FileStore, rounds: Int, base: Int, users: Int?, prefix: String? = nil
  ) async throws -> Double {
    let prefix = prefix ?? (users == nil ? "c" : "m")
    return try await timeAsync {
      for round in 0..<rounds {
        try await withThrowingTaskGroup(of: Void.self) { group in
          for writer in 0..<writers {
            let index = base + round * writers + writer
            let user = users == nil ? UserID("user") : UserID(stringLiteral: "user-\(writer)")
            let beliefs = users == nil ? 300 : 10
            group.addTask {
              try await store.record(
                Fixtures.evidence(index, prefix: prefix, beliefs: beliefs), for: user,
                at: Fixtures.now)
            }
          }
          try await group.waitForAll()
        }
      }
    }
  }
}
