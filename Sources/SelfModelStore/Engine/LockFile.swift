import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// Checks that `LOCK` is still the file this instance locked: same device and inode.
  ///
  /// `flock` locks a file, not a path. If `LOCK` is deleted or replaced while the store is
  /// open, a second store can create a new `LOCK` and lock it, and both would write. The store
  /// calls this before every write and stops writing when it fails.
  ///
  /// - Throws: ``StoreError/Code/locked`` when the path is missing or names another file.
  ///   Nothing is checked once the lock is released, or if `fstat` fails on the descriptor.
  package func verify() throws(StoreError) {
    guard let fd = descriptor.withLock({ $0 }) else { return }
    var held = stat()
    guard fstat(fd, &held) == 0 else { return }
    var current = stat()
    let found = lstat(path, &current) == 0
    guard !found || current.st_dev != held.st_dev || current.st_ino != held.st_ino else { return }
    throw StoreError(
      .locked, operation: "write", path: path,
      detail: found
        ? "LOCK was replaced by another file while the store was open"
        : "LOCK was deleted while the store was open; another store may now own the folder")
  }

  /// Closes the descriptor, which releases the lock. Idempotent.
  package func release() {
    let fd = descriptor.withLock { fd -> Int32? in
      defer { fd = nil }
      return fd
    }
    if let fd { fileSystem.close(fd) }
  }
}
