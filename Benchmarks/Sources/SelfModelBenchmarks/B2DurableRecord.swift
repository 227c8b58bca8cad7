import Foundation
import GRDB
import SelfModel
import SelfModelStore

#if canImport(Glibc)
  import Glibc
#endif

/// B2: one durable record per call, one sync each (`FileStore` with `.synchronous`), against
/// the hardware's limit (a raw `write` + `fdatasync` loop of the same record size) and GRDB
/// (WAL, `synchronous=FULL`, one row per transaction).
enum B2DurableRecord {
  static func run(_ settings: Settings) async throws -> [ResultRow] {
    let count = settings.count ?? (settings.quick ? 20 : 500)
    let folder = Fixtures.temporaryFolder("b2")
    defer { Fixtures.cleanUp(folder) }
    let store = try FileStore(
      at: folder + "/store", options: FileStore.Options(durability: .synchronous))
    defer { store.close() }
    try await Fixtures.createUser("user", beliefs: 300, in: store)
    let pool = try Fixtures.openPool(at: folder + "/grdb.sqlite")
    try Fixtures.createSchema(pool)
    let raw = try RawAppender(path: folder + "/raw.log")
    defer { raw.close() }

    var ours: [Double] = []
    var rawTimes: [Double] = []
    var grdb: [Double] = []
    var next = 0
    for _ in 0..<settings.rounds {
      let base = next
      next += count
      ours.append(
        try await timeAsync {
          for index in base..<(base + count) {
            try await store.record(Fixtures.evidence(index), for: "user", at: Fixtures.now)
          }
        })
      rawTimes.append(try time { for _ in 0..<count { try raw.appendAndSync(bytes: 96) } })
      grdb.append(
        try time {
          for index in base..<(base + count) {
            try pool.write { db in
              try Fixtures.insert(Fixtures.evidence(index), user: "user", into: db)
            }
          }
        })
    }
    let perRecord = { (seconds: Double) in seconds / Double(count) * 1e6 }
    let (a, r, g) = (perRecord(median(ours)), perRecord(median(rawTimes)), perRecord(median(grdb)))
    return [
      ResultRow(
        id: "B2", workload: "durable record, one fdatasync each (FileStore)", value: a, unit: "us",
        baseline: "raw append+fdatasync", baselineValue: r, ratio: r / a,
        target: ">= 0.8x raw rate", met: r / a >= 0.8),
      ResultRow(
        id: "B2g", workload: "same, against GRDB (WAL, FULL, 1 row/txn)", value: a, unit: "us",
        baseline: "GRDB", baselineValue: g, ratio: a / g, target: "<= 1.0x GRDB time",
        met: a / g <= 1.0),
    ]
  }
}

/// The hardware baseline: append a fixed-size record to a file and `fdatasync` it.
final class RawAppender {
  private let descriptor: Int32
  private let buffer: [UInt8]

  init(path: String) throws {
    descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    buffer = Array(repeating: 0x2A, count: 4_096)
  }

  func appendAndSync(bytes: Int) throws {
    let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress, bytes) }
    guard written == bytes, fdatasync(descriptor) == 0 else { throw POSIXError(.EIO) }
  }

  func close() { _ = Glibc.close(descriptor) }
}
