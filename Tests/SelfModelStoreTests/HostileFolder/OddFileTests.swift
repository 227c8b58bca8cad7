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

/// FIFOs, huge sparse files and symbolic links inside the store give
/// typed errors at once: nothing blocks, nothing allocates the file's size, nothing is written
/// outside the store's folder.
@Suite(.timeLimit(.minutes(1))) struct OddFileTests {
  enum Target: String, CaseIterable, Sendable {
    case format, catalogue, userFile, snapshot, journal
  }

  /// The path of `target` in a store at `root` holding alice.
  static func path(of target: Target, root: String) -> String {
    let alice = HostileFixture.folder("alice", in: root)
    switch target {
    case .format: return root + "/FORMAT"
    case .catalogue: return root + "/CATALOGUE"
    case .userFile: return alice.idPath
    case .snapshot: return alice.snapshotPath
    case .journal: return alice.journalPath
    }
  }

  /// Opens the store and reads alice (listing for the `user` file); returns the first error.
  static func openAndRead(_ root: String) async -> StoreError? {
    await HostileFixture.storeError {
      let store = try await FileStore.reopen(at: root)
      defer { store.close() }
      let page = try await store.users(after: nil, limit: 10)
      if let damaged = page.damaged.first {
        throw StoreError(.corruptFile, operation: "users", path: damaged)
      }
      _ = try await store.model(for: "alice")
    }
  }

  @Test(arguments: Target.allCases)
  func aFIFOIsATypedErrorNotAHang(_ target: Target) async throws {
    let folder = StoreTestFolder("fifo")
    defer { folder.remove() }
    let store = try await HostileFixture.store(in: folder)
    try await store.publish(try CatalogueFixture.catalogue(version: 1))
    store.close()
    let path = Self.path(of: target, root: folder.path)
    try HostileFixture.fifo(at: path)
    let error = await Self.openAndRead(folder.path)
    #expect(error != nil)
    #expect(error?.path.map { path.hasPrefix($0) } == true, "\(String(describing: error))")
    #expect(try StoreInspector(root: folder.path).verify().map(\.path).contains(path))
  }

  @Test(arguments: Target.allCases)
  func aSparse8GiBFileIsATypedErrorAtOnce(_ target: Target) async throws {
    let folder = StoreTestFolder("sparse")
    defer { folder.remove() }
    let store = try await HostileFixture.store(in: folder)
    try await store.publish(try CatalogueFixture.catalogue(version: 1))
    store.close()
    let path = Self.path(of: target, root: folder.path)
    try HostileFixture.sparse(at: path, size: 8 << 30)
    let started = ContinuousClock.now
    let error = await Self.openAndRead(folder.path)
    #expect(error?.code == .corruptFile, "\(String(describing: error))")
    #expect(error?.path.map { path.hasPrefix($0) } == true, "\(String(describing: error))")
    #expect(try StoreInspector(root: folder.path).verify().map(\.path).contains(path))
    #expect(ContinuousClock.now - started < .seconds(5))
  }

  /// A symbolic link in place of a store file is refused; the file it points to is unchanged.
  @Test(arguments: [Target.journal, .snapshot, .userFile, .catalogue])
  func aSymlinkedFileIsRefusedAndItsTargetUntouched(_ target: Target) async throws {
    let folder = StoreTestFolder("symlink-file")
    let outside = StoreTestFolder("outside")
    defer {
      folder.remove()
      outside.remove()
    }
    let store = try await HostileFixture.store(in: folder)
    try await store.publish(try CatalogueFixture.catalogue(version: 1))
    store.close()
    let path = Self.path(of: target, root: folder.path)
    let copy = outside.child("copy")
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    try HostileFixture.symlink(at: path, to: copy)
    let before = HostileFixture.inventory(of: outside.path)
    let error = await HostileFixture.storeError {
      let store = try await FileStore.reopen(at: folder.path)
      defer { store.close() }
      let page = try await store.users(after: nil, limit: 10)
      if let damaged = page.damaged.first {
        throw StoreError(.corruptFile, operation: "users", path: damaged)
      }
      try await store.record(
        try StoreFixtures.evidence("outside"), for: "alice", at: StoreFixtures.now)
      try await store.forget(evidence: "e0", for: "alice")
    }
    #expect(error?.code == .corruptFile, "\(String(describing: error))")
    #expect(error?.path.map { path.hasPrefix($0) } == true, "\(String(describing: error))")
    #expect(HostileFixture.inventory(of: outside.path) == before)
  }

  /// A `LOCK` that is a symbolic link to a missing path creates nothing outside the store.
  @Test func aSymlinkedLockCreatesNothingOutside() async throws {
    let folder = StoreTestFolder("symlink-lock")
    let outside = StoreTestFolder("outside")
    defer {
      folder.remove()
      outside.remove()
    }
    try await HostileFixture.store(in: folder).close()
    try HostileFixture.symlink(at: folder.child("LOCK"), to: outside.child("LOCK"))
    let error = await HostileFixture.storeError { try FileStore(at: folder.path).close() }
    #expect(error?.code == .corruptFile)
    #expect(error?.path == folder.child("LOCK"))
    #expect(HostileFixture.inventory(of: outside.path).isEmpty)
  }

  /// A symbolic link in place of `users/` or of a user's folder sends nothing outside.
  @Test(arguments: [false, true])
  func aSymlinkedFolderIsRefused(usersFolder: Bool) async throws {
    let folder = StoreTestFolder("symlink-folder")
    let outside = StoreTestFolder("outside")
    defer {
      folder.remove()
      outside.remove()
    }
    try await HostileFixture.store(in: folder).close()
    let alice = HostileFixture.folder("alice", in: folder.path)
    let path = usersFolder ? folder.child("users") : alice.path
    let moved = outside.child("moved")
    try FileManager.default.moveItem(atPath: path, toPath: moved)
    try HostileFixture.symlink(at: path, to: moved)
    let before = HostileFixture.inventory(of: outside.path)
    let error = await HostileFixture.storeError {
      let store = try await FileStore.reopen(at: folder.path)
      defer { store.close() }
      try await store.record(
        try StoreFixtures.evidence("outside"), for: "alice", at: StoreFixtures.now)
    }
    #expect(error?.code == .corruptFile, "\(String(describing: error))")
    #expect(error?.path == path)
    #expect(HostileFixture.inventory(of: outside.path) == before)
  }

  /// The store's own folder may be a symbolic link (documented in Docs/Operations.md).
  @Test func theRootMayBeASymlink() async throws {
    let folder = StoreTestFolder("symlink-root")
    defer { folder.remove() }
    try await HostileFixture.store(in: folder).close()
    let link = folder.path + "-link"
    try HostileFixture.symlink(at: link, to: folder.path)
    defer { unlink(link) }
    let store = try await FileStore.reopen(at: link)
    defer { store.close() }
    try await store.record(try StoreFixtures.evidence("via-link"), for: "alice", at: .now)
    #expect(try await store.model(for: "alice").evidenceCount == 4)
  }
}
