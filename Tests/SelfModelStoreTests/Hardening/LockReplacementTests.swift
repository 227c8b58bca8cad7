import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Audit finding 4: a store whose `LOCK` is deleted or replaced stops writing, so a second
/// store that then opens the folder is its only writer.
@Suite struct LockReplacementTests {
  @Test(arguments: [false, true])
  func aStoreWhoseLockIsGoneStopsWriting(replace: Bool) async throws {
    let folder = StoreTestFolder("lock-replaced")
    defer { folder.remove() }
    let first = try FileStore(at: folder.path)
    defer { first.close() }
    try await StoreFixtures.makeUser("alice", in: first)
    try await first.record([try StoreFixtures.evidence("a0")], for: "alice", at: StoreFixtures.now)
    try FileManager.default.removeItem(atPath: folder.child("LOCK"))
    if replace { try Data().write(to: URL(fileURLWithPath: folder.child("LOCK"))) }
    let second = try FileStore(at: folder.path)
    defer { second.close() }
    try await second.record(
      [try StoreFixtures.evidence("b0")], for: "alice", at: StoreFixtures.now)
    let error = await #expect(throws: StoreError.self) {
      try await first.record(
        [try StoreFixtures.evidence("a1")], for: "alice", at: StoreFixtures.now)
    }
    #expect(error?.code == .storeFailed)
    #expect(first.failure?.code == .locked)
    #expect(try await first.model(for: "alice").evidence.count == 1, "reads still work")
    try await second.record(
      [try StoreFixtures.evidence("b1")], for: "alice", at: StoreFixtures.now)
    first.close()
    second.close()
    let reopened = try await FileStore.reopen(at: folder.path)
    defer { reopened.close() }
    let ids = try await reopened.model(for: "alice").evidence.map(\.id.rawValue)
    #expect(ids == ["a0", "b0", "b1"])
  }
}
