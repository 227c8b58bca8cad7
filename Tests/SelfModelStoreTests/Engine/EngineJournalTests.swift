import Foundation
import SelfModelStore
import SelfModelTesting
import Testing

/// Appending, reopening, torn tails, damage and salvage for ``JournalFile``.
///
/// The journal file is preallocated: after the logical end (``JournalFile/length``) it holds
/// zeros up to its physical size. Tests that cut or damage a journal therefore work on its
/// *logical image*, the bytes before the logical end (``logicalBytes(_:_:)``), so that offsets
/// and lengths mean what they meant before preallocation; the preallocation itself is tested
/// in `EngineJournalPreallocationTests`.
@Suite struct EngineJournalTests {
  /// The real file system.
  static let fileSystem = POSIXFileSystem()
  /// The journal header's size, per `Docs/FileFormat.md`.
  static let headerSize = 24
  /// The bytes a frame adds to its payload.
  static let frameOverhead = 20

  /// Payloads of varied sizes, including an empty one.
  static func payloads(count: Int, seed: UInt64) -> [[UInt8]] {
    var random = EngineTestRandom(seed: seed)
    return (0..<count).map { index in
      random.bytes(index == 2 ? 0 : Int.random(in: 1...40, using: &random))
    }
  }

  /// Writes a journal with `payloads` (one append per payload, synced) and returns the offset
  /// of each record's start followed by the logical end.
  static func makeJournal(_ path: String, _ payloads: [[UInt8]], base: UInt64 = 1) throws -> [Int] {
    let (journal, _) = try JournalFile.open(path: path, fileSystem: fileSystem, baseSequence: base)
    defer { journal.close() }
    var offsets = [journal.length]
    for payload in payloads {
      _ = try journal.append([payload])
      offsets.append(journal.length)
    }
    try journal.synchronize()
    return offsets
  }

  /// The file's bytes before its logical end `length`, after checking that every byte after it
  /// is zero (the preallocated free space).
  static func logicalBytes(_ path: String, _ length: Int) throws -> [UInt8] {
    let bytes = try EngineFiles.bytes(path)
    #expect(bytes.count >= length && bytes[length...].allSatisfy { $0 == 0 })
    return Array(bytes[..<length])
  }

  /// The end of the last non-zero byte of `bytes[start...]`, or `start` if there is none: how
  /// many torn bytes recovery reports (trailing zeros of a torn frame are free space).
  static func nonZeroEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
    (bytes.lastIndex { $0 != 0 }).map { max($0 + 1, start) } ?? start
  }

  /// Appends, closes and reopens: the same records, sequence numbers and length; mode 0600.
  @Test func appendsAndReopens() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      let payloads = Self.payloads(count: 6, seed: 1)
      let (journal, recovery) = try JournalFile.open(
        path: path, fileSystem: Self.fileSystem, baseSequence: 100)
      #expect(recovery.records.isEmpty && recovery.truncatedBytes == 0)
      #expect(try journal.append([payloads[0]]) == 100...100)
      #expect(try journal.append(Array(payloads[1...])) == 101...105)
      try journal.synchronize()
      #expect(journal.nextSequence == 106)
      journal.close()
      #expect(throws: StoreError.self) { try journal.append([[1]]) }
      let (again, reopened) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      defer { again.close() }
      #expect(reopened.records.map(\.payload) == payloads)
      #expect(reopened.records.map(\.sequence) == Array(100...105))
      #expect(again.nextSequence == 106 && again.length == journal.length)
      #expect(try EngineFiles.mode(path) == 0o600)
    }
  }

  /// Cutting the logical image at every byte of the last three records, with the file ending
  /// there or followed by preallocated zeros, keeps exactly the whole records, and appends
  /// continue with the next sequence number. The torn bytes reported end at the last non-zero
  /// byte of the cut frame: its trailing zeros are indistinguishable from free space. Followed
  /// by zeros, a cut inside a checksum field is damage unless it is at a 512-byte boundary, so
  /// those cuts are left to `EngineJournalPreallocationTests.framesTornAtEveryByteAreErased`.
  @Test(arguments: [0, 4_096])
  func truncationAtEveryOffsetOfTheLastThreeRecordsKeepsWholeRecords(_ zeros: Int) throws {
    try EngineTemporaryDirectory.with { directory in
      let payloads = Self.payloads(count: 8, seed: 2)
      let offsets = try Self.makeJournal(directory.file("original"), payloads)
      let original = try Self.logicalBytes(directory.file("original"), offsets[payloads.count])
      for cut in offsets[payloads.count - 3]..<original.count
      where zeros == 0 || !offsets.contains(where: { $0 - 4 < cut && cut < $0 }) {
        let path = directory.file("cut-\(cut)")
        try EngineFiles.write(Array(original[..<cut]) + Array(repeating: 0, count: zeros), to: path)
        let whole = offsets.lastIndex { $0 <= cut } ?? 0
        let (journal, recovery) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
        #expect(recovery.records.map(\.payload) == Array(payloads[..<whole]))
        let torn = Self.nonZeroEnd(original[offsets[whole]..<cut], from: offsets[whole])
        #expect(recovery.truncatedBytes == torn - offsets[whole])
        #expect(try EngineFiles.bytes(path)[offsets[whole]...].allSatisfy { $0 == 0 })
        #expect(try journal.append([[0xAB]]) == UInt64(whole + 1)...UInt64(whole + 1))
        journal.close()
        let (_, reopened) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
        #expect(reopened.records.map(\.payload) == Array(payloads[..<whole]) + [[0xAB]])
        #expect(reopened.truncatedBytes == 0)
        try FileManager.default.removeItem(atPath: path)
      }
    }
  }

  /// A damaged byte anywhere in the records of a preallocated journal (223 seeded positions) is `.corruptFile` at the damaged record, and the file is left as it was.
  @Test func singleByteCorruptionIsAlwaysDetectedAndChangesNothing() throws {
    try EngineTemporaryDirectory.with { directory in
      let payloads = Self.payloads(count: 12, seed: 3)
      let offsets = try Self.makeJournal(directory.file("original"), payloads)
      let original = try EngineFiles.bytes(directory.file("original"))
      let end = offsets[payloads.count]
      var random = EngineTestRandom(seed: 4)
      let path = directory.file("damaged")
      var positions = (0..<220).map { _ in
        Int.random(in: Self.headerSize..<end, using: &random)
      }
      positions += [end - 1, offsets[payloads.count - 1], Self.headerSize]
      for position in positions {
        var damaged = original
        damaged[position] ^= UInt8.random(in: 1...255, using: &random)
        try EngineFiles.write(damaged, to: path)
        let recordStart = offsets.last { $0 <= position } ?? Self.headerSize
        let error = #expect(throws: StoreError.self) {
          _ = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
        }
        #expect(error?.code == .corruptFile && error?.path == path, "byte \(position)")
        #expect((error?.offset ?? .max) <= recordStart, "byte \(position)")
        #expect(try EngineFiles.bytes(path) == damaged, "byte \(position)")
      }
    }
  }

  /// Zero bytes after the last record are free space, not a torn tail: nothing is reported or
  /// cut (before preallocation they were truncated away), and appends go right after the last
  /// record.
  @Test(arguments: [1, 7, 8, 19, 20, 100, 4_096])
  func allZeroTailsAreFreeSpace(_ zeros: Int) throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      let payloads = Self.payloads(count: 4, seed: 5)
      let offsets = try Self.makeJournal(path, payloads)
      let end = offsets[payloads.count]
      let file = try Self.logicalBytes(path, end) + [UInt8](repeating: 0, count: zeros)
      try EngineFiles.write(file, to: path)
      let (journal, recovery) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      defer { journal.close() }
      #expect(recovery.records.map(\.payload) == payloads)
      #expect(recovery.truncatedBytes == 0 && journal.length == end)
      #expect(try EngineFiles.bytes(path) == file)
      #expect(try journal.append([[7]]) == 5...5)
      #expect(try EngineFiles.bytes(path)[end + 16] == 7)
    }
  }

  /// Inspecting reads records and reports a torn tail without changing the file.
  @Test func inspectChangesNothing() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      #expect(try JournalFile.inspect(path: path, fileSystem: Self.fileSystem) == nil)
      let payloads = Self.payloads(count: 3, seed: 9)
      let offsets = try Self.makeJournal(path, payloads)
      // The torn bytes go at the logical end; the reported count stops at the last non-zero one.
      let torn = try Self.logicalBytes(path, offsets[3]) + [5, 0, 0]
      try EngineFiles.write(torn, to: path)
      let recovery = try #require(try JournalFile.inspect(path: path, fileSystem: Self.fileSystem))
      #expect(recovery.records.map(\.payload) == payloads && recovery.truncatedBytes == 1)
      #expect(try EngineFiles.bytes(path) == torn)
    }
  }

  /// A bad checksum in the last, whole record is damage, not a torn tail.
  @Test func damageInTheLastWholeRecordIsNotTreatedAsTorn() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      let offsets = try Self.makeJournal(path, Self.payloads(count: 4, seed: 6))
      var bytes = try EngineFiles.bytes(path)
      // The last byte of the last record (the file goes on with preallocated zeros).
      bytes[offsets[4] - 1] ^= 0xFF
      try EngineFiles.write(bytes, to: path)
      let error = #expect(throws: StoreError.self) {
        _ = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      }
      #expect(error?.code == .corruptFile && error?.offset == offsets[3])
    }
  }

  /// Salvage mode keeps the records before the damage, copies the damaged file aside and picks the next free copy name.
  @Test func salvageKeepsThePrefixAndACopy() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      let payloads = Self.payloads(count: 6, seed: 7)
      let offsets = try Self.makeJournal(path, payloads)
      var damaged = try EngineFiles.bytes(path)
      damaged[offsets[3] + 17] ^= 0x01
      try EngineFiles.write(damaged, to: path)
      let (journal, recovery) = try JournalFile.open(
        path: path, fileSystem: Self.fileSystem, salvage: true)
      #expect(recovery.records.map(\.payload) == Array(payloads[..<3]))
      #expect(recovery.salvagedFrom == offsets[3])
      #expect(recovery.damagedCopy == path + ".damaged-1")
      #expect(try EngineFiles.bytes(path + ".damaged-1") == damaged)
      #expect(try EngineFiles.mode(path + ".damaged-1") == 0o600)
      #expect(try journal.append([[9]]) == 4...4)
      journal.close()
      let (_, reopened) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      #expect(reopened.records.map(\.payload) == Array(payloads[..<3]) + [[9]])
      var again = try EngineFiles.bytes(path)
      again[offsets[1]] ^= 0x10
      try EngineFiles.write(again, to: path)
      let (_, second) = try JournalFile.open(path: path, fileSystem: Self.fileSystem, salvage: true)
      #expect(second.damagedCopy == path + ".damaged-2" && second.records.count == 1)
    }
  }

  /// Reset leaves a header-only journal with the new base sequence and no temporary files.
  @Test func resetEmptiesTheJournalWithANewBase() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      _ = try Self.makeJournal(path, Self.payloads(count: 3, seed: 8))
      let (journal, _) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      try journal.reset(baseSequence: 50)
      #expect(journal.nextSequence == 50 && journal.length == Self.headerSize)
      #expect(try EngineFiles.bytes(path).count == Self.headerSize)
      #expect(try journal.append([[1], [2]]) == 50...51)
      try journal.synchronize()
      journal.close()
      let (_, recovery) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      #expect(
        recovery.records == [.init(sequence: 50, payload: [1]), .init(sequence: 51, payload: [2])])
      #expect(try EngineFiles.mode(path) == 0o600)
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["journal"])
    }
  }

  /// A newer version, another magic and a short header are refused without changing the file.
  @Test func headersFromOtherFormatsAreRefused() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      _ = try Self.makeJournal(path, [])
      let header = try EngineFiles.bytes(path)
      var newer = header
      newer[8] = 3  // version 2 is the bound journal; 3 is newer
      let checksum = CRC32C.checksum(newer[..<20])
      withUnsafeBytes(of: checksum.littleEndian) { newer.replaceSubrange(20..<24, with: $0) }
      let cases: [([UInt8], StoreError.Code)] = [
        (newer, .newerFormat), (Array("NOTAJRNL".utf8) + header[8...], .unknownFormat),
        (Array(header[..<10]), .corruptFile), ([], .corruptFile),
      ]
      for (bytes, code) in cases {
        try EngineFiles.write(bytes, to: path)
        let error = #expect(throws: StoreError.self) {
          _ = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
        }
        #expect(error?.code == code)
        #expect(try EngineFiles.bytes(path) == bytes)
      }
    }
  }

  /// The bytes of a one-record journal equal the example in `Docs/FileFormat.md`.
  @Test func frameLayoutMatchesTheDocumentedExample() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      let offsets = try Self.makeJournal(path, [Array("hi".utf8)], base: 1)
      let bytes = try Self.logicalBytes(path, offsets[1])
      let hex = bytes.map { String(format: "%02x", $0) }.joined()
      #expect(hex == Self.documentedExample)
    }
  }

  /// The header and one frame (payload "hi", sequence 1) shown in `Docs/FileFormat.md`.
  static let documentedExample =
    "534d4a4f55524e4c010000000100000000000000be398c37"
    + "02000000466800f70100000000000000686944e2c1b9"
}
