import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Journal format 2 (bound to its user): the golden v2 store opens, and a v1 journal still
/// opens and is upgraded to v2 by the next compaction.
@Suite struct JournalVersionTests {
  /// Copies a committed golden store (`golden-v1`, `golden-v2`) to a temporary folder.
  static func goldenCopy(_ name: String) throws -> StoreTestFolder {
    let folder = StoreTestFolder(name)
    let resources = try #require(Bundle.module.resourceURL)
    let source = resources.appendingPathComponent("Resources/\(name)").path
    let exists = FileManager.default.fileExists(atPath: source)
    let golden = exists ? source : resources.appendingPathComponent(name).path
    try FileManager.default.removeItem(atPath: folder.path)
    try FileManager.default.copyItem(atPath: golden, toPath: folder.path)
    return folder
  }

  static func journalVersion(_ user: UserID, in folder: StoreTestFolder) throws -> UInt8 {
    let path = FileStoreLayout(root: folder.path).folder(for: user).journalPath
    return try Array(Data(contentsOf: URL(fileURLWithPath: path)))[8]
  }

  @Test func theGoldenV2StoreOpensWithTheExpectedModel() async throws {
    let folder = try Self.goldenCopy("golden-v2")
    defer { folder.remove() }
    #expect(try Self.journalVersion(GoldenFixture.user, in: folder) == 2)
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    let model = try await store.model(for: GoldenFixture.user)
    #expect(model.evidence.map(\.id.rawValue) == ["g0", "g1", "g2", "g3", "g4", "g5"])
    #expect(model == (try await GoldenFixture.expectedModel()))
    #expect(try await store.model(for: GoldenFixture.tenant).evidence.isEmpty)
  }

  @Test func aVersionOneJournalIsUpgradedByTheNextCompaction() async throws {
    let folder = try Self.goldenCopy("golden-v1")
    defer { folder.remove() }
    #expect(try Self.journalVersion(GoldenFixture.user, in: folder) == 1)
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    let before = try await store.model(for: GoldenFixture.user)
    try await store.compact(GoldenFixture.user)
    #expect(try Self.journalVersion(GoldenFixture.user, in: folder) == 2)
    store.close()
    let reopened = try await FileStore.reopen(at: folder.path)
    defer { reopened.close() }
    #expect(try await reopened.model(for: GoldenFixture.user) == before)
  }
}
