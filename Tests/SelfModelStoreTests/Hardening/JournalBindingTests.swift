import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Audit finding 2: a journal is bound to its user; another user's journal is refused.
@Suite struct JournalBindingTests {
  /// Creates alice and bob with the same beliefs and sources and different evidence; with
  /// `compactAlice`, alice's snapshot then covers more records than bob's journal holds.
  static func twoUsers(in folder: StoreTestFolder, compactAlice: Bool) async throws {
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    for user in ["alice", "bob"] as [UserID] { try await StoreFixtures.makeUser(user, in: store) }
    for index in 0..<3 {
      let item = try StoreFixtures.evidence("a\(index)")
      try await store.record(item, for: "alice", at: StoreFixtures.now)
    }
    if compactAlice { try await store.compact("alice") }
    let item = try StoreFixtures.evidence("b0", holds: false)
    try await store.record(item, for: "bob", at: StoreFixtures.now)
  }

  static func journalPath(_ user: UserID, in folder: StoreTestFolder) -> String {
    FileStoreLayout(root: folder.path).folder(for: user).journalPath
  }

  @Test(arguments: [false, true])
  func swappedJournalsAreRefused(compactAlice: Bool) async throws {
    let folder = StoreTestFolder("binding-swap")
    defer { folder.remove() }
    try await Self.twoUsers(in: folder, compactAlice: compactAlice)
    let (alice, bob) = (Self.journalPath("alice", in: folder), Self.journalPath("bob", in: folder))
    let manager = FileManager.default
    try manager.moveItem(atPath: alice, toPath: alice + ".swap")
    try manager.moveItem(atPath: bob, toPath: alice)
    try manager.moveItem(atPath: alice + ".swap", toPath: bob)
    let before = StoreFixtures.allBytes(under: folder.path)
    let store = try await FileStore.reopen(at: folder.path)
    defer { store.close() }
    for user in ["alice", "bob"] as [UserID] {
      let error = await #expect(throws: StoreError.self) { try await store.model(for: user) }
      #expect(error?.code == .corruptFile)
      #expect(error?.path == Self.journalPath(user, in: folder))
    }
    store.close()
    #expect(StoreFixtures.allBytes(under: folder.path) == before, "nothing was reset")
  }

  @Test func aNewJournalIsVersionTwoAndBoundToItsUser() async throws {
    let folder = StoreTestFolder("binding-header")
    defer { folder.remove() }
    try await Self.twoUsers(in: folder, compactAlice: false)
    let bytes = try Array(
      Data(contentsOf: URL(fileURLWithPath: Self.journalPath("bob", in: folder))))
    #expect(bytes[8] == 2 && bytes[9] == 0)
    let digest = SHA256.digest(of: Array("bob".utf8))
    #expect(Array(bytes[20..<28]) == Array(digest.prefix(8)))
  }
}
