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

@Suite struct FileStoreLifecycleTests {
  @Test func shutdownFinishesCallsReleasesTheLockAndRefusesLaterCalls() async throws {
    let folder = StoreTestFolder("shutdown")
    defer { folder.remove() }
    let log = EventLog()
    let store = try FileStore(at: folder.path, options: .init(observer: log.observer))
    try await StoreFixtures.makeUser("alice", in: store)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<8 {
        group.addTask {
          _ = try await store.record(
            try StoreFixtures.evidence("e\(index)"), for: "alice", at: StoreFixtures.now)
        }
      }
      try await group.waitForAll()
    }
    await store.shutdown()
    await store.shutdown()
    store.close()
    #expect(log.of(.closed).count == 1)
    let error = await #expect(throws: StoreError.self) { try await store.model(for: "alice") }
    #expect(error?.code == .closed)
    let reopened = try await FileStore.reopen(at: folder.path)
    defer { reopened.close() }
    #expect(try await reopened.model(for: "alice").evidence.count == 8)
  }

  @Test func shutdownThroughTheProtocol() async throws {
    let stores: [any UserModelStore] = [InMemoryStore()]
    for store in stores {
      try await StoreFixtures.makeUser("alice", in: store)
      await store.shutdown()
    }
    let folder = StoreTestFolder("shutdown-protocol")
    defer { folder.remove() }
    let store: any UserModelStore = try FileStore(at: folder.path)
    await store.shutdown()
    let error = await #expect(throws: StoreError.self) { try await store.contains("alice") }
    #expect(error?.code == .closed)
  }

  @Test func missingParentFoldersAreRefusedByDefault() throws {
    let folder = StoreTestFolder("parents-refused")
    defer { folder.remove() }
    let path = folder.child("a/b/store")
    let error = #expect(throws: StoreError.self) { try FileStore(at: path) }
    #expect(error?.errno == ENOENT)
    #expect(!FileManager.default.fileExists(atPath: folder.child("a")))
  }

  @Test func missingParentFoldersAreCreatedWhenAsked() async throws {
    let folder = StoreTestFolder("parents-created")
    defer { folder.remove() }
    let path = folder.child("a/b/store")
    let store = try FileStore(at: path, options: .init(createsParentFolders: true))
    defer { store.close() }
    try await StoreFixtures.makeUser("alice", in: store)
    let modes = try StoreFixtures.modes(under: folder.path)
    #expect(modes["a"] == 0o700)
    #expect(modes["a/b"] == 0o700)
    #expect(modes["a/b/store"] == 0o700)
    let relative = try FileStore(
      at: "selfmodel-relative-\(UUID().uuidString)/x",
      options: .init(createsParentFolders: true))
    defer { try? FileManager.default.removeItem(atPath: FileIO.parent(of: relative.path)) }
    relative.close()
  }
}
