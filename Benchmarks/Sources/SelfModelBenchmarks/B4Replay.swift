import BenchmarkSupport
import Foundation
import GRDB
import SelfModel
import SelfModelStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// B4c and B7: replay a journal of 1,000,000 records (one evidence item each) into a model,
/// and the resident memory that model costs per record. Against GRDB reading the same rows
/// into the same model.
enum B4Replay {
  static func run(_ settings: Settings) async throws -> [ResultRow] {
    let records = settings.count ?? (settings.quick ? 2_000 : 1_000_000)
    let (folder, isReady) = Fixtures.cachedFolder("replay-\(records)")
    let options = FileStore.Options(
      durability: .deferred, compactionRecordThreshold: Int.max / 2,
      compactionByteThreshold: Int.max / 2)
    if !isReady {
      print("  (making a \(records)-record journal once; it is kept in Benchmarks/.build/fixtures)")
      try await makeFixture(folder: folder, records: records, options: options)
    }
    let rounds = settings.rounds == 1 ? 1 : 3
    var ours: [Double] = []
    var grdb: [Double] = []
    var oursBytes: [Double] = []
    var grdbBytes: [Double] = []
    for _ in 0..<rounds {
      let before = settledResidentBytes()
      var model: UserModel?
      ours.append(
        try await timeAsync {
          let store = try FileStore(at: folder + "/store", options: options)
          defer { store.close() }
          model = try await store.model(for: "user")
        })
      oursBytes.append((settledResidentBytes() - before) / Double(records))
      precondition(model?.evidenceCount == records)
      model = nil
      let beforeGRDB = settledResidentBytes()
      grdb.append(
        try time {
          let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
          model = try pool.read { db in try Fixtures.loadModel("user", from: db) }
        })
      grdbBytes.append((settledResidentBytes() - beforeGRDB) / Double(records))
      precondition(model?.evidenceCount == records)
      model = nil
    }
    let (a, g) = (median(ours), median(grdb))
    return [
      ResultRow(
        id: "B4c", workload: "open + replay \(records) journal records", value: a, unit: "s",
        baseline: "GRDB open + fetch + fold", baselineValue: g, ratio: a / g,
        target: "<= 1 s and <= GRDB", met: a <= 1 && a <= g),
      ResultRow(
        id: "B7", workload: "resident memory per evidence record (loaded)",
        value: median(oursBytes), unit: "B", baseline: "GRDB rows in the same model",
        baselineValue: median(grdbBytes), ratio: median(oursBytes) / median(grdbBytes),
        target: "<= 200 B", met: median(oursBytes) <= 200),
    ]
  }

  static func makeFixture(folder: String, records: Int, options: FileStore.Options) async throws {
    let store = try FileStore(at: folder + "/store", options: options)
    try await Fixtures.createUser("user", beliefs: 300, in: store)
    for index in 0..<records {
      try await store.record(Fixtures.evidence(index), for: "user", at: Fixtures.now)
    }
    store.close()
    let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
    try Fixtures.createSchema(pool)
    var next = 0
    while next < records {
      let (first, end) = (next, min(next + 10_000, records))
      try await pool.write { db in
        if first == 0 {
          try db.execute(sql: "INSERT INTO user VALUES ('user', '{}')")
          for index in 0..<300 {
            try db.execute(
              sql: "INSERT INTO belief VALUES ('user', ?, ?)",
              arguments: ["belief.\(index)", "Belief number \(index)"])
          }
        }
        for index in first..<end {
          try Fixtures.insert(Fixtures.evidence(index), user: "user", into: db)
        }
      }
      next = end
    }
    Fixtures.markReady(folder)
  }

  /// RSS after returning freed memory to the system, so it counts what is still held.
  static func settledResidentBytes() -> Double {
    _ = mallocTrim(0)
    return residentBytes()
  }
}

/// glibc's `malloc_trim`, which the Glibc module does not export.
@_silgen_name("malloc_trim")
func mallocTrim(_ pad: Int) -> Int32
