import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Audit finding 1: a write too large for one journal record is refused without writing and
/// without poisoning the store.
@Suite struct OversizedWriteTests {
  /// 2,000 items, each within the documented limits (32 metadata entries, 128-byte keys,
  /// 1 KiB values): about 74 MB encoded, over the 64 MiB record limit.
  static func oversizedBatch() throws -> [Evidence] {
    let value = String(repeating: "v", count: 1_024)
    return try (0..<2_000).map { index in
      var metadata: [String: String] = [:]
      for entry in 0..<32 {
        let prefix = "k\(entry)-"
        metadata[prefix + String(repeating: "x", count: 128 - prefix.utf8.count)] = value
      }
      return Evidence(
        id: try EvidenceID("big-\(index)"), belief: StoreFixtures.concise, content: .holds,
        source: "user", observedAt: StoreFixtures.now.addingTimeInterval(-60), metadata: metadata)
    }
  }

  @Test func anOversizedRecordIsRefusedAndTheStoreKeepsWriting() async throws {
    let folder = StoreTestFolder("oversized-record")
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    try await StoreFixtures.makeUser("alice", in: store)
    try await StoreFixtures.makeUser("bob", in: store)
    let error = await #expect(throws: StoreError.self) {
      try await store.record(try Self.oversizedBatch(), for: "alice", at: StoreFixtures.now)
    }
    #expect(error?.code == .invalidArgument)
    #expect(store.failure == nil)
    // Nothing of the refused batch stays in the cached model, and both users still write.
    #expect(try await store.model(for: "alice").evidence.isEmpty)
    try await store.record([try StoreFixtures.evidence("a1")], for: "alice", at: StoreFixtures.now)
    try await store.record([try StoreFixtures.evidence("b1")], for: "bob", at: StoreFixtures.now)
    store.close()
    let reopened = try await FileStore.reopen(at: folder.path)
    defer { reopened.close() }
    #expect(try await reopened.model(for: "alice").evidence.map(\.id) == ["a1"])
  }

  @Test func anOversizedDeclarationIsRefusedAndTheStoreKeepsWriting() async throws {
    let folder = StoreTestFolder("oversized-declare")
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    try await StoreFixtures.makeUser("alice", in: store)
    // About 89 bytes of JSON per outcome: 780,000 outcomes encode to over 64 MiB.
    let padding = String(repeating: "o", count: 56)
    let outcomes = (0..<780_000).map { "\(padding)\($0)" }
    let huge = try BeliefDefinition(key: "huge", statement: "Huge", outcomes: outcomes)
    let error = await #expect(throws: StoreError.self) {
      try await store.declare([huge], for: "alice")
    }
    #expect(error?.code == .invalidArgument)
    #expect(store.failure == nil)
    #expect(try await store.model(for: "alice").beliefs.count == 1)
    try await store.record([try StoreFixtures.evidence("a1")], for: "alice", at: StoreFixtures.now)
  }
}
