import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// A `CATALOGUE` is bound to its store. Another store's is refused
/// (`corruptFile`), an older one than the store published (a rollback) and the same version
/// with other content are `catalogueConflict`, a duplicate key is refused; each error and
/// `verify` name `CATALOGUE`. Old stores keep opening and get an identity.
@Suite struct CatalogueBindingTests {
  static func catalogue(version: Int, baseRate: Double = 0.4) throws -> Catalogue {
    try Catalogue(
      version: version,
      beliefs: [try .binary("preference.concise", statement: "Concise", baseRate: baseRate)],
      sources: [Source(id: "user", kind: .userStated, reliability: 0.9)])
  }

  /// A store at `folder` with catalogue versions `1...latest` published.
  static func store(at folder: StoreTestFolder, publishing latest: Int, baseRate: Double = 0.4)
    async throws
  {
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    for version in 1...latest {
      try await store.publish(try catalogue(version: version, baseRate: baseRate))
    }
    try await store.createUser("alice")
  }

  /// Opens the store at `folder` and returns the error, checking `verify` names `CATALOGUE`.
  static func refusal(_ folder: StoreTestFolder) async throws -> StoreError? {
    let error = await HostileFixture.storeError { try FileStore(at: folder.path).close() }
    let damage = try StoreInspector(root: folder.path).verify()
    #expect(damage.first?.path == folder.child("CATALOGUE"))
    #expect(error?.path == folder.child("CATALOGUE"))
    return error
  }

  @Test func anotherStoresCatalogueIsRefused() async throws {
    let (mine, theirs) = (StoreTestFolder("cat-a"), StoreTestFolder("cat-b"))
    defer {
      mine.remove()
      theirs.remove()
    }
    try await Self.store(at: mine, publishing: 2)
    try await Self.store(at: theirs, publishing: 7, baseRate: 0.9)
    try FileManager.default.removeItem(atPath: mine.child("CATALOGUE"))
    try FileManager.default.copyItem(
      atPath: theirs.child("CATALOGUE"), toPath: mine.child("CATALOGUE"))
    let error = try await Self.refusal(mine)
    #expect(error?.code == .corruptFile)
    #expect(error?.detail?.contains("another store") == true, "\(String(describing: error))")
  }

  @Test func aRolledBackCatalogueIsAConflictNotForeign() async throws {
    let folder = StoreTestFolder("cat-rollback")
    defer { folder.remove() }
    try await Self.store(at: folder, publishing: 1)
    let saved = try Data(contentsOf: URL(fileURLWithPath: folder.child("CATALOGUE")))
    let store = try FileStore(at: folder.path)
    try await store.publish(try Self.catalogue(version: 2))
    store.close()
    try saved.write(to: URL(fileURLWithPath: folder.child("CATALOGUE")))
    let error = try await Self.refusal(folder)
    #expect(error?.code == .catalogueConflict)
    #expect(error?.detail?.contains("older") == true, "\(String(describing: error))")
  }

  @Test func theSameVersionWithOtherContentIsAConflict() async throws {
    let folder = StoreTestFolder("cat-changed")
    defer { folder.remove() }
    try await Self.store(at: folder, publishing: 2)
    let layout = FileStoreLayout(root: folder.path)
    let format = try StoreFormat.read(layout, fileSystem: POSIXFileSystem())
    try CatalogueFile.write(
      try Self.catalogue(version: 2, baseRate: 0.9), layout, store: format.store,
      fileSystem: POSIXFileSystem())
    let error = try await Self.refusal(folder)
    #expect(error?.code == .catalogueConflict)
  }

  @Test func aCatalogueWithADuplicateKeyIsRefused() async throws {
    let folder = StoreTestFolder("cat-duplicate")
    defer { folder.remove() }
    try await Self.store(at: folder, publishing: 1)
    let path = folder.child("CATALOGUE")
    let payload = try #require(
      try SnapshotFile.read(from: path, fileSystem: POSIXFileSystem(), magic: CatalogueFile.magic))
    var text = String(decoding: payload, as: UTF8.self)
    text.removeLast()
    text += #","store":"0"}"#
    try SnapshotFile.write(
      Array(text.utf8), to: path, fileSystem: POSIXFileSystem(), magic: CatalogueFile.magic)
    let error = try await Self.refusal(folder)
    #expect(error?.code == .corruptFile)
    #expect(error?.detail?.contains("store") == true)
  }

  @Test func aDeletedCatalogueIsRefused() async throws {
    let folder = StoreTestFolder("cat-deleted")
    defer { folder.remove() }
    try await Self.store(at: folder, publishing: 1)
    try FileManager.default.removeItem(atPath: folder.child("CATALOGUE"))
    let error = try await Self.refusal(folder)
    #expect(error?.code == .corruptFile)
  }

  /// A store from before the identity (golden v2 with a catalogue) opens, gets an identity and
  /// binds its catalogue, and keeps its catalogue version.
  @Test func anOldStoreGetsAnIdentityOnFirstOpen() async throws {
    let folder = try HostileFixture.golden("golden-v2-catalogue")
    defer { folder.remove() }
    let layout = FileStoreLayout(root: folder.path)
    #expect(try StoreFormat.read(layout, fileSystem: POSIXFileSystem()).store == nil)
    let store = try FileStore(at: folder.path)
    let version = try await store.catalogue().version
    store.close()
    let format = try StoreFormat.read(layout, fileSystem: POSIXFileSystem())
    #expect(format.store?.count == 32)
    #expect(format.catalogue?.version == version)
    let reopened = try await FileStore.reopen(at: folder.path)
    defer { reopened.close() }
    #expect(try await reopened.catalogue().version == version)
    #expect(try StoreInspector(root: folder.path).verify().isEmpty)
  }
}
