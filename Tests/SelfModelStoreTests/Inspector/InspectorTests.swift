import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// The `selfmodel` binary end to end: every command on a real store, and `verify` on each kind
/// of damage the store's corruption tests create.
@Suite struct InspectorTests {
  /// A closed store with alice (three records in the journal) and bob.
  static func makeStore(_ folder: StoreTestFolder) async throws {
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    for user in ["alice", "bob"] as [UserID] { try await StoreFixtures.makeUser(user, in: store) }
    for index in 0..<3 {
      let item = try StoreFixtures.evidence("a\(index)", holds: index != 1)
      try await store.record(item, for: "alice", at: StoreFixtures.now)
    }
    try await store.record(
      try StoreFixtures.evidence("b0", holds: false), for: "bob", at: StoreFixtures.now)
  }

  static let at = ["--at", "\(StoreFixtures.now.timeIntervalSince1970)"]

  @Test func readCommandsDescribeTheStore() async throws {
    let folder = StoreTestFolder("inspector-read")
    defer { folder.remove() }
    try await Self.makeStore(folder)
    let users = try InspectorProcess.run([folder.path, "users", "--json"])
    #expect(users.status == 0)
    #expect(Set(try users.json()["users"] as? [String] ?? []) == ["alice", "bob"])
    let show = try InspectorProcess.run([folder.path, "show", "alice"] + Self.at)
    #expect(show.status == 0)
    #expect(show.output.contains("preference.concise") && show.output.contains("95% INTERVAL"))
    let explain = try InspectorProcess.run(
      [folder.path, "explain", "alice", "preference.concise", "--json"] + Self.at)
    #expect(explain.status == 0)
    #expect((try explain.json()["contributions"] as? [Any])?.count == 3)
    #expect(try InspectorProcess.run([folder.path, "verify"]).status == 0)
    let missing = try InspectorProcess.run([folder.path, "show", "nobody"])
    #expect(missing.status == 1 && missing.output.contains("userNotFound"))
    #expect(try InspectorProcess.run([folder.path, "frobnicate"]).status == 2)
  }

  @Test func exportImportAndCompactRoundTrip() async throws {
    let (source, target) = (StoreTestFolder("inspector-src"), StoreTestFolder("inspector-dst"))
    defer {
      source.remove()
      target.remove()
    }
    try await Self.makeStore(source)
    try FileStore(at: target.path).close()
    let export = try InspectorProcess.run([source.path, "export", "alice"])
    #expect(export.status == 0)
    let file = target.child("alice.json")
    try Data(export.output.utf8).write(to: URL(fileURLWithPath: file))
    let imported = try InspectorProcess.run([target.path, "import", file])
    #expect(imported.status == 0, "\(imported.output)")
    #expect(try InspectorProcess.run([target.path, "compact", "alice"]).status == 0)
    let store = try await FileStore.reopen(at: target.path)
    defer { store.close() }
    #expect(try await store.model(for: "alice").evidence.map(\.id) == ["a0", "a1", "a2"])
  }

  @Test func readCommandsWorkWhileAStoreHoldsTheFolderAndWritesRefuse() async throws {
    let folder = StoreTestFolder("inspector-held")
    defer { folder.remove() }
    try await Self.makeStore(folder)
    let store = try await FileStore.reopen(at: folder.path)
    defer { store.close() }
    try await store.record(
      try StoreFixtures.evidence("a9"), for: "alice", at: StoreFixtures.now)
    let verify = try InspectorProcess.run([folder.path, "verify"])
    #expect(verify.status == 0, "\(verify.output)")
    let export = try InspectorProcess.run([folder.path, "export", "alice"])
    #expect(export.output.contains("\"a9\""))
    let compact = try InspectorProcess.run([folder.path, "compact", "alice"])
    #expect(compact.status == 1 && compact.output.contains("locked"))
  }
}
