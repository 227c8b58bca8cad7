import Dispatch
import SelfModel

extension FileStore {
  /// Closes the store like ``close()``, without blocking a thread of Swift's cooperative pool:
  /// the caller suspends while each worker finishes its queued calls and closes its journals
  /// on its own queue, then the lock is released and the call resumes.
  ///
  /// Later calls throw ``StoreError/Code/closed``. Calling it again, or after ``close()``,
  /// does nothing. Reports ``StoreEvent/Kind/closed`` to the observer. Use it from a
  /// service's graceful shutdown.
  ///
  /// ```swift
  /// let store = try FileStore(at: folder)
  /// // … serve requests …
  /// await store.shutdown()
  /// ```
  public func shutdown() async {
    guard environment.health.close() else { return }
    for shard in shards { await shard.shutdownAsynchronously() }
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      listing.async {
        self.lock.release()
        continuation.resume()
      }
    }
    environment.report(StoreEvent(.closed, path: path))
  }

  /// Creates the missing ancestors of `root` (`0700`), syncing each one's parent.
  static func makeParents(of root: String, fileSystem: any FileSystem) throws(StoreError) {
    var missing: [String] = []
    var folder = FileIO.parent(of: root)
    while folder != "/", folder != ".", !fileSystem.exists(folder) {
      missing.append(folder)
      folder = FileIO.parent(of: folder)
    }
    for folder in missing.reversed() {
      try fileSystem.makeDirectory(folder, permissions: 0o700)
      try fileSystem.synchronizeDirectory(FileIO.parent(of: folder))
    }
  }
}
