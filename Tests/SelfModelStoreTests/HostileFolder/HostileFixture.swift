import Foundation
import SelfModel

@testable import SelfModelStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Helpers for the hostile-folder tests: a store with acknowledged records, and the odd
/// entries an operator, a backup or a sync tool leaves in a folder (FIFOs, sparse files,
/// symbolic links, stray folders).
enum HostileFixture {
  /// Opens a store in `folder` holding `users`, each with `records` acknowledged items.
  static func store(
    in folder: StoreTestFolder, users: [UserID] = ["alice", "bob"], records: Int = 3
  ) async throws -> FileStore {
    let store = try FileStore(at: folder.path)
    for user in users {
      try await StoreFixtures.makeUser(user, in: store)
      for index in 0..<records {
        try await store.record(
          try StoreFixtures.evidence("e\(index)"), for: user, at: StoreFixtures.now)
      }
    }
    return store
  }

  /// A copy of the golden store `name` from the test resources.
  static func golden(_ name: String) throws -> StoreTestFolder {
    let folder = StoreTestFolder(name)
    guard let resources = Bundle.module.resourceURL else { throw POSIXError(.ENOENT) }
    let candidates = ["Resources/\(name)", name].map { resources.appendingPathComponent($0).path }
    guard let source = candidates.first(where: FileManager.default.fileExists) else {
      throw POSIXError(.ENOENT)
    }
    try FileManager.default.removeItem(atPath: folder.path)
    try FileManager.default.copyItem(atPath: source, toPath: folder.path)
    return folder
  }

  /// The paths of `user`'s folder in the store at `root`.
  static func folder(_ user: UserID, in root: String) -> UserFolder {
    FileStoreLayout(root: root).folder(for: user)
  }

  /// Replaces whatever is at `path` with a FIFO.
  static func fifo(at path: String) throws {
    unlink(path)
    guard mkfifo(path, 0o600) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
  }

  /// Replaces whatever is at `path` with a sparse file of `size` bytes.
  static func sparse(at path: String, size: Int) throws {
    unlink(path)
    let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
    guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    guard ftruncate(fd, off_t(size)) == 0 else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
  }

  /// Replaces whatever is at `path` (a file) with a symbolic link to `target`.
  static func symlink(at path: String, to target: String) throws {
    unlink(path)
    guard createSymbolicLink(target, path) == 0 else {
      throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
  }

  /// Every path under `root` with its size, to show nothing was written there.
  static func inventory(of root: String) -> [String: Int] {
    var result: [String: Int] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
    for case let relative as String in enumerator {
      var info = stat()
      lstat(root + "/" + relative, &info)
      result[relative] = Int(info.st_size)
    }
    return result
  }

  /// Runs `body` and returns the ``StoreError`` it throws, or `nil` if it throws none.
  static func storeError(_ body: () async throws -> Void) async -> StoreError? {
    do {
      try await body()
      return nil
    } catch let error as StoreError {
      return error
    } catch {
      return StoreError(.ioFailure, operation: "test", detail: "not a StoreError: \(error)")
    }
  }
}

/// `symlink(2)`, at file scope where the name is not shadowed by `HostileFixture.symlink`.
private func createSymbolicLink(_ target: String, _ path: String) -> Int32 {
  symlink(target, path)
}
