import Foundation
import SelfModelStore
import SelfModelTesting
import Testing

/// Appending, reopening, torn tails, damage and salvage for ``JournalFile``.
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
  /// of each record's start followed by the file length.
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

  /// Cutting the file at every byte of the last three records keeps exactly the whole records, and appends continue with the next sequence number.
  @Test func truncationAtEveryOffsetOfTheLastThreeRecordsKeepsWholeRecords() throws {
    try EngineTemporaryDirectory.with { directory in
      let payloads = Self.payloads(count: 8, seed: 2)
      let offsets = try Self.makeJournal(directory.file("original"), payloads)
      let original = try EngineFiles.bytes(directory.file("original"))
      for cut in offsets[payloads.count - 3]..<original.count {
        let path = directory.file("cut-\(cut)")
        try EngineFiles.write(Array(original[..<cut]), to: path)
        let whole = offsets.lastIndex { $0 <= cut } ?? 0
        let (journal, recovery) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
        #expect(recovery.records.map(\.payload) == Array(payloads[..<whole]))
        #expect(recovery.truncatedBytes == cut - offsets[whole])
        #expect(try journal.append([[0xAB]]) == UInt64(whole + 1)...UInt64(whole + 1))
        journal.close()
        let (_, reopened) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
        #expect(reopened.records.map(\.payload) == Array(payloads[..<whole]) + [[0xAB]])
        #expect(reopened.truncatedBytes == 0)
        try FileManager.default.removeItem(atPath: path)
      }
    }
  }

  /// A damaged byte anywhere after the header (223 seeded positions) is `.corruptFile` at the damaged record, and the file is left as it was.
  @Test func singleByteCorruptionIsAlwaysDetectedAndChangesNothing() throws {
    try EngineTemporaryDirectory.with { directory in
      let payloads = Self.payloads(count: 12, seed: 3)
      let offsets = try Self.makeJournal(directory.file("original"), payloads)
      let original = try EngineFiles.bytes(directory.file("original"))
      var random = EngineTestRandom(seed: 4)
      let path = directory.file("damaged")
      var positions = (0..<220).map { _ in
        Int.random(in: Self.headerSize..<original.count, using: &random)
      }
      positions += [original.count - 1, offsets[payloads.count - 1], Self.headerSize]
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

  /// Zero bytes after the last record are a torn tail and are cut off.
  @Test(arguments: [1, 7, 8, 19, 20, 100, 4_096])
  func allZeroTailsAreTorn(_ zeros: Int) throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      let payloads = Self.payloads(count: 4, seed: 5)
      let offsets = try Self.makeJournal(path, payloads)
      try EngineFiles.write(
        try EngineFiles.bytes(path) + [UInt8](repeating: 0, count: zeros), to: path)
      let (journal, recovery) = try JournalFile.open(path: path, fileSystem: Self.fileSystem)
      defer { journal.close() }
      #expect(recovery.records.map(\.payload) == payloads)
      #expect(recovery.truncatedBytes == zeros)
      #expect(try EngineFiles.bytes(path).count == offsets.last)
    }
  }

  /// Inspecting reads records and reports a torn tail without changing the file.
  @Test func inspectChangesNothing() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      #expect(try JournalFile.inspect(path: path, fileSystem: Self.fileSystem) == nil)
      let payloads = Self.payloads(count: 3, seed: 9)
      _ = try Self.makeJournal(path, payloads)
      let torn = try EngineFiles.bytes(path) + [5, 0, 0]
      try EngineFiles.write(torn, to: path)
      let recovery = try #require(try JournalFile.inspect(path: path, fileSystem: Self.fileSystem))
      #expect(recovery.records.map(\.payload) == payloads && recovery.truncatedBytes == 3)
      #expect(try EngineFiles.bytes(path) == torn)
    }
  }

  /// A bad checksum in the last, whole record is damage, not a torn tail.
  @Test func damageInTheLastWholeRecordIsNotTreatedAsTorn() throws {
    try EngineTemporaryDirectory.with { directory in
      let path = directory.file("journal")
      let offsets = try Self.makeJournal(path, Self.payloads(count: 4, seed: 6))
      var bytes = try EngineFiles.bytes(path)
      bytes[bytes.count - 1] ^= 0xFF
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
      newer[8] = 2
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
      _ = try Self.makeJournal(path, [Array("hi".utf8)], base: 1)
      let bytes = try EngineFiles.bytes(path)
      let hex = bytes.map { String(format: "%02x", $0) }.joined()
      #expect(hex == Self.documentedExample)
    }
  }

  /// The header and one frame (payload "hi", sequence 1) shown in `Docs/FileFormat.md`.
  static let documentedExample =
    "534d4a4f55524e4c010000000100000000000000be398c37"
    + "02000000466800f70100000000000000686944e2c1b9"
}
