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

/// The preallocated layout of ``JournalFile``: growth in zero-filled chunks, the logical end,
/// torn writes into the free space, garbage after the logical end, and faults while growing.
@Suite struct EngineJournalPreallocationTests {
  /// The real file system.
  static let fileSystem = POSIXFileSystem()
  /// The journal header's size, per `Docs/FileFormat.md`.
  static let headerSize = 24

  /// Whether every byte of the file at `path` from `start` on is zero.
  static func isZero(_ path: String, from start: Int) throws -> Bool {
    try EngineFiles.bytes(path)[start...].allSatisfy { $0 == 0 }
  }

  /// Writes a journal with one synced append per payload and returns each record's start
  /// followed by the logical end.
  static func makeJournal(_ path: String, _ payloads: [[UInt8]]) throws -> [Int] {
    let (journal, _) = try JournalFile.open(path: path, fileSystem: fileSystem)
    defer { journal.close() }
    var offsets = [journal.length]
    for payload in payloads {
      _ = try journal.append([payload])
      offsets.append(journal.length)
    }
    try journal.synchronize()
    return offsets
  }

  /// A new journal is header only, grows to 4 KiB of zeros on its first append and doubles when full; reopening finds the logical end, reports nothing torn and keeps the size; appends continue at the logical end.
  @Test func reopenFindsTheLogicalEndAndAppendsContinueThere() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      let (journal, _) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      #expect(try EngineFiles.bytes(path).count == Self.headerSize)
      let payloads = (0..<10).map { [UInt8](repeating: UInt8($0 + 1), count: 100) }
      for payload in payloads { _ = try journal.append([payload]) }
      try journal.synchronize()
      let end = journal.length
      journal.close()
      #expect(end == Self.headerSize + 10 * 120)
      #expect(try EngineFiles.bytes(path).count == 4 << 10 && Self.isZero(path, from: end))
      let (again, recovery) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      #expect(recovery.records.map(\.payload) == payloads && recovery.truncatedBytes == 0)
      #expect(again.length == end && again.nextSequence == 11)
      #expect(try again.append([[0xEE]]) == 11...11)
      try again.synchronize()
      let bytes = try EngineFiles.bytes(path)
      #expect(bytes.count == 4 << 10 && bytes[end + 16] == 0xEE)
      for _ in 0..<600 { _ = try again.append([[UInt8](repeating: 9, count: 100)]) }
      try again.synchronize()
      // 611 records of 120 bytes need 73,344 bytes: 4, 8, 16, 32, 64, then 128 KiB.
      #expect(try EngineFiles.bytes(path).count == 128 << 10)
      again.close()
      let (_, final) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      #expect(final.records.count == 611 && final.truncatedBytes == 0)
    }
  }

  /// Growth writes zeros and `fsync`s once; a steady-state append is one positioned write and a sync one `fdatasync`, with no size change for it to commit.
  @Test func steadyAppendsWriteInPlaceAndGrowthSyncsOnce() throws {
    try EngineTemporaryDirectory.with { directory in
      let fileSystem = FaultInjectingFileSystem()
      let path = directory.file("journal")
      let (journal, _) = try JournalFile.open(path: path, fileSystem: fileSystem)
      defer { journal.close() }
      fileSystem.resetCount()
      _ = try journal.append([[1]])
      #expect(fileSystem.log == [.write, .synchronize, .write])
      let size = try EngineFiles.bytes(path).count
      fileSystem.resetCount()
      _ = try journal.append([[2], [3]])
      try journal.synchronize()
      #expect(fileSystem.log == [.write, .synchronizeData])
      #expect(try EngineFiles.bytes(path).count == size)
    }
  }

  /// The last frame cut at every byte and followed by zeros (a crash mid-write into the free space) is a torn tail: it is erased in place, the file keeps its size, the records before it load and the next append takes its sequence number. A cut inside the checksum field is damage unless the data ends at or before a 512-byte boundary inside the frame (a torn sector).
  @Test func framesTornAtEveryByteAreErased() throws {
    try EngineTemporaryDirectory.with { directory in
      // Frames end at 144 and 514: the second one's checksum field straddles offset 512.
      let payloads = [[UInt8](repeating: 1, count: 100), [UInt8](repeating: 2, count: 350)]
      let offsets = try Self.makeJournal(directory.file("original"), payloads)
      #expect(offsets == [24, 144, 514])
      let bytes = try EngineFiles.bytes(directory.file("original"))
      var damaged = 0
      for cut in 145..<514 {
        var torn = bytes
        torn.replaceSubrange(cut..<514, with: repeatElement(0, count: 514 - cut))
        let path = directory.file("torn-\(cut)")
        try EngineFiles.write(torn, to: path)
        let dataEnd = (torn[144..<cut].lastIndex { $0 != 0 }).map { $0 + 1 } ?? 144
        guard dataEnd <= 512 else {
          let error = #expect(throws: StoreError.self) {
            _ = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
          }
          #expect(error?.code == .corruptFile && error?.offset == 144, "cut \(cut)")
          damaged += 1
          continue
        }
        let (journal, recovery) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
        #expect(recovery.records.map(\.payload) == [payloads[0]], "cut \(cut)")
        #expect(recovery.truncatedBytes == dataEnd - 144, "cut \(cut)")
        #expect(try EngineFiles.bytes(path).count == bytes.count, "cut \(cut)")
        #expect(try Self.isZero(path, from: 144), "cut \(cut)")
        #expect(try journal.append([[5]]) == 2...2)
        journal.close()
        try FileManager.default.removeItem(atPath: path)
      }
      #expect(damaged > 0 && damaged < 4)
    }
  }

  /// Non-zero bytes in the free space that are not the start of the next frame at the logical end are damage there, even a whole, valid next frame placed further on (it is never taken as a record): strict mode throws and changes nothing; salvage keeps every record and erases them.
  @Test(arguments: [8, 100, 2_000], [false, true])
  func garbageInTheFreeSpaceIsDamage(_ gap: Int, wholeFrame: Bool) throws {
    try EngineTemporaryDirectory.with { directory in
      let payloads = (1...4).map { [UInt8](repeating: $0, count: 30) }
      let offsets = try Self.makeJournal(directory.file("original"), payloads)
      var bytes = try EngineFiles.bytes(directory.file("original"))
      let frame = Array(bytes[offsets[3]..<offsets[4]])
      bytes.replaceSubrange(offsets[3]..<offsets[4], with: repeatElement(0, count: frame.count))
      let garbage = wholeFrame ? frame : [1]
      bytes.replaceSubrange(
        offsets[3] + gap..<offsets[3] + gap + garbage.count, with: garbage)
      let path = directory.file("journal")
      try EngineFiles.write(bytes, to: path)
      let error = #expect(throws: StoreError.self) {
        _ = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      }
      #expect(error?.code == .corruptFile && error?.offset == offsets[3])
      #expect(try EngineFiles.bytes(path) == bytes)
      let (journal, recovery) = try JournalFile.open(
        path: path, fileSystem: Self.fileSystem, salvage: true)
      journal.close()
      #expect(recovery.records.map(\.payload) == Array(payloads[..<3]))
      #expect(recovery.salvagedFrom == offsets[3] && recovery.damagedCopy != nil)
      #expect(try Self.isZero(path, from: offsets[3]))
      let (_, reopened) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      #expect(reopened.records.count == 3 && reopened.truncatedBytes == 0)
    }
  }

  /// When the next chunk does not fit on the disk, the file grows by only what the append needs (rounded up to 4 KiB).
  @Test func aFullDiskGrowsByOnlyWhatIsNeeded() throws {
    try EngineTemporaryDirectory.with { directory in
      let fileSystem = FaultInjectingFileSystem()
      let path = directory.file("journal")
      let (journal, _) = try JournalFile.open(path: path, fileSystem: fileSystem)
      defer { journal.close() }
      // 24 + 5,020 bytes: the first chunk is what the append needs, 8 KiB.
      #expect(try journal.append([[UInt8](repeating: 2, count: 5_000)]) == 1...1)
      #expect(try EngineFiles.bytes(path).count == 8 << 10)
      // The next chunk would double the file to 16 KiB; with no room for it, the file grows
      // by only what the second record needs: 10,088 bytes, rounded up to 12 KiB.
      fileSystem.inject(.error(ENOSPC), atCall: 1, of: .write)
      #expect(try journal.append([[UInt8](repeating: 3, count: 5_000)]) == 2...2)
      #expect(try EngineFiles.bytes(path).count == 12 << 10)
      fileSystem.inject(.error(ENOSPC), atCall: 1, of: .write, persistent: true)
      let error = #expect(throws: StoreError.self) {
        try journal.append([[UInt8](repeating: 4, count: 5_000)])
      }
      #expect(error?.code == .diskFull && journal.nextSequence == 3)
    }
  }

  /// The faults injected while growing.
  static let faults: [FaultInjectingFileSystem.Fault] = [
    .error(EIO), .error(ENOSPC), .error(EINTR), .shortWrite,
  ]

  /// Each call of an append that grows the file failing in turn, once or persistently: the append is all or nothing, synced records survive, only zeros follow the logical end, and the journal works again once the fault clears.
  @Test(arguments: faults, [false, true])
  func faultsWhileGrowingLoseNothing(_ fault: FaultInjectingFileSystem.Fault, persistent: Bool)
    throws
  {
    let big = [UInt8](repeating: 6, count: 70_000)
    for call in 1...8 {
      try EngineTemporaryDirectory.with { directory in
        let fileSystem = FaultInjectingFileSystem()
        let path = directory.file("journal")
        let (journal, _) = try JournalFile.open(path: path, fileSystem: fileSystem)
        defer { journal.close() }
        _ = try journal.append([[1]])
        try journal.synchronize()
        fileSystem.inject(fault, atCall: call, persistent: persistent)
        let grew = (try? journal.append([big])) != nil
        fileSystem.clearFaults()
        #expect(try journal.append([[7]]) == (grew ? 3...3 : 2...2), "call \(call)")
        try journal.synchronize()
        let (_, recovery) = try JournalFile.open(path: path, fileSystem: POSIXFileSystem())
        let expected: [[UInt8]] = grew ? [[1], big, [7]] : [[1], [7]]
        #expect(recovery.records.map(\.payload) == expected, "call \(call)")
        #expect(try recovery.truncatedBytes == 0 && Self.isZero(path, from: journal.length))
      }
    }
  }
}
