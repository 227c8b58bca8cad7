import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

@Suite struct FileStoreFormatTests {
  /// Copies the committed golden store to a temporary folder (opening locks and may truncate).
  private func goldenCopy() throws -> StoreTestFolder {
    let folder = StoreTestFolder("golden")
    let resources = try #require(Bundle.module.resourceURL)
    let source = resources.appendingPathComponent("Resources/golden-v1").path
    let exists = FileManager.default.fileExists(atPath: source)
    let golden = exists ? source : resources.appendingPathComponent("golden-v1").path
    try FileManager.default.removeItem(atPath: folder.path)
    try FileManager.default.copyItem(atPath: golden, toPath: folder.path)
    return folder
  }

  @Test func theGoldenV1StoreOpensWithTheExpectedEstimates() async throws {
    let folder = try goldenCopy()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    let model = try await store.model(for: GoldenFixture.user)
    let expected = try await GoldenFixture.expectedModel()
    #expect(model.evidence.map(\.id.rawValue) == ["g0", "g1", "g2", "g3", "g4", "g5"])
    #expect(model == expected)
    for key in [GoldenFixture.concise, GoldenFixture.tone] {
      let stored = try model.estimate(for: key, at: GoldenFixture.now).probabilities
      let wanted = try expected.estimate(for: key, at: GoldenFixture.now).probabilities
      for (a, b) in zip(stored, wanted) { #expect(abs(a - b) < 1e-12) }
    }
    let page = try await store.users(after: nil, limit: 10)
    #expect(Set(page.users) == [GoldenFixture.user, GoldenFixture.tenant])
    #expect(try await store.model(for: GoldenFixture.tenant).evidence.isEmpty)
  }

  private func writeFormat(_ text: String, in folder: StoreTestFolder) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder.child("FORMAT")))
  }

  @Test func aNewerStoreFormatIsRefused() throws {
    let folder = StoreTestFolder("newer")
    defer { folder.remove() }
    try writeFormat(#"{"formatVersion":2,"migrations":["v1-initial-layout"]}"#, in: folder)
    let error = #expect(throws: StoreError.self) { try FileStore(at: folder.path) }
    #expect(error?.code == .newerFormat)
    #expect(error?.path?.hasSuffix("FORMAT") == true)
  }

  @Test func anUnknownMigrationIsRefusedAsNewer() throws {
    let folder = StoreTestFolder("newer-migration")
    defer { folder.remove() }
    try writeFormat(#"{"formatVersion":1,"migrations":["v1-initial-layout","v9-x"]}"#, in: folder)
    let error = #expect(throws: StoreError.self) { try FileStore(at: folder.path) }
    #expect(error?.code == .newerFormat)
  }

  @Test func aFolderThatIsNotAStoreIsRefused() throws {
    let folder = StoreTestFolder("foreign")
    defer { folder.remove() }
    try Data("hello".utf8).write(to: URL(fileURLWithPath: folder.child("notes.txt")))
    let error = #expect(throws: StoreError.self) { try FileStore(at: folder.path) }
    #expect(error?.code == .unknownFormat)
    try writeFormat("garbage", in: folder)
    let garbage = #expect(throws: StoreError.self) { try FileStore(at: folder.path) }
    #expect(garbage?.code == .unknownFormat)
  }

  @Test func pendingMigrationsRunOnceAndAreRecorded() async throws {
    let folder = StoreTestFolder("migrate")
    defer { folder.remove() }
    // An "older" store: FORMAT from before the v1 layout step, no users folder.
    try writeFormat(#"{"formatVersion":1,"migrations":[]}"#, in: folder)
    let marker = folder.child("upgraded")
    let upgrade = StoreMigrator.Migration(id: "test-2-marker") {
      root, fileSystem throws(StoreError) in
      let fd = try fileSystem.open(root + "/upgraded", [.write, .create], permissions: 0o600)
      fileSystem.close(fd)
    }
    let migrator = StoreMigrator(migrations: StoreMigrator.standard.migrations + [upgrade])
    let store = try FileStore(at: folder.path, fileSystem: POSIXFileSystem(), migrator: migrator)
    try await StoreFixtures.makeUser("alice", in: store)
    store.close()
    #expect(FileManager.default.fileExists(atPath: marker))
    let format = try String(contentsOfFile: folder.child("FORMAT"), encoding: .utf8)
    #expect(format.contains("v1-initial-layout") && format.contains("test-2-marker"))
    try FileManager.default.removeItem(atPath: marker)
    let again = try await retryingLock {
      try FileStore(at: folder.path, fileSystem: POSIXFileSystem(), migrator: migrator)
    }
    again.close()
    #expect(!FileManager.default.fileExists(atPath: marker), "a migration ran twice")
    let error = await #expect(throws: StoreError.self) {
      try await FileStore.reopen(at: folder.path)
    }
    #expect(error?.code == .newerFormat)
  }

  /// Makes a store with one user whose journal holds several records; returns the journal path.
  private func storeWithJournal(_ folder: StoreTestFolder) async throws -> String {
    let store = try FileStore(at: folder.path)
    try await StoreFixtures.makeUser("alice", in: store)
    for index in 0..<6 {
      try await store.record(
        try StoreFixtures.evidence("e\(index)"), for: "alice", at: StoreFixtures.now)
    }
    store.close()
    return FileStoreLayout(root: folder.path).folder(for: "alice").journalPath
  }

  @Test func damageIsReportedWithFileAndOffsetAndChangesNothing() async throws {
    let folder = StoreTestFolder("damage")
    defer { folder.remove() }
    let journal = try await storeWithJournal(folder)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
    // The journal is preallocated: damage the middle of its records, not of the file (whose
    // second half is zero-filled free space).
    let recordsEnd = (bytes.lastIndex { $0 != 0 } ?? bytes.count) + 1
    bytes[recordsEnd / 2] ^= 0x40
    try bytes.write(to: URL(fileURLWithPath: journal))
    let store = try await FileStore.reopen(at: folder.path)
    let error = await #expect(throws: StoreError.self) { try await store.model(for: "alice") }
    store.close()
    #expect(error?.code == .corruptFile)
    #expect(error?.path == journal)
    #expect(error?.offset != nil)
    #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == bytes)

    let salvaging = try await FileStore.reopen(at: folder.path, options: .init(recovery: .salvage))
    defer { salvaging.close() }
    let prefix = try await salvaging.model(for: "alice").evidence.count
    #expect(prefix < 6)
    let names = try FileManager.default.contentsOfDirectory(atPath: FileIO.parent(of: journal))
    #expect(names.contains { $0.hasPrefix("journal.damaged-") })
    try await salvaging.record(
      try StoreFixtures.evidence("after"), for: "alice", at: StoreFixtures.now)
    #expect(try await salvaging.model(for: "alice").evidence.count == prefix + 1)
  }

  @Test func aTornTailIsCutAndTheRestLoads() async throws {
    let folder = StoreTestFolder("torn")
    defer { folder.remove() }
    let journal = try await storeWithJournal(folder)
    // The journal is preallocated: a torn append lands at its logical end, in the zero-filled
    // free space, not at the end of the file.
    let (file, _) = try JournalFile.open(path: journal, fileSystem: POSIXFileSystem())
    let end = file.length
    file.close()
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
    try handle.seek(toOffset: UInt64(end))
    try handle.write(contentsOf: Data([0x30, 0, 0, 0, 0x11, 0x22]))
    try handle.close()
    let store = try await FileStore.reopen(at: folder.path)
    defer { store.close() }
    #expect(try await store.model(for: "alice").evidence.count == 6)
  }
}
