/// The seam between the store and the operating system: every system call the storage engine
/// makes goes through a value of this type, so tests can inject faults
/// (`FaultInjectingFileSystem`, in the test-only target `SelfModelStoreFaults`) and other backends can supply their own.
///
/// Errors are ``StoreError``s whose `code` is ``StoreError/Code/diskFull`` for `ENOSPC` and
/// `EDQUOT`, ``StoreError/Code/locked`` for a held lock, and ``StoreError/Code/ioFailure``
/// otherwise, with `path` and `errno` set. Calls are blocking; never make them on Swift's
/// cooperative thread pool.
package protocol FileSystem: Sendable {
  /// Opens a file and returns its descriptor; `O_CLOEXEC` is always set.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - options: How to open it.
  ///   - permissions: The mode of a created file (before the umask), such as `0o600`.
  /// - Returns: The descriptor.
  /// - Throws: ``StoreError`` with the `errno` (`ENOENT` for a missing file).
  func open(_ path: String, _ options: OpenOptions, permissions: UInt32) throws(StoreError) -> Int32

  /// Closes a descriptor; errors are ignored.
  ///
  /// - Parameter fd: The descriptor.
  func close(_ fd: Int32)

  /// Makes one `write(2)` call, which may write fewer bytes than given.
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - bytes: The bytes to write.
  /// - Returns: The number of bytes written.
  /// - Throws: ``StoreError``; `EINTR` surfaces as an ``StoreError/Code/ioFailure`` with that
  ///   `errno`, for the caller to retry.
  func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(StoreError) -> Int

  /// Makes one `pwrite(2)` call at `offset`, which may write fewer bytes than given. The
  /// descriptor's position is unchanged; open the file without ``OpenOptions/append``, since
  /// Linux appends every `pwrite` to such a file whatever the offset.
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - bytes: The bytes to write.
  ///   - offset: The file offset to write at.
  /// - Returns: The number of bytes written.
  /// - Throws: ``StoreError``; `EINTR` surfaces as an ``StoreError/Code/ioFailure`` with that
  ///   `errno`, for the caller to retry.
  func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) throws(StoreError)
    -> Int

  /// Makes one `pread(2)` call.
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - buffer: Where to put the bytes.
  ///   - offset: The file offset to read from.
  /// - Returns: The number of bytes read; 0 at the end of the file.
  /// - Throws: ``StoreError``.
  func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int)
    throws(StoreError) -> Int

  /// The file's size in bytes (`fstat`).
  ///
  /// - Parameter fd: The descriptor.
  /// - Returns: The size.
  /// - Throws: ``StoreError``.
  func size(_ fd: Int32) throws(StoreError) -> Int

  /// Sets the file's length (`ftruncate`).
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - length: The new length.
  /// - Throws: ``StoreError``.
  func truncate(_ fd: Int32, to length: Int) throws(StoreError)

  /// Flushes data and metadata to stable storage (`fsync`).
  ///
  /// - Parameter fd: The descriptor.
  /// - Throws: ``StoreError``.
  func synchronize(_ fd: Int32) throws(StoreError)

  /// Flushes data and the metadata needed to read it back (`fdatasync`).
  ///
  /// - Parameter fd: The descriptor.
  /// - Throws: ``StoreError``.
  func synchronizeData(_ fd: Int32) throws(StoreError)

  /// Renames a file, replacing any file at the destination atomically.
  ///
  /// - Parameters:
  ///   - from: The current path.
  ///   - to: The new path.
  /// - Throws: ``StoreError``.
  func rename(_ from: String, to: String) throws(StoreError)

  /// Removes a file (`unlink`); a missing file is success.
  ///
  /// - Parameter path: The file.
  /// - Throws: ``StoreError``.
  func remove(_ path: String) throws(StoreError)

  /// Creates a directory; an existing one is success.
  ///
  /// - Parameters:
  ///   - path: The directory.
  ///   - permissions: Its mode (before the umask), such as `0o700`.
  /// - Throws: ``StoreError``.
  func makeDirectory(_ path: String, permissions: UInt32) throws(StoreError)

  /// Removes an empty directory (`rmdir`); a missing one is success.
  ///
  /// - Parameter path: The directory.
  /// - Throws: ``StoreError``.
  func removeDirectory(_ path: String) throws(StoreError)

  /// The names in a directory, without `.` and `..`, in no particular order.
  ///
  /// - Parameter path: The directory.
  /// - Returns: The names.
  /// - Throws: ``StoreError``.
  func contents(ofDirectory path: String) throws(StoreError) -> [String]

  /// Whether anything exists at `path`.
  ///
  /// - Parameter path: The path.
  /// - Returns: `true` if it exists.
  func exists(_ path: String) -> Bool

  /// What is at `path`, without following a symbolic link there (`lstat`).
  ///
  /// - Parameter path: The path.
  /// - Returns: The kind of entry, or `nil` if there is none.
  func kind(of path: String) -> FileKind?

  /// Takes an exclusive advisory lock without waiting (`flock(LOCK_EX | LOCK_NB)`).
  ///
  /// - Parameter fd: The descriptor.
  /// - Throws: ``StoreError/Code/locked`` when another open file description holds it.
  func lockExclusively(_ fd: Int32) throws(StoreError)

  /// Makes a directory's entries durable: opens it, `fsync`s it and closes it.
  ///
  /// - Parameter path: The directory.
  /// - Throws: ``StoreError``.
  func synchronizeDirectory(_ path: String) throws(StoreError)
}

/// What a path names, as `lstat` sees it (a symbolic link is not followed).
package enum FileKind: Sendable, Hashable {
  /// A regular file.
  case regularFile
  /// A folder.
  case directory
  /// A symbolic link.
  case symbolicLink
  /// A FIFO, device or socket, with a name for messages.
  case other(String)
}
