import Foundation
import SelfModel
import SelfModelTesting
import Testing

@testable import SelfModelStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Seeded random mutations of the kinds the hostile-folder audit used
/// (FIFOs, sparse files, symbolic links, stray folders and files, foreign, deleted and crafted
/// files) applied to a store with acknowledged records. For every trial: no crash or hang, no
/// write outside the store's folder, and each user either loads with every acknowledged record
/// or fails with a typed error naming a file inside the store.
@Suite(.timeLimit(.minutes(3))) struct HostileFolderFuzzTests {
  static let users: [UserID] = ["u0", "u1", "u2"]
  static let records = 3

  enum Mutation: CaseIterable {
    case fifo, sparse, symlinkFile, symlinkFolder, strayFolder, strayShard, foreignFile
    case deleteJournal, deleteCatalogue, flipByte, snapshotAhead
  }

  @Test(arguments: [20_261_206, 7, 99])
  func randomMutationsNeverLoseOrMisplaceAcknowledgedRecords(seed: UInt64) async throws {
    // A hang fails the suite's time limit; how long the trials take is not asserted.
    var random = SeededRandom(seed: seed)
    for trial in 0..<12 {
      let mutation = Mutation.allCases.randomElement(using: &random) ?? .fifo
      try await run(mutation, trial: trial, random: &random)
    }
  }

  private func run(_ mutation: Mutation, trial: Int, random: inout SeededRandom) async throws {
    let folder = StoreTestFolder("fuzz")
    let outside = StoreTestFolder("fuzz-outside")
    defer {
      folder.remove()
      outside.remove()
    }
    let store = try await HostileFixture.store(in: folder, users: Self.users, records: Self.records)
    try await store.publish(try CatalogueFixture.catalogue(version: 1))
    store.close()
    try FileManager.default.createDirectory(
      atPath: outside.child("bait"), withIntermediateDirectories: true)
    try apply(mutation, root: folder.path, outside: outside.path, random: &random)
    let before = HostileFixture.inventory(of: outside.path)
    await check(root: folder.path, context: "trial \(trial): \(mutation)")
    _ = try StoreInspector(root: folder.path).verify()
    #expect(HostileFixture.inventory(of: outside.path) == before, "trial \(trial): \(mutation)")
  }

  /// Opens the store, loads, writes to and forgets from every user, checking each outcome.
  private func check(root: String, context: String) async {
    let store: FileStore
    do {
      store = try await Self.open(root)
    } catch {
      expectTyped(error, root: root, context: context)
      return
    }
    defer { store.close() }
    for user in Self.users {
      do {
        let ids = Set(try await store.model(for: user).evidence.map(\.id.rawValue))
        #expect(ids.isSuperset(of: (0..<Self.records).map { "e\($0)" }), "\(context) \(user)")
        try await store.record(
          try StoreFixtures.evidence("after"), for: user, at: StoreFixtures.now)
        try await store.forget(evidence: "e0", for: user)
      } catch {
        expectTyped(error, root: root, context: "\(context) \(user)")
      }
    }
  }

  /// Opens the store, trying again for up to 2 s while the folder is `locked`: other tests
  /// of this process spawn child processes, and `posix_spawn` copies every descriptor, this
  /// store's closed `LOCK` included, into the child until its `exec` closes the `O_CLOEXEC`
  /// ones; on a loaded machine that window holds the `flock` for a moment.
  private static func open(_ root: String) async throws(StoreError) -> FileStore {
    var attempts = 0
    while true {
      do {
        return try FileStore(at: root)
      } catch  where error.code == .locked && attempts < 100 {
        attempts += 1
        try? await Task.sleep(for: .milliseconds(20))
      }
    }
  }

  private func expectTyped(_ error: any Error, root: String, context: String) {
    let typed = error as? StoreError
    let codes: Set<StoreError.Code> = [
      .corruptFile, .catalogueConflict, .unknownFormat, .newerFormat, .storeFailed,
    ]
    #expect(typed.map { codes.contains($0.code) } == true, "\(context): \(error)")
    if typed?.code != .storeFailed {
      #expect(typed?.path?.hasPrefix(root) == true, "\(context): \(error)")
    }
  }

  private func apply(
    _ mutation: Mutation, root: String, outside: String, random: inout SeededRandom
  ) throws {
    let user = Self.users.randomElement(using: &random) ?? "u0"
    let folder = HostileFixture.folder(user, in: root)
    let files = [folder.journalPath, folder.snapshotPath, folder.idPath, root + "/CATALOGUE"]
    let file = files.randomElement(using: &random) ?? folder.journalPath
    switch mutation {
    case .fifo: try HostileFixture.fifo(at: file)
    case .sparse: try HostileFixture.sparse(at: file, size: 8 << 30)
    case .symlinkFile:
      try FileManager.default.copyItem(atPath: file, toPath: outside + "/copy")
      try HostileFixture.symlink(at: file, to: outside + "/copy")
    case .symlinkFolder:
      let target = [root + "/users", folder.path].randomElement(using: &random) ?? folder.path
      try FileManager.default.moveItem(atPath: target, toPath: outside + "/moved")
      try HostileFixture.symlink(at: target, to: outside + "/moved")
    case .strayFolder:
      try FileManager.default.createDirectory(
        atPath: folder.path + "/stray/deeper", withIntermediateDirectories: true)
    case .strayShard:
      try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/users/zz"))
      try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/users/0f"))
    case .foreignFile:
      let other = HostileFixture.folder(user == "u0" ? "u1" : "u0", in: root)
      let name = FileIO.name(
        of: [folder.journalPath, folder.snapshotPath].randomElement(
          using: &random) ?? folder.journalPath)
      try FileManager.default.removeItem(atPath: folder.path + "/" + name)
      try FileManager.default.copyItem(
        atPath: other.path + "/" + name, toPath: folder.path + "/" + name)
    case .deleteJournal: try FileManager.default.removeItem(atPath: folder.journalPath)
    case .deleteCatalogue: try FileManager.default.removeItem(atPath: root + "/CATALOGUE")
    case .flipByte:
      let target =
        [folder.snapshotPath, root + "/CATALOGUE", root + "/FORMAT"].randomElement(
          using: &random) ?? folder.snapshotPath
      var bytes = try Data(contentsOf: URL(fileURLWithPath: target))
      bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= 0x20
      try bytes.write(to: URL(fileURLWithPath: target))
    case .snapshotAhead:
      let fileSystem = POSIXFileSystem()
      guard let payload = try SnapshotFile.read(from: folder.snapshotPath, fileSystem: fileSystem)
      else { return }
      var stored = try StoredSnapshot.decode(payload, path: folder.snapshotPath)
      stored.coveredSequence += UInt64.random(in: 1...50, using: &random)
      try SnapshotFile.write(
        try stored.encoded(path: folder.snapshotPath), to: folder.snapshotPath,
        fileSystem: fileSystem)
    }
  }
}
