import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// `selfmodel verify` finds each kind of damage the store's corruption tests create, and the
/// shared `StoreInspector.verify()` agrees.
@Suite struct InspectorVerifyTests {
  enum Damage: String, CaseIterable {
    case journalByteFlip, journalHeader, snapshotByteFlip, userFile, swappedJournals
  }

  /// Applies `damage` to a closed store; returns the file `verify` must name.
  static func apply(_ damage: Damage, to folder: StoreTestFolder) throws -> String {
    let layout = FileStoreLayout(root: folder.path)
    let (alice, bob) = (layout.folder(for: "alice"), layout.folder(for: "bob"))
    switch damage {
    case .journalByteFlip:
      var bytes = try Data(contentsOf: URL(fileURLWithPath: alice.journalPath))
      let recordsEnd = (bytes.lastIndex { $0 != 0 } ?? bytes.count) + 1
      bytes[recordsEnd / 2] ^= 0x40
      try bytes.write(to: URL(fileURLWithPath: alice.journalPath))
      return alice.journalPath
    case .journalHeader:
      var bytes = try Data(contentsOf: URL(fileURLWithPath: alice.journalPath))
      bytes[14] ^= 0x01
      try bytes.write(to: URL(fileURLWithPath: alice.journalPath))
      return alice.journalPath
    case .snapshotByteFlip:
      var bytes = try Data(contentsOf: URL(fileURLWithPath: alice.snapshotPath))
      bytes[bytes.count / 2] ^= 0x40
      try bytes.write(to: URL(fileURLWithPath: alice.snapshotPath))
      return alice.snapshotPath
    case .userFile:
      try Data("mallory".utf8).write(to: URL(fileURLWithPath: alice.idPath))
      return alice.idPath
    case .swappedJournals:
      let manager = FileManager.default
      try manager.moveItem(atPath: alice.journalPath, toPath: alice.journalPath + ".x")
      try manager.moveItem(atPath: bob.journalPath, toPath: alice.journalPath)
      try manager.moveItem(atPath: alice.journalPath + ".x", toPath: bob.journalPath)
      return alice.journalPath
    }
  }

  @Test(arguments: Damage.allCases)
  func verifyReportsTheDamagedFile(damage: Damage) async throws {
    let folder = StoreTestFolder("inspector-verify")
    defer { folder.remove() }
    try await InspectorTests.makeStore(folder)
    let path = try Self.apply(damage, to: folder)
    let result = try InspectorProcess.run([folder.path, "verify", "--json"])
    #expect(result.status == 1)
    let damaged = try result.json()["damaged"] as? [[String: Any]] ?? []
    #expect(damaged.contains { $0["path"] as? String == path }, "\(result.output)")
    let shared = try StoreInspector(root: folder.path).verify().map(\.path)
    #expect(shared.contains(path))
  }
}
