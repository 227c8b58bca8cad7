import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// `verify` checks `FORMAT`; a deleted journal and a snapshot
/// claiming more than its journal holds are typed errors (strict loading writes nothing), and
/// `verify` names the file.
@Suite struct MissingFileTests {
  @Test(arguments: ["not json\n", #"{"formatVersion":99,"migrations":[]}"#])
  func verifyReportsABadFormatFile(_ contents: String) async throws {
    let folder = StoreTestFolder("bad-format")
    defer { folder.remove() }
    try await HostileFixture.store(in: folder).close()
    try Data(contents.utf8).write(to: URL(fileURLWithPath: folder.child("FORMAT")))
    let damage = try StoreInspector(root: folder.path).verify()
    #expect(damage.first?.path == folder.child("FORMAT"))
    let run = try InspectorProcess.run([folder.path, "verify"])
    #expect(run.status != 0)
    #expect(run.output.contains("FORMAT"))
  }

  @Test func aDeletedJournalIsReportedNotSilentlyLost() async throws {
    let folder = StoreTestFolder("missing-journal")
    defer { folder.remove() }
    try await HostileFixture.store(in: folder).close()
    let alice = HostileFixture.folder("alice", in: folder.path)
    try FileManager.default.removeItem(atPath: alice.journalPath)
    let before = StoreFixtures.allBytes(under: folder.path)
    let store = try await FileStore.reopen(at: folder.path)
    let error = await HostileFixture.storeError { _ = try await store.model(for: "alice") }
    store.close()
    #expect(error?.code == .corruptFile)
    #expect(error?.path == alice.journalPath)
    #expect(StoreFixtures.allBytes(under: folder.path) == before)
    #expect(try StoreInspector(root: folder.path).verify().map(\.path) == [alice.journalPath])
    // Salvage opens the user from its snapshot and starts a new journal.
    let salvaging = try await FileStore.reopen(
      at: folder.path, options: .init(recovery: .salvage))
    defer { salvaging.close() }
    #expect(try await salvaging.model(for: "alice").evidenceCount >= 0)
  }

  @Test func aSnapshotClaimingMoreThanTheJournalChangesNothingOnDisk() async throws {
    let folder = StoreTestFolder("snapshot-ahead")
    defer { folder.remove() }
    try await HostileFixture.store(in: folder).close()
    let alice = HostileFixture.folder("alice", in: folder.path)
    let fileSystem = POSIXFileSystem()
    let payload = try #require(
      try SnapshotFile.read(from: alice.snapshotPath, fileSystem: fileSystem))
    var stored = try StoredSnapshot.decode(payload, path: alice.snapshotPath)
    stored.coveredSequence += 100
    try SnapshotFile.write(
      try stored.encoded(path: alice.snapshotPath), to: alice.snapshotPath,
      fileSystem: fileSystem)
    let before = StoreFixtures.allBytes(under: folder.path)
    let store = try await FileStore.reopen(at: folder.path)
    let error = await HostileFixture.storeError { _ = try await store.model(for: "alice") }
    store.close()
    #expect(error?.code == .corruptFile)
    #expect(error?.path == alice.journalPath)
    #expect(StoreFixtures.allBytes(under: folder.path) == before)
    #expect(try StoreInspector(root: folder.path).verify().map(\.path) == [alice.journalPath])
  }
}

/// A snapshot written before it named its journal (the golden stores) still loads without
/// its journal, which is created empty, as before.
@Suite struct LegacyMissingJournalTests {
  @Test func aLegacySnapshotWithoutItsJournalStillLoads() async throws {
    let folder = try HostileFixture.golden("golden-v2")
    defer { folder.remove() }
    let page = try StoreInspector(root: folder.path).users()
    let user = try #require(page.users.first)
    let files = HostileFixture.folder(user, in: folder.path)
    try FileManager.default.removeItem(atPath: files.journalPath)
    let store = try await FileStore.reopen(at: folder.path)
    defer { store.close() }
    _ = try await store.model(for: user)
    #expect(FileManager.default.fileExists(atPath: files.journalPath))
  }
}
