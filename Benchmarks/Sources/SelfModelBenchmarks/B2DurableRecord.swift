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
    let (journalMode, synchronous) = try await pool.write { db in
      (
        try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?",
        try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
      )
    }
    print("  GRDB writer: journal_mode=\(journalMode), synchronous=\(synchronous) (2 = FULL)")
    let raw = try RawAppender(path: folder + "/raw.log")
    defer { raw.close() }
    let inPlace = try RawAppender(path: folder + "/raw-in-place.log", preallocate: 8 << 20)
    defer { inPlace.close() }

    var ours: [Double] = []
    var rawTimes: [Double] = []
    var inPlaceTimes: [Double] = []
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
      inPlaceTimes.append(try time { for _ in 0..<count { try inPlace.appendAndSync(bytes: 96) } })
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
    let p = perRecord(median(inPlaceTimes))
    return [
      ResultRow(
        id: "B2", workload: "durable record, one fdatasync each (FileStore)", value: a, unit: "us",
        baseline: "raw append+fdatasync", baselineValue: r, ratio: r / a,
        target: ">= 0.8x raw rate", met: r / a >= 0.8),
      ResultRow(
        id: "B2p", workload: "same, against pwrite in place + fdatasync", value: a, unit: "us",
        baseline: "raw pwrite in place", baselineValue: p, ratio: p / a,
        target: "(the stricter limit)", met: nil),
      ResultRow(
        id: "B2g", workload: "same, against GRDB (WAL, FULL, 1 row/txn)", value: a, unit: "us",
        baseline: "GRDB", baselineValue: g, ratio: a / g, target: "<= 1.0x GRDB time",
        met: a / g <= 1.0),
    ]
  }
}

/// The hardware baseline: append a fixed-size record to a file and `fdatasync` it. Plain
/// mode appends (`O_APPEND`: every sync also commits the new file size); with `preallocate`,
/// the file is first filled with that many zero bytes and synced, and records are written in
/// place with `pwrite`, so a sync flushes data only (what SQLite's WAL and our journal do).
final class RawAppender {
  private let descriptor: Int32
  private let buffer: [UInt8]
  private var offset = 0
  private let inPlace: Bool

  init(path: String, preallocate: Int = 0) throws {
    inPlace = preallocate > 0
    let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (inPlace ? 0 : O_APPEND)
    descriptor = open(path, flags, 0o600)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    buffer = Array(repeating: 0x2A, count: 4_096)
    if inPlace {
      let zeros = [UInt8](repeating: 0, count: 1 << 20)
      for chunk in 0..<(preallocate >> 20) {
        let written = zeros.withUnsafeBytes {
          pwrite(descriptor, $0.baseAddress, zeros.count, off_t(chunk << 20))
        }
        guard written == zeros.count else { throw POSIXError(.EIO) }
      }
      guard fsync(descriptor) == 0 else { throw POSIXError(.EIO) }
    }
  }

  func appendAndSync(bytes: Int) throws {
    let written = buffer.withUnsafeBytes { pointer in
      inPlace
        ? pwrite(descriptor, pointer.baseAddress, bytes, off_t(offset))
        : write(descriptor, pointer.baseAddress, bytes)
    }
    offset += bytes
    guard written == bytes, syncData(descriptor) == 0 else { throw POSIXError(.EIO) }
  }

  func close() { closeDescriptor(descriptor) }
}

/// Closes `fd`: the C library's `close`, which the method `close()` shadows by name.
private func closeDescriptor(_ fd: Int32) {
  _ = close(fd)
}

/// The durable data sync the store uses: `fdatasync` on Linux, `F_FULLFSYNC` on Darwin.
private func syncData(_ fd: Int32) -> Int32 {
  #if canImport(Darwin)
    return fcntl(fd, F_FULLFSYNC)
  #else
    return fdatasync(fd)
  #endif
}
