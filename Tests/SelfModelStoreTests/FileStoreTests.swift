import Foundation
import SelfModel
import SelfModelTesting
import Synchronization
import Testing

@testable import SelfModelStore

@Suite struct FileStoreTests {
  @Test(arguments: Durability.allCases)
  func passesTheStoreConformanceSuite(durability: Durability) async throws {
    let folder = StoreTestFolder("conformance")
    defer { folder.remove() }
    let counter = Mutex(0)
    try await StoreConformance.run {
      let index = counter.withLock { value in
        value += 1
        return value
      }
      return try FileStore(at: folder.child("\(index)"), options: .init(durability: durability))
    }
  }

  @Test func reopeningKeepsEverything() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    try await StoreFixtures.makeUser("alice", in: store)
    try await store.record(try StoreFixtures.evidence("e1"), for: "alice", at: StoreFixtures.now)
    let before = try await store.model(for: "alice")
    store.close()
    let reopened = try await FileStore.reopen(at: folder.path)
    defer { reopened.close() }
    #expect(try await reopened.model(for: "alice") == before)
  }

  @Test func compactionKeepsTheModelAndEmptiesTheJournal() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let options = FileStore.Options(compactionRecordThreshold: 5)
    let store = try FileStore(at: folder.path, options: options)
    try await StoreFixtures.makeUser("alice", in: store)
    for index in 0..<12 {
      try await store.record(
        try StoreFixtures.evidence("e\(index)"), for: "alice", at: StoreFixtures.now)
    }
    let before = try await store.model(for: "alice")
    try await store.compact("alice")
    store.close()
    let journal = FileStoreLayout(root: folder.path).folder(for: "alice").journalPath
    let size = try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int
    #expect((size ?? 0) < 64)
    let reopened = try await FileStore.reopen(at: folder.path, options: options)
    defer { reopened.close() }
    #expect(try await reopened.model(for: "alice") == before)
  }

  @Test func aClosedStoreRefusesCalls() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    store.close()
    store.close()
    await #expect(throws: StoreError.self) { try await store.createUser("alice") }
    let error = await #expect(throws: StoreError.self) {
      try await store.users(after: nil, limit: 1)
    }
    #expect(error?.code == .closed)
  }

  @Test func invalidOptionsAreRefused() throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let error = #expect(throws: StoreError.self) {
      try FileStore(at: folder.path, options: .init(workerCount: 0))
    }
    #expect(error?.code == .invalidArgument)
  }
}
