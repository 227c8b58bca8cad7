import Foundation
import SelfModelStore
import SelfModelStoreFaults
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fails each I/O call of a scripted workload in turn and checks that what was acknowledged
/// survives and nothing is invented.
@Suite struct EngineFaultInjectionTests {
  /// What a workload run attempted and what it was told succeeded.
  struct Ledger {
    /// Every (sequence, payload) an append was attempted with.
    var attempted: Set<JournalRecord> = []
    /// Records whose append and a later synchronize both returned successfully, since the last
    /// successful reset.
    var acknowledged: [JournalRecord] = []
    /// Records appended but not yet covered by a successful synchronize.
    var pending: [JournalRecord] = []
    /// Records acknowledged before a reset that failed: a failure after the rename has
    /// emptied the journal, one before it has not, so they must be all present or all absent.
    var beforeFailedReset: [JournalRecord] = []
    /// Snapshot payloads attempted, and the last one whose write returned successfully.
    var snapshots: [[UInt8]] = []
    /// The last snapshot payload acknowledged.
    var acknowledgedSnapshot: [UInt8]?
  }

  /// Appends, syncs, writes a snapshot, resets and appends again, recording what succeeded and
  /// carrying on after failures.
  static func runWorkload(_ folder: String, fileSystem: any FileSystem) -> Ledger {
    var ledger = Ledger()
    guard
      let (journal, _) = try? JournalFile.open(path: folder + "/journal", fileSystem: fileSystem)
    else { return ledger }
    defer { journal.close() }
    let batches: [[[UInt8]]] = [[[1, 1]], [[2], [3, 3, 3]], [Array(repeating: 4, count: 300)]]
    for (index, batch) in batches.enumerated() {
      append(batch, tag: UInt8(index), to: journal, ledger: &ledger)
    }
    let snapshot = Array(repeating: UInt8(7), count: 500)
    ledger.snapshots.append(snapshot)
    if (try? SnapshotFile.write(snapshot, to: folder + "/snapshot", fileSystem: fileSystem)) != nil
    {
      ledger.acknowledgedSnapshot = snapshot
    }
    do {
      try journal.reset(baseSequence: journal.nextSequence)
      ledger.acknowledged.removeAll()
      ledger.pending.removeAll()
    } catch {
      ledger.beforeFailedReset = ledger.acknowledged
      ledger.acknowledged.removeAll()
    }
    append([[8, 8], [9]], tag: 8, to: journal, ledger: &ledger)
    append([[10]], tag: 10, to: journal, ledger: &ledger)
    return ledger
  }

  /// One append and one synchronize, recorded in the ledger.
  static func append(_ batch: [[UInt8]], tag: UInt8, to journal: JournalFile, ledger: inout Ledger)
  {
    let first = journal.nextSequence
    let records = batch.enumerated().map { index, payload in
      JournalRecord(sequence: first + UInt64(index), payload: [tag] + payload)
    }
    ledger.attempted.formUnion(records)
    if (try? journal.append(records.map(\.payload))) != nil { ledger.pending += records }
    if (try? journal.synchronize()) != nil {
      ledger.acknowledged += ledger.pending
      ledger.pending.removeAll()
    }
  }

  /// Reopens with the real file system and checks the ledger's promises.
  static func verify(_ folder: String, _ ledger: Ledger, _ label: String) throws {
    let (journal, recovery) = try JournalFile.open(
      path: folder + "/journal", fileSystem: POSIXFileSystem())
    journal.close()
    let present = Set(recovery.records)
    for record in ledger.acknowledged {
      #expect(present.contains(record), "acknowledged record \(record.sequence) lost: \(label)")
    }
    let survivors = ledger.beforeFailedReset.filter(present.contains)
    #expect(
      survivors.isEmpty || survivors == ledger.beforeFailedReset, "reset half done: \(label)")
    for record in recovery.records {
      #expect(ledger.attempted.contains(record), "invented record \(record.sequence): \(label)")
    }
    let snapshot = try SnapshotFile.read(from: folder + "/snapshot", fileSystem: POSIXFileSystem())
    if ledger.acknowledgedSnapshot != nil { #expect(snapshot != nil, "snapshot lost: \(label)") }
    if let snapshot { #expect(ledger.snapshots.contains(snapshot), "snapshot invented: \(label)") }
  }

  /// The faults injected at every call.
  static let faults: [FaultInjectingFileSystem.Fault] = [
    .error(EIO), .error(ENOSPC), .error(EINTR), .shortWrite,
  ]

  /// Fails each call of the workload in turn, once or persistently: nothing traps, acknowledged records and snapshots survive, nothing is invented.
  @Test(arguments: faults, [false, true])
  func everyCallFailingKeepsAcknowledgedRecords(
    _ fault: FaultInjectingFileSystem.Fault, persistent: Bool
  ) throws {
    let calls = try EngineTemporaryDirectory.with { directory in
      let fileSystem = FaultInjectingFileSystem()
      let ledger = Self.runWorkload(directory.path, fileSystem: fileSystem)
      #expect(ledger.acknowledged.count == 3 && ledger.acknowledgedSnapshot != nil)
      return fileSystem.callCount
    }
    #expect(calls > 20)
    for call in 1...calls {
      try EngineTemporaryDirectory.with { directory in
        let fileSystem = FaultInjectingFileSystem()
        fileSystem.inject(fault, atCall: call, persistent: persistent)
        let ledger = Self.runWorkload(directory.path, fileSystem: fileSystem)
        fileSystem.clearFaults()
        try Self.verify(
          directory.path, ledger, "\(fault) at call \(call), persistent \(persistent)")
      }
    }
  }

  /// A failed append whose erasure also fails leaves partial bytes after the logical end
  /// (the journal is preallocated, so it is the bytes, not the size, that show it); the next
  /// append erases them first (zeros, then `fdatasync`) and writes at the logical end.
  @Test func failedAppendIsErasedAndTheNextAppendContinues() throws {
    try EngineTemporaryDirectory.with { directory in
      let fileSystem = FaultInjectingFileSystem()
      let path = directory.file("journal")
      let (journal, _) = try JournalFile.open(path: path, fileSystem: fileSystem)
      defer { journal.close() }
      _ = try journal.append([[1]])
      let length = journal.length
      fileSystem.inject(.shortWrite, atCall: 1, of: .write)
      fileSystem.inject(.error(EIO), atCall: 2, of: .write)
      fileSystem.inject(.error(EIO), atCall: 3, of: .write)
      #expect(throws: StoreError.self) { try journal.append([Array(repeating: 2, count: 64)]) }
      #expect(journal.length == length && journal.nextSequence == 2)
      #expect(try EngineFiles.bytes(path)[length...].contains { $0 != 0 })
      fileSystem.resetCount()
      #expect(try journal.append([[3]]) == 2...2)
      #expect(fileSystem.log == [.write, .synchronizeData, .write])
      try journal.synchronize()
      #expect(try EngineFiles.bytes(path)[journal.length...].allSatisfy { $0 == 0 })
      let (_, recovery) = try JournalFile.open(path: path, fileSystem: POSIXFileSystem())
      #expect(recovery.records.map(\.payload) == [[1], [3]] && recovery.truncatedBytes == 0)
    }
  }

  /// A failed append whose erasure succeeds leaves only zeros after the logical end at once.
  @Test func failedAppendIsErasedAtOnce() throws {
    try EngineTemporaryDirectory.with { directory in
      let fileSystem = FaultInjectingFileSystem()
      let path = directory.file("journal")
      let (journal, _) = try JournalFile.open(path: path, fileSystem: fileSystem)
      defer { journal.close() }
      _ = try journal.append([[1]])
      fileSystem.inject(.shortWrite, atCall: 1, of: .write)
      fileSystem.inject(.error(EIO), atCall: 2, of: .write)
      #expect(throws: StoreError.self) { try journal.append([Array(repeating: 2, count: 64)]) }
      #expect(try EngineFiles.bytes(path)[journal.length...].allSatisfy { $0 == 0 })
    }
  }

  /// Faults fire at the counted call; counts and the log reset.
  @Test func injectorCountsAndLogs() throws {
    try EngineTemporaryDirectory.with { directory in
      let fileSystem = FaultInjectingFileSystem()
      fileSystem.inject(.error(ENOSPC), atCall: 2, of: .makeDirectory)
      try fileSystem.makeDirectory(directory.file("a"), permissions: 0o700)
      let error = #expect(throws: StoreError.self) {
        try fileSystem.makeDirectory(directory.file("b"), permissions: 0o700)
      }
      #expect(error?.code == .diskFull && error?.errno == ENOSPC)
      try fileSystem.makeDirectory(directory.file("c"), permissions: 0o700)
      #expect(
        fileSystem.callCount == 3 && fileSystem.log == Array(repeating: .makeDirectory, count: 3))
      fileSystem.resetCount()
      #expect(fileSystem.callCount == 0 && fileSystem.log.isEmpty)
    }
  }
}
