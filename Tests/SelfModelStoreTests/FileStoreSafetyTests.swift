import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

@Suite struct FileStoreSafetyTests {
  @Test func aSecondStoreInThisProcessIsLockedOut() async throws {
    let folder = StoreTestFolder("lock")
    defer { folder.remove() }
    let first = try FileStore(at: folder.path)
    let error = #expect(throws: StoreError.self) { try FileStore(at: folder.path) }
    #expect(error?.code == .locked)
    first.close()
    let second = try await FileStore.reopen(at: folder.path)
    second.close()
  }

  @Test func aStoreHeldByAnotherProcessIsLockedOut() async throws {
    let folder = StoreTestFolder("lock-process")
    defer { folder.remove() }
    let child = try ChildProcess(arguments: ["hold", folder.path])
    defer { child.kill() }
    try #require(child.readLine() == "READY")
    let error = #expect(throws: StoreError.self) { try FileStore(at: folder.path) }
    #expect(error?.code == .locked)
    child.kill()
    let store = try await FileStore.reopen(at: folder.path)
    store.close()
  }

  @Test func hundredsOfConcurrentWritersLoseNothing() async throws {
    let folder = StoreTestFolder("concurrency")
    defer { folder.remove() }
    let store = try FileStore(at: folder.path, options: .init(cacheCapacity: 12))
    defer { store.close() }
    let users = try (0..<40).map { try UserID("user-\($0)") }
    for user in users { try await StoreFixtures.makeUser(user, in: store) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for task in 0..<600 {
        group.addTask {
          let item = try StoreFixtures.evidence("t\(task)", holds: task % 2 == 0)
          try await store.record(item, for: users[task % users.count], at: StoreFixtures.now)
        }
      }
      try await group.waitForAll()
    }
    for (index, user) in users.enumerated() {
      let count = try await store.model(for: user).evidence.count
      #expect(count == 15, "user \(index) holds \(count) items")
    }
  }

  @Test(arguments: [
    "../x", "/etc/passwd", "a/../../b", "..", ".", "//", String(repeating: "a", count: 256),
    String(repeating: "../", count: 85),
  ])
  func hostileUserIDsStayInsideTheRoot(raw: String) async throws {
    let folder = StoreTestFolder("traversal")
    defer { folder.remove() }
    let root = folder.child("root")
    let store = try FileStore(at: root)
    let user = try UserID(raw)
    try await StoreFixtures.makeUser(user, in: store)
    try await store.record(try StoreFixtures.evidence("e1"), for: user, at: StoreFixtures.now)
    try await store.compact(user)
    #expect(try await store.users(after: nil, limit: 10).users == [user])
    #expect(try await store.model(for: user).evidence.count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["root"])
    #expect(try await store.deleteUser(user))
    store.close()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["root"])
  }

  @Test func filesAre0600AndFolders0700() async throws {
    let folder = StoreTestFolder("modes")
    defer { folder.remove() }
    let root = folder.child("root")
    let store = try FileStore(at: root, options: .init(compactionRecordThreshold: 2))
    defer { store.close() }
    try await StoreFixtures.makeUser("alice", in: store)
    try checkModes(root, "after create")
    for index in 0..<5 {
      try await store.record(
        try StoreFixtures.evidence("e\(index)"), for: "alice", at: StoreFixtures.now)
    }
    try checkModes(root, "after record and automatic compaction")
    try await store.compact("alice")
    try await store.forget(evidence: "e1", for: "alice")
    try checkModes(root, "after compaction and forget")
  }

  private func checkModes(_ root: String, _ label: String) throws {
    let rootMode = try FileManager.default.attributesOfItem(atPath: root)[.posixPermissions]
    #expect((rootMode as? NSNumber)?.intValue == 0o700, "\(label): root")
    for (path, mode) in try StoreFixtures.modes(under: root) {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
      let wanted = isFolder.boolValue ? 0o700 : 0o600
      #expect(mode == wanted, "\(label): \(path) has mode \(String(mode, radix: 8))")
    }
  }

  @Test func forgetAndDeleteLeaveNoTraceInAnyFile() async throws {
    let folder = StoreTestFolder("privacy")
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    try await StoreFixtures.makeUser("alice", in: store)
    try await store.register(
      [try Source(id: "tracker", kind: .behavior, reliability: 0.5)], for: "alice")
    let secret = "SECRET-\(UUID().uuidString)"
    let item = Evidence(
      id: "s1", belief: StoreFixtures.concise, content: .holds, source: "tracker",
      observedAt: StoreFixtures.now, note: secret)
    try await store.record(item, for: "alice", at: StoreFixtures.now)
    try await store.record(try StoreFixtures.evidence("kept"), for: "alice", at: StoreFixtures.now)
    let marker = Data(secret.utf8)
    #expect(StoreFixtures.allBytes(under: folder.path).range(of: marker) != nil)
    #expect(try await store.forget(source: "tracker", for: "alice") == [item])
    #expect(StoreFixtures.allBytes(under: folder.path).range(of: marker) == nil)
    #expect(try await store.model(for: "alice").evidence.map(\.id) == ["kept"])

    try await StoreFixtures.makeUser("bob", in: store)
    let bobSecret = Evidence(
      id: "b1", belief: StoreFixtures.concise, content: .holds, source: "user",
      observedAt: StoreFixtures.now, note: secret)
    try await store.record(bobSecret, for: "bob", at: StoreFixtures.now)
    #expect(try await store.deleteUser("bob"))
    #expect(StoreFixtures.allBytes(under: folder.path).range(of: marker) == nil)
    let bobFolder = FileStoreLayout(root: folder.path).folder(for: "bob").path
    #expect(!FileManager.default.fileExists(atPath: bobFolder))
  }
}
