import Foundation
import SelfModel
import SelfModelStoreFaults
import Testing

@testable import SelfModelStore

/// Fault injection at each I/O call of a FileStore workload in turn: no acknowledged loss, no
/// trap, and a consistent store after reopening without faults.
@Suite struct FileStoreFaultTests {
  /// What the workload was told succeeded.
  struct Acknowledged {
    var users: Set<UserID> = []
    var deleted: Set<UserID> = []
    var evidence: [UserID: Set<String>] = [:]
    var forgotten: Set<String> = []
    /// Forgets and deletes that were attempted: an unacknowledged one may still have happened.
    var mayBeForgotten: Set<String> = []
    var mayBeDeleted: Set<UserID> = []
  }

  static let options = FileStore.Options(compactionRecordThreshold: 3)

  /// Creates two users, records (with automatic compaction), forgets, compacts, deletes.
  static func workload(_ store: FileStore, _ acks: inout Acknowledged) async {
    for user in ["alice", "bob"] as [UserID] {
      if (try? await StoreFixtures.makeUser(user, in: store)) != nil { acks.users.insert(user) }
    }
    for index in 0..<5 {
      if let item = try? StoreFixtures.evidence("e\(index)"),
        (try? await store.record(item, for: "alice", at: StoreFixtures.now)) != nil
      {
        acks.evidence["alice", default: []].insert(item.id.rawValue)
      }
    }
    acks.mayBeForgotten.insert("e1")
    if (try? await store.forget(evidence: "e1", for: "alice")) != nil {
      acks.forgotten.insert("e1")
    }
    // A compaction acknowledges nothing: whether it fails under the fault changes no check.
    _ = try? await store.compact("alice")
    if let item = try? StoreFixtures.evidence("b0"),
      (try? await store.record(item, for: "bob", at: StoreFixtures.now)) != nil
    {
      acks.evidence["bob", default: []].insert("b0")
    }
    acks.mayBeDeleted.insert("bob")
    if (try? await store.deleteUser("bob")) == true { acks.deleted.insert("bob") }
  }

  /// Runs the workload through `fileSystem`; returns the acknowledgements.
  static func run(folder: String, fileSystem: any FileSystem) async -> Acknowledged {
    var acks = Acknowledged()
    guard let store = try? FileStore(at: folder, options: options, fileSystem: fileSystem) else {
      return acks
    }
    await workload(store, &acks)
    store.close()
    return acks
  }

  /// Reopens without faults and checks the acknowledgements.
  static func verify(folder: String, _ acks: Acknowledged, _ label: String) async throws {
    guard FileManager.default.fileExists(atPath: folder + "/FORMAT") else {
      // No store was created, so nothing may have been acknowledged.
      #expect(acks.users.isEmpty && acks.evidence.isEmpty, "\(label): acknowledged, no store")
      #expect(acks.deleted.isEmpty && acks.forgotten.isEmpty, "\(label): acknowledged, no store")
      return
    }
    let store = try await FileStore.reopen(at: folder, options: options)
    defer { store.close() }
    for user in acks.users.subtracting(acks.mayBeDeleted) {
      let model = try await store.model(for: user)
      let ids = Set(model.evidence.map(\.id.rawValue))
      let wanted = acks.evidence[user, default: []].subtracting(acks.mayBeForgotten)
      #expect(wanted.isSubset(of: ids), "\(label): \(user) lost \(wanted.subtracting(ids))")
      #expect(ids.isDisjoint(with: acks.forgotten), "\(label): forgotten evidence is back")
    }
    for user in acks.deleted { #expect(try await !store.contains(user), "\(label): \(user)") }
    for user in ["alice", "bob"] as [UserID] where try await store.contains(user) {
      _ = try await store.model(for: user)  // loads: consistent
    }
  }

  static func countCalls() async throws -> Int {
    let folder = StoreTestFolder("fault-count")
    defer { folder.remove() }
    let fileSystem = FaultInjectingFileSystem()
    let acks = await run(folder: folder.path, fileSystem: fileSystem)
    #expect(acks.deleted == ["bob"] && acks.forgotten == ["e1"])
    return fileSystem.callCount
  }

  @Test(arguments: [EIO, ENOSPC])
  func errorsAtEveryCall(errno: Int32) async throws {
    let calls = try await Self.countCalls()
    #expect(calls > 50)
    for persistent in [false, true] {
      for call in 1...calls {
        let folder = StoreTestFolder("fault")
        defer { folder.remove() }
        let fileSystem = FaultInjectingFileSystem()
        fileSystem.inject(.error(errno), atCall: call, persistent: persistent)
        let acks = await Self.run(folder: folder.path, fileSystem: fileSystem)
        let label = "errno \(errno) at call \(call)\(persistent ? " onwards" : "")"
        try await Self.verify(folder: folder.path, acks, label)
      }
    }
  }

  @Test(arguments: [
    FaultInjectingFileSystem.Fault.shortWrite, FaultInjectingFileSystem.Fault.error(EINTR),
  ])
  func interruptedAndShortWritesAtEveryWrite(fault: FaultInjectingFileSystem.Fault) async throws {
    let counter = FaultInjectingFileSystem()
    let folder = StoreTestFolder("fault-writes")
    _ = await Self.run(folder: folder.path, fileSystem: counter)
    folder.remove()
    let writes = counter.log.filter { $0 == .write }.count
    for persistent in [false, true] {
      for call in 1...writes {
        let folder = StoreTestFolder("fault")
        defer { folder.remove() }
        let fileSystem = FaultInjectingFileSystem()
        fileSystem.inject(fault, atCall: call, of: .write, persistent: persistent)
        let acks = await Self.run(folder: folder.path, fileSystem: fileSystem)
        let label = "\(fault) at write \(call)\(persistent ? " onwards" : "")"
        try await Self.verify(folder: folder.path, acks, label)
        if !persistent, fault == .shortWrite {
          #expect(acks.deleted == ["bob"], "\(label): a short write was not absorbed")
        }
      }
    }
  }

  @Test func aFailedSyncStopsWritesUntilReopened() async throws {
    let folder = StoreTestFolder("fsync")
    defer { folder.remove() }
    let fileSystem = FaultInjectingFileSystem()
    let store = try FileStore(at: folder.path, fileSystem: fileSystem)
    try await StoreFixtures.makeUser("alice", in: store)
    fileSystem.inject(.error(EIO), atCall: 1, of: .synchronizeData)
    await #expect(throws: StoreError.self) {
      try await store.record(try StoreFixtures.evidence("e1"), for: "alice", at: StoreFixtures.now)
    }
    #expect(store.failure?.errno == EIO)
    let error = await #expect(throws: StoreError.self) {
      try await store.record(try StoreFixtures.evidence("e2"), for: "alice", at: StoreFixtures.now)
    }
    #expect(error?.code == .storeFailed)
    #expect(error?.detail?.contains("errno 5") == true)
    _ = try await store.model(for: "alice")  // reads still work
    store.close()
    let reopened = try await FileStore.reopen(at: folder.path)
    defer { reopened.close() }
    try await reopened.record(try StoreFixtures.evidence("e3"), for: "alice", at: StoreFixtures.now)
  }
}
