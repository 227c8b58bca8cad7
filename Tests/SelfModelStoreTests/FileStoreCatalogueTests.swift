import Foundation
import SelfModel
import SelfModelStoreFaults
import SelfModelTesting
import Testing

@testable import SelfModelStore

/// `FileStore`'s catalogue: the `CATALOGUE` file, publishing across reopen, migration of a
/// version-1 folder, the golden version-2 folder, and every way the file can be wrong.
@Suite struct FileStoreCatalogueTests {
  private func golden(_ name: String) throws -> StoreTestFolder {
    let folder = StoreTestFolder(name)
    let resources = try #require(Bundle.module.resourceURL)
    let nested = resources.appendingPathComponent("Resources/\(name)").path
    let source =
      FileManager.default.fileExists(atPath: nested)
      ? nested : resources.appendingPathComponent(name).path
    try FileManager.default.removeItem(atPath: folder.path)
    try FileManager.default.copyItem(atPath: source, toPath: folder.path)
    return folder
  }

  private func tree(_ path: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let manager = FileManager.default
    for case let relative as String in manager.enumerator(atPath: path) ?? .init() {
      var isDirectory: ObjCBool = false
      _ = manager.fileExists(atPath: path + "/" + relative, isDirectory: &isDirectory)
      if !isDirectory.boolValue {
        result[relative] = manager.contents(atPath: path + "/" + relative) ?? Data()
      }
    }
    return result
  }

  @Test func aPublishedCatalogueSurvivesReopenAndReachesEveryUser() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    try await CatalogueFixture.build(in: store)
    let before = try await store.model(for: CatalogueFixture.user)
    store.close()
    let reopened = try FileStore(at: folder.path)
    defer { reopened.close() }
    #expect(try await reopened.catalogue() == (try await InMemoryStore.catalogueAfterBuild()))
    #expect(try await reopened.model(for: CatalogueFixture.user) == before)
    #expect(before == (try await CatalogueFixture.expectedModel()))
  }

  @Test func theGoldenVersionTwoStoreOpensWithTheExpectedModels() async throws {
    let folder = try golden("golden-v2-catalogue")
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    let model = try await store.model(for: CatalogueFixture.user)
    let expected = try await CatalogueFixture.expectedModel()
    #expect(model == expected)
    #expect(model.evidence.map(\.id.rawValue) == ["c0", "c1", "c2", "c3", "c4", "c5", "c7"])
    #expect(model.definition(for: CatalogueFixture.emoji) == nil, "emoji was retired")
    #expect(model.ownBeliefs.map(\.key) == [CatalogueFixture.jazz])
    for key in [CatalogueFixture.concise, CatalogueFixture.tone, CatalogueFixture.jazz] {
      let stored = try model.estimate(for: key, at: CatalogueFixture.now).probabilities
      let wanted = try expected.estimate(for: key, at: CatalogueFixture.now).probabilities
      for (a, b) in zip(stored, wanted) { #expect(abs(a - b) < 1e-12) }
    }
    #expect(try await store.model(for: CatalogueFixture.empty).evidence.isEmpty)
  }

  @Test func aVersionOneFolderIsMigratedAndTakesACatalogue() async throws {
    let folder = try golden("golden-v1")
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    #expect(try await store.catalogue() == .empty)
    let format = try String(contentsOfFile: folder.child("FORMAT"), encoding: .utf8)
    #expect(format.contains("v2-catalogue"))
    let old = try await store.model(for: GoldenFixture.user)
    // The app now declares what every old user declared for itself.
    let catalogue = try Catalogue(
      version: 1, beliefs: old.beliefs, sources: old.sources, policy: old.policy)
    try await store.publish(catalogue)
    let migrated = try await store.model(for: GoldenFixture.user)
    #expect(migrated.beliefs == catalogue.beliefs && migrated.sources == catalogue.sources)
    for key in [GoldenFixture.concise, GoldenFixture.tone] {
      #expect(
        try migrated.estimate(for: key, at: GoldenFixture.now)
          == old.estimate(for: key, at: GoldenFixture.now))
    }
    try await store.compact(GoldenFixture.user)
    store.close()
    let reopened = try FileStore(at: folder.path)
    defer { reopened.close() }
    let stored = try await reopened.model(for: GoldenFixture.user)
    #expect(stored == migrated)
    #expect(stored.snapshot.catalogueVersion == 1)
  }

  @Test(arguments: [
    ("damaged", StoreError.Code.corruptFile),
    ("cut", StoreError.Code.corruptFile),
    ("foreign", StoreError.Code.unknownFormat),
    ("newer frame", StoreError.Code.newerFormat),
    ("newer document", StoreError.Code.newerFormat),
    ("invalid document", StoreError.Code.corruptFile),
  ])
  func aBadCatalogueFileRefusesToOpenAndChangesNothing(
    _ damage: String, _ code: StoreError.Code
  ) async throws {
    let folder = try golden("golden-v2-catalogue")
    defer { folder.remove() }
    let path = folder.child("CATALOGUE")
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    switch damage {
    case "damaged": bytes[bytes.count - 5] ^= 0x40
    case "cut": bytes = bytes.prefix(40)
    case "foreign": bytes = Data(String(repeating: "{\"not\": \"a catalogue\"}", count: 3).utf8)
    case "newer frame": bytes[8] = 9
    default:
      let payload = try JSONSerialization.jsonObject(with: bytes.dropFirst(28)) as? [String: Any]
      var edited = try #require(payload)
      if damage == "newer document" { edited["formatVersion"] = 7 } else { edited["version"] = -2 }
      let json = try JSONSerialization.data(withJSONObject: edited)
      try SnapshotFile.write(
        Array(json), to: path, fileSystem: POSIXFileSystem(), magic: CatalogueFile.magic)
      bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    try bytes.write(to: URL(fileURLWithPath: path))
    let before = try tree(folder.path)
    #expect {
      _ = try FileStore(at: folder.path)
    } throws: { error in
      (error as? StoreError)?.code == code
    }
    #expect(try tree(folder.path) == before)
  }

  @Test func aFailedPublishKeepsTheCatalogueOnDisk() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let fileSystem = FaultInjectingFileSystem()
    let store = try FileStore(at: folder.path, fileSystem: fileSystem)
    defer { store.close() }
    let first = try CatalogueFixture.catalogue(version: 1)
    try await store.publish(first)
    fileSystem.inject(.error(ENOSPC), atCall: 1, of: .write)
    await #expect(throws: StoreError.self) {
      try await store.publish(try CatalogueFixture.catalogue(version: 2))
    }
    #expect(try await store.catalogue() == first)
    #expect(
      try CatalogueFile.read(FileStoreLayout(root: folder.path), fileSystem: fileSystem) == first)
    try await store.publish(try CatalogueFixture.catalogue(version: 2))
    #expect(try await store.catalogue().version == 2)
  }

  @Test func aClosedStoreRefusesToPublish() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    store.close()
    await #expect(throws: StoreError.self) {
      try await store.publish(try CatalogueFixture.catalogue(version: 1))
    }
  }

  @Test func anEmptyUserCostsLessThanOneKibibyteOfFileContent() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    let many = try (0..<847).map {
      try BeliefDefinition.binary(BeliefKey("b\($0)"), statement: "Belief \($0)")
    }
    try await store.publish(try Catalogue(version: 1, beliefs: many))
    try await store.createUser("u")
    let files = try tree(folder.path).filter { $0.key.hasPrefix("users/") }
    let content = files.filter { !$0.key.hasSuffix("/journal") }.values.map(\.count).reduce(0, +)
    #expect(files.count == 3 && content < 1_024, "\(files.mapValues(\.count))")
  }
}

extension InMemoryStore {
  /// The catalogue ``CatalogueFixture/build(in:)`` leaves in force.
  static func catalogueAfterBuild() async throws -> Catalogue {
    let store = InMemoryStore()
    try await CatalogueFixture.build(in: store)
    return try await store.catalogue()
  }
}

/// Moving users between stores with different catalogues.
@Suite struct FileStoreCatalogueImportTests {
  @Test func anExportFromANewerCatalogueIsRefusedAndChangesNothing() async throws {
    let (source, target) = (StoreTestFolder(), StoreTestFolder())
    defer {
      source.remove()
      target.remove()
    }
    let newer = try FileStore(at: source.path)
    defer { newer.close() }
    try await CatalogueFixture.build(in: newer)
    let document = try await newer.exportUser(CatalogueFixture.user)
    let older = try FileStore(at: target.path)
    defer { older.close() }
    try await older.publish(try CatalogueFixture.catalogue(version: 1))
    await #expect {
      _ = try await older.importUser(document, replacing: false)
    } throws: { error in
      (error as? StoreError)?.code == .catalogueConflict
    }
    #expect(try await !older.contains(CatalogueFixture.user))
    #expect(try await older.users(after: nil, limit: 10).users.isEmpty)
    // Once the newer version is published there, the same document imports.
    try await older.publish(try CatalogueFixture.catalogue(version: 2))
    #expect(try await older.importUser(document, replacing: false) == CatalogueFixture.user)
    #expect(
      try await older.model(for: CatalogueFixture.user)
        == newer.model(for: CatalogueFixture.user))
  }
}

/// The same catalogue history gives the same user whether the user was cached, compacted or
/// reloaded along the way (found by an outside review: it once depended on compaction).
@Suite struct FileStoreCataloguePathTests {
  static let z: BeliefKey = "z"

  static func history(compactInBetween: Bool, reopenInBetween: Bool) async throws -> UserModel {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    var store = try FileStore(at: folder.path)
    let concise = try BeliefDefinition.binary("preference.concise", statement: "Concise")
    let source = try Source(id: "s", kind: .behavior, reliability: 0.5)
    try await store.publish(try Catalogue(version: 1, beliefs: [concise]))
    try await store.createUser(
      "u", beliefs: [try .binary(z, statement: "Mine")], sources: [source], policy: nil)
    try await store.record(
      Evidence(
        id: "z1", belief: z, content: .holds, weight: 3, source: "s",
        observedAt: StoreFixtures.now),
      for: "u", at: StoreFixtures.now)
    try await store.publish(
      try Catalogue(
        version: 2, beliefs: [concise, try .binary(z, statement: "Theirs")], sources: [source]))
    _ = try await store.model(for: "u")
    if compactInBetween { try await store.compact("u") }
    if reopenInBetween {
      store.close()
      store = try FileStore(at: folder.path)
    }
    try await store.publish(try Catalogue(version: 3, beliefs: [concise]))
    let live = try await store.model(for: "u")
    store.close()
    let reopened = try FileStore(at: folder.path)
    defer { reopened.close() }
    #expect(try await reopened.model(for: "u") == live)
    return live
  }

  @Test func cachedCompactedAndReloadedUsersAgree() async throws {
    let plain = try await Self.history(compactInBetween: false, reopenInBetween: false)
    let compacted = try await Self.history(compactInBetween: true, reopenInBetween: false)
    let reloaded = try await Self.history(compactInBetween: false, reopenInBetween: true)
    #expect(plain == compacted && plain == reloaded)
    #expect(plain.definition(for: Self.z)?.statement == "Mine")
    #expect(try plain.estimate(for: Self.z, at: StoreFixtures.now).totalEvidence == 1.5)
  }
}
