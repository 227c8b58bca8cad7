import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One stray or foreign entry never fails other users or the
/// store, and a failed `createUser` leaves no user behind.
@Suite struct StrayEntryTests {
  /// Item 2: a stray folder inside a user's folder does not make erasure fail.
  @Test func aStrayFolderInAUserFolderDoesNotFailErasure() async throws {
    let folder = StoreTestFolder("stray-folder")
    defer { folder.remove() }
    let store = try await HostileFixture.store(in: folder)
    defer { store.close() }
    let alice = HostileFixture.folder("alice", in: folder.path)
    try FileManager.default.createDirectory(
      atPath: alice.path + "/stray/inner", withIntermediateDirectories: true)
    let forgotten = try await store.forget(evidence: "e0", for: "alice")
    #expect(forgotten?.id == "e0")
    #expect(store.failure == nil)
    #expect(try await store.deleteUser("alice"))
    #expect(store.failure == nil)
    #expect(!FileManager.default.fileExists(atPath: alice.path))
    try await store.record(try StoreFixtures.evidence("more"), for: "bob", at: StoreFixtures.now)
  }

  /// Item 3: a regular file named like a shard folder is reported, the others are listed.
  @Test func aFileNamedLikeAShardIsReportedAndTheOthersListed() async throws {
    let folder = StoreTestFolder("stray-shard")
    defer { folder.remove() }
    let store = try await HostileFixture.store(in: folder)
    defer { store.close() }
    let used = Set(
      ["alice", "bob"].map { HostileFixture.folder($0, in: folder.path).hash.prefix(2) })
    let name = (0..<256).map { String(format: "%02x", $0) }.first { !used.contains(Substring($0)) }
    let shard = folder.child("users/" + (name ?? "zz"))
    try Data("x".utf8).write(to: URL(fileURLWithPath: shard))
    let page = try await store.users(after: nil, limit: 10)
    #expect(Set(page.users) == ["alice", "bob"])
    #expect(page.damaged == [shard])
  }

  /// Item 3: a file where a new user's folder goes fails that user only, with a typed error.
  @Test func aFileInTheWayOfANewUserFailsThatUserOnly() async throws {
    let folder = StoreTestFolder("stray-user")
    defer { folder.remove() }
    let store = try await HostileFixture.store(in: folder)
    defer { store.close() }
    let carol = HostileFixture.folder("carol", in: folder.path)
    try FileManager.default.createDirectory(
      atPath: carol.shardPath, withIntermediateDirectories: true)
    try Data("in the way".utf8).write(to: URL(fileURLWithPath: carol.path))
    let error = await HostileFixture.storeError { try await store.createUser("carol") }
    #expect(error?.code == .corruptFile)
    #expect(error?.path == carol.path)
    #expect(store.failure == nil)
    try await store.createUser("dave")
    try await store.record(try StoreFixtures.evidence("more"), for: "bob", at: StoreFixtures.now)
  }

  /// Item 11: a `createUser` that throws leaves no user, on a real, nearly full file system.
  /// Needs root to mount a 64 KiB tmpfs; skipped otherwise.
  @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
  func aCreateThatThrowsOnAFullDiskLeavesNoUser() async throws {
    let folder = StoreTestFolder("full-create")
    defer { folder.remove() }
    guard mount("tmpfs", folder.path, "tmpfs", 0, "size=64k") == 0 else {
      Issue.record("mounting a tmpfs needs root")
      return
    }
    defer { umount(folder.path) }
    let root = folder.child("store")
    let store = try FileStore(at: root)
    var created: [UserID] = []
    var refused: [UserID] = []
    for index in 0..<200 {
      let user = try UserID("user-\(index)")
      if let error = await HostileFixture.storeError({ try await store.createUser(user) }) {
        #expect(error.code == .diskFull)
        refused.append(user)
        if refused.count == 5 { break }
      } else {
        created.append(user)
      }
    }
    store.close()
    #expect(!refused.isEmpty)
    let reopened = try await FileStore.reopen(at: root)
    defer { reopened.close() }
    for user in refused { #expect(try await !reopened.contains(user), "\(user)") }
    for user in created { _ = try await reopened.model(for: user) }
  }
}
