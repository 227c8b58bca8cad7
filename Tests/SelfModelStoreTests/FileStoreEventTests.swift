import Foundation
import SelfModel
import SelfModelStoreFaults
import Synchronization
import Testing

@testable import SelfModelStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Collects a store's events.
final class EventLog: Sendable {
  private let events = Mutex<[StoreEvent]>([])

  var observer: StoreObserver {
    StoreObserver { event in self.events.withLock { $0.append(event) } }
  }
  var all: [StoreEvent] { events.withLock { $0 } }
  func of(_ kind: StoreEvent.Kind) -> [StoreEvent] { all.filter { $0.kind == kind } }
}

@Suite struct FileStoreEventTests {
  /// A store with `alice` and six recorded items, closed; returns her journal's path.
  private func storeWithJournal(_ folder: StoreTestFolder) async throws -> String {
    let store = try FileStore(at: folder.path)
    try await StoreFixtures.makeUser("alice", in: store)
    for index in 0..<6 {
      try await store.record(
        try StoreFixtures.evidence("e\(index)"), for: "alice", at: StoreFixtures.now)
    }
    store.close()
    return FileStoreLayout(root: folder.path).folder(for: "alice").journalPath
  }

  @Test func aTornTailRepairIsReported() async throws {
    let folder = StoreTestFolder("event-torn")
    defer { folder.remove() }
    let journal = try await storeWithJournal(folder)
    let (file, _) = try JournalFile.open(path: journal, fileSystem: POSIXFileSystem())
    let end = file.length
    file.close()
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal))
    try handle.seek(toOffset: UInt64(end))
    try handle.write(contentsOf: Data([0x30, 0, 0, 0, 0x11, 0x22]))
    try handle.close()
    let log = EventLog()
    let store = try await FileStore.reopen(at: folder.path, options: .init(observer: log.observer))
    defer { store.close() }
    _ = try await store.model(for: "alice")
    let repair = try #require(log.of(.tornTailRepaired).first)
    #expect(repair.user == "alice")
    #expect(repair.path == journal)
    #expect(repair.bytes == 6)
    #expect((repair.records ?? 0) > 6)
  }

  @Test func aSalvageIsReportedWithItsCopy() async throws {
    let folder = StoreTestFolder("event-salvage")
    defer { folder.remove() }
    let journal = try await storeWithJournal(folder)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
    let recordsEnd = (bytes.lastIndex { $0 != 0 } ?? bytes.count) + 1
    bytes[recordsEnd / 2] ^= 0x40
    try bytes.write(to: URL(fileURLWithPath: journal))
    let log = EventLog()
    let store = try await FileStore.reopen(
      at: folder.path, options: .init(recovery: .salvage, observer: log.observer))
    defer { store.close() }
    _ = try await store.model(for: "alice")
    let salvage = try #require(log.of(.journalSalvaged).first)
    #expect(salvage.user == "alice")
    #expect(salvage.offset != nil)
    #expect(salvage.copy?.contains("journal.damaged-") == true)
    #expect((salvage.bytes ?? 0) > 0)
  }

  @Test func aCompactionIsReportedWithItsFigures() async throws {
    let folder = StoreTestFolder("event-compact")
    defer { folder.remove() }
    let log = EventLog()
    let store = try FileStore(at: folder.path, options: .init(observer: log.observer))
    defer { store.close() }
    try await StoreFixtures.makeUser("alice", in: store)
    try await store.record(try StoreFixtures.evidence("e1"), for: "alice", at: StoreFixtures.now)
    try await store.compact("alice")
    let compaction = try #require(log.of(.compacted).last)
    #expect(compaction.user == "alice")
    #expect((compaction.records ?? 0) >= 1)
    #expect((compaction.bytes ?? 0) > 0)
    #expect(compaction.duration != nil)
  }

  @Test(arguments: [Durability.synchronous, .groupCommit])
  func slowSyncsAreReportedAboveTheThreshold(durability: Durability) async throws {
    let folder = StoreTestFolder("event-sync")
    defer { folder.remove() }
    let log = EventLog()
    let options = FileStore.Options(
      durability: durability, observer: log.observer, slowSyncThreshold: .zero)
    let store = try FileStore(at: folder.path, options: options)
    defer { store.close() }
    try await StoreFixtures.makeUser("alice", in: store)
    let sync = try #require(log.of(.slowSync).first)
    #expect(sync.user == "alice")
    #expect(sync.path?.hasSuffix("/journal") == true)
    #expect((sync.duration ?? .zero) >= .zero)

    let quiet = EventLog()
    let other = StoreTestFolder("event-sync-quiet")
    defer { other.remove() }
    let patient = try FileStore(
      at: other.path,
      options: .init(
        durability: durability, observer: quiet.observer, slowSyncThreshold: .seconds(60)))
    defer { patient.close() }
    try await StoreFixtures.makeUser("alice", in: patient)
    #expect(quiet.of(.slowSync).isEmpty)
  }

  @Test func theFirstFailureIsReportedOnce() async throws {
    let folder = StoreTestFolder("event-failure")
    defer { folder.remove() }
    let log = EventLog()
    let fileSystem = FaultInjectingFileSystem()
    let store = try FileStore(
      at: folder.path, options: .init(durability: .synchronous, observer: log.observer),
      fileSystem: fileSystem)
    defer { store.close() }
    try await StoreFixtures.makeUser("alice", in: store)
    fileSystem.inject(.error(EIO), atCall: 1, of: .synchronizeData)
    await #expect(throws: StoreError.self) {
      try await store.record(try StoreFixtures.evidence("e1"), for: "alice", at: StoreFixtures.now)
    }
    let refused = await #expect(throws: StoreError.self) {
      try await store.record(try StoreFixtures.evidence("e2"), for: "alice", at: StoreFixtures.now)
    }
    #expect(refused?.code == .storeFailed)
    let failures = log.of(.storeFailed)
    #expect(failures.count == 1)
    #expect(failures.first?.error?.errno == EIO)
    #expect(failures.first?.user == "alice")
  }

  @Test func eventsReachAnAsyncStream() async throws {
    let folder = StoreTestFolder("event-stream")
    defer { folder.remove() }
    let (events, observer) = StoreObserver.stream()
    do {
      let store = try FileStore(at: folder.path, options: .init(observer: observer))
      try await StoreFixtures.makeUser("alice", in: store)
      try await store.compact("alice")
      await store.shutdown()
    }
    var kinds: [StoreEvent.Kind] = []
    for await event in events {
      kinds.append(event.kind)
      if event.kind == .closed { break }
    }
    #expect(kinds == [.compacted, .closed])
    #expect(StoreEvent(.closed, path: "/x").description == "closed; file /x")
  }
}
