import BenchmarkSupport
import Foundation
import GRDB
import SelfModel
import SelfModelStore

/// B4: loading. (a) open a store and load one user with 300 beliefs and a 1,000-record journal
/// tail; (b) open a store of many users; (c) open and replay 1,000,000 journal records. Each
/// against GRDB opening and reading the same data into the same `UserModel`.
enum B4Load {
  static func run(_ settings: Settings) async throws -> [ResultRow] {
    var rows = try await loadOneUser(settings)
    rows += try await openManyUsers(settings)
    return rows
  }

  static func loadOneUser(_ settings: Settings) async throws -> [ResultRow] {
    let folder = Fixtures.temporaryFolder("b4a")
    defer { Fixtures.cleanUp(folder) }
    let tail = settings.quick ? 100 : 1_000
    let options = FileStore.Options(durability: .deferred)
    do {
      let store = try FileStore(at: folder + "/store", options: options)
      try await Fixtures.createUser("user", beliefs: 300, in: store)
      for index in 0..<tail {
        try await store.record(Fixtures.evidence(index), for: "user", at: Fixtures.now)
      }
      store.close()
    }
    let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
    try Fixtures.createSchema(pool)
    try fill(pool, user: "user", beliefs: 300, evidence: tail)
    let (ours, grdb) = try await interleavedAsync(rounds: max(settings.rounds, 3) * 3) {
      try await timeAsync {
        let store = try FileStore(at: folder + "/store", options: options)
        defer { store.close() }
        let model = try await store.model(for: "user")
        precondition(model.evidenceCount == tail)
      }
    } _: {
      try time {
        let reader = try Fixtures.openPool(at: folder + "/grdb.sqlite")
        let model = try reader.read { db in try Fixtures.loadModel("user", from: db) }
        precondition(model.evidenceCount == tail)
      }
    }
    let ms = { (seconds: Double) in seconds * 1e3 }
    return [
      ResultRow(
        id: "B4a", workload: "open + load one user (300 beliefs, \(tail)-record tail)",
        value: ms(ours), unit: "ms", baseline: "GRDB open + fetch", baselineValue: ms(grdb),
        ratio: ours / grdb, target: "<= 5 ms", met: ms(ours) <= 5)
    ]
  }

  static func openManyUsers(_ settings: Settings) async throws -> [ResultRow] {
    let users = settings.count ?? (settings.quick ? 200 : 100_000)
    let (folder, isReady) = Fixtures.cachedFolder("users-\(users)")
    if !isReady {
      print("  (making a \(users)-user store once; it is kept in Benchmarks/.build/fixtures)")
      let store = try FileStore(
        at: folder + "/store", options: FileStore.Options(durability: .deferred))
      try await createUsers(users, in: store)
      store.close()
      let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
      try Fixtures.createSchema(pool)
      try await pool.write { db in
        for index in 0..<users {
          try db.execute(sql: "INSERT INTO user VALUES (?, '{}')", arguments: ["user-\(index)"])
        }
      }
      Fixtures.markReady(folder)
    }
    let (ours, grdb) = try await interleavedAsync(rounds: max(settings.rounds, 3)) {
      try await timeAsync {
        let store = try FileStore(at: folder + "/store")
        defer { store.close() }
        let model = try await store.model(for: "user-0")
        precondition(model.user == "user-0")
      }
    } _: {
      try time {
        let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
        let count = try pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM user") }
        precondition(count == users)
      }
    }
    return [
      ResultRow(
        id: "B4b", workload: "open a \(users)-user store, load one user", value: ours * 1e3,
        unit: "ms", baseline: "GRDB open + count", baselineValue: grdb * 1e3, ratio: ours / grdb,
        target: "<= 0.5 s", met: ours <= 0.5)
    ]
  }

  static func createUsers(_ count: Int, in store: FileStore) async throws {
    let policy = Fixtures.policy()
    var next = 0
    while next < count {
      let end = min(next + 64, count)
      try await withThrowingTaskGroup(of: Void.self) { group in
        for index in next..<end {
          group.addTask { _ = try await store.createUser(UserID("user-\(index)"), policy: policy) }
        }
        try await group.waitForAll()
      }
      next = end
    }
  }

  static func fill(_ pool: DatabasePool, user: String, beliefs: Int, evidence: Int) throws {
    try pool.write { db in
      try db.execute(sql: "INSERT INTO user VALUES (?, '{}')", arguments: [user])
      for index in 0..<beliefs {
        try db.execute(
          sql: "INSERT INTO belief VALUES (?, ?, ?)",
          arguments: [user, "belief.\(index)", "Belief number \(index)"])
      }
      for index in 0..<evidence {
        try Fixtures.insert(Fixtures.evidence(index), user: user, into: db)
      }
    }
  }
}

/// Runs A and B alternately `rounds` times (A B A B …) and returns the median of each.
func interleavedAsync(
  rounds: Int, _ a: () async throws -> Double, _ b: () throws -> Double
) async rethrows -> (a: Double, b: Double) {
  var aTimes: [Double] = []
  var bTimes: [Double] = []
  for _ in 0..<rounds {
    aTimes.append(try await a())
    bTimes.append(try b())
  }
  return (median(aTimes), median(bTimes))
}
