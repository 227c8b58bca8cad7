import Synchronization

/// The exclusive, advisory lock (`flock`) on a store folder's `LOCK` file, held for the
/// store's lifetime so that one process, and one store instance within it, owns the folder.
///
/// `flock` locks belong to the open file description, so a second ``acquire(inFolder:fileSystem:)``
/// in the same process fails too, and the lock is released when the descriptor is closed
/// (by ``release()``, by deinitialisation or by the process exiting).
package final class LockFile: Sendable {
  /// The `LOCK` file's path.
  package let path: String
  /// The file system the descriptor belongs to.
  private let fileSystem: any FileSystem
  /// The locked descriptor, `nil` once released.
  private let descriptor: Mutex<Int32?>

  /// Wraps a locked descriptor.
  private init(path: String, fileSystem: any FileSystem, fd: Int32) {
    self.path = path
    self.fileSystem = fileSystem
    self.descriptor = Mutex(fd)
  }

  deinit { release() }

  /// Opens or creates `"<folder>/LOCK"` (mode 0600) and locks it exclusively without waiting.
  ///
  /// - Parameters:
  ///   - folder: The store folder, which must exist.
  ///   - fileSystem: The file system.
  /// - Returns: The held lock.
  /// - Throws: ``StoreError/Code/locked`` when another store (in this process or another)
  ///   holds it; the file system's other errors.
  package static func acquire(inFolder folder: String, fileSystem: any FileSystem)
    throws(StoreError) -> LockFile
  {
    let path = folder + "/LOCK"
    let fd = try fileSystem.open(path, [.read, .write, .create], permissions: 0o600)
    do {
      try fileSystem.lockExclusively(fd)
    } catch {
      fileSystem.close(fd)
      throw error
    }
    return LockFile(path: path, fileSystem: fileSystem, fd: fd)
  }

  /// Whether the lock is still held by this instance.
  package var isHeld: Bool { descriptor.withLock { $0 != nil } }

  /// Closes the descriptor, which releases the lock. Idempotent.
  package func release() {
    let fd = descriptor.withLock { fd -> Int32? in
      defer { fd = nil }
      return fd
    }
    if let fd { fileSystem.close(fd) }
  }
}
