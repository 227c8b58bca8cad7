#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real file system, through the C library's system calls (Glibc, Musl or Darwin).
///
/// Descriptor-based calls name the file in their errors by reading `/proc/self/fd` (Linux) or
/// `fcntl(F_GETPATH)` (Darwin). Syncs use `F_FULLFSYNC` on Darwin; see `systemSync`.
package struct POSIXFileSystem: FileSystem {
  /// Creates the file system.
  package init() {}

  /// Opens a file with `open(2)`; see ``FileSystem/open(_:_:permissions:)``.
  ///
  /// The last component is never followed (`O_NOFOLLOW`) and the open never blocks
  /// (`O_NONBLOCK`, so a FIFO cannot hang it); unless ``OpenOptions/directory`` is given, what
  /// was opened must be a regular file. A symbolic link, FIFO, device or socket is
  /// ``StoreError/Code/corruptFile`` naming the path, and nothing is created through a link.
  package func open(_ path: String, _ options: OpenOptions, permissions: UInt32)
    throws(StoreError) -> Int32
  {
    let flags = Self.flags(for: options) | O_NOFOLLOW | O_NONBLOCK
    let fd = systemOpen(path, flags, permissions)
    guard fd >= 0 else {
      let number = systemErrno
      if number == ELOOP {
        throw .corrupt(
          "open", path: path, offset: nil,
          detail: "it is a symbolic link; the store follows no link inside its folder")
      }
      throw .system("open", path: path, errno: number)
    }
    guard !options.contains(.directory) else { return fd }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let number = systemErrno
      systemClose(fd)
      throw .system("open", path: path, errno: number)
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      systemClose(fd)
      throw .corrupt(
        "open", path: path, offset: nil,
        detail: "it is not a regular file (\(Self.kindName(info.st_mode)))")
    }
    return fd
  }

  /// A name for the file type in `mode`, for error messages.
  static func kindName(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a folder"
    case S_IFIFO: "a FIFO"
    case S_IFCHR, S_IFBLK: "a device"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    default: "not a regular file"
    }
  }

  /// What `lstat` finds at `path` (a link is not followed), or `nil` if nothing.
  package func kind(of path: String) -> FileKind? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .regularFile
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    default: return .other(Self.kindName(info.st_mode))
    }
  }

  /// Closes a descriptor.
  package func close(_ fd: Int32) { systemClose(fd) }

  /// One `write(2)`; see ``FileSystem/write(_:_:)``.
  package func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(StoreError) -> Int {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
    let written = systemWrite(fd, base, bytes.count)
    guard written >= 0 else { throw failure("write", fd) }
    return written
  }

  /// One `pwrite(2)`; see ``FileSystem/write(_:_:at:)``.
  package func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int)
    throws(StoreError) -> Int
  {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
    let written = pwrite(fd, base, bytes.count, off_t(offset))
    guard written >= 0 else { throw failure("write", fd) }
    return written
  }

  /// One `pread(2)`; see ``FileSystem/read(_:into:at:)``.
  package func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int)
    throws(StoreError) -> Int
  {
    guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
    let count = pread(fd, base, buffer.count, off_t(offset))
    guard count >= 0 else { throw failure("read", fd) }
    return count
  }

  /// The size from `fstat`.
  package func size(_ fd: Int32) throws(StoreError) -> Int {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw failure("size", fd) }
    return Int(info.st_size)
  }

  /// `ftruncate`.
  package func truncate(_ fd: Int32, to length: Int) throws(StoreError) {
    guard ftruncate(fd, off_t(length)) == 0 else { throw failure("truncate", fd) }
  }

  /// `fsync` (`F_FULLFSYNC` on Darwin).
  package func synchronize(_ fd: Int32) throws(StoreError) {
    guard systemSync(fd, dataOnly: false) == 0 else { throw failure("synchronize", fd) }
  }

  /// `fdatasync` (`F_FULLFSYNC` on Darwin).
  package func synchronizeData(_ fd: Int32) throws(StoreError) {
    guard systemSync(fd, dataOnly: true) == 0 else { throw failure("synchronizeData", fd) }
  }

  /// `rename(2)`.
  package func rename(_ from: String, to: String) throws(StoreError) {
    guard systemRename(from, to) == 0 else {
      throw .system("rename", path: from, errno: systemErrno, detail: "renaming to \(to)")
    }
  }

  /// `unlink`; `ENOENT` is success.
  package func remove(_ path: String) throws(StoreError) {
    guard unlink(path) == 0 || systemErrno == ENOENT else {
      throw .system("remove", path: path, errno: systemErrno)
    }
  }

  /// `mkdir`; `EEXIST` is success.
  package func makeDirectory(_ path: String, permissions: UInt32) throws(StoreError) {
    guard mkdir(path, mode_t(permissions)) == 0 || systemErrno == EEXIST else {
      throw .system("makeDirectory", path: path, errno: systemErrno)
    }
  }

  /// `rmdir`; `ENOENT` is success.
  package func removeDirectory(_ path: String) throws(StoreError) {
    guard rmdir(path) == 0 || systemErrno == ENOENT else {
      throw .system("removeDirectory", path: path, errno: systemErrno)
    }
  }

  /// The names from `readdir`, without `.` and `..`.
  package func contents(ofDirectory path: String) throws(StoreError) -> [String] {
    guard let directory = opendir(path) else {
      throw .system("contents", path: path, errno: systemErrno)
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Whether `lstat` finds something at `path`.
  package func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// `flock(LOCK_EX | LOCK_NB)`; `EWOULDBLOCK` becomes ``StoreError/Code/locked``.
  package func lockExclusively(_ fd: Int32) throws(StoreError) {
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let number = systemErrno
      guard number == EWOULDBLOCK else { throw failure("lock", fd) }
      throw StoreError(
        .locked, operation: "lock", path: Self.path(of: fd), errno: number,
        detail: "another store holds the lock")
    }
  }

  /// Opens the directory read-only, `fsync`s it and closes it.
  package func synchronizeDirectory(_ path: String) throws(StoreError) {
    let fd = systemOpen(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
    guard fd >= 0 else { throw .system("synchronizeDirectory", path: path, errno: systemErrno) }
    defer { systemClose(fd) }
    guard systemSync(fd, dataOnly: false) == 0 else {
      throw .system("synchronizeDirectory", path: path, errno: systemErrno)
    }
  }

  /// The `open(2)` flags for `options`, always with `O_CLOEXEC`.
  ///
  /// - Parameter options: The options.
  /// - Returns: The flags.
  static func flags(for options: OpenOptions) -> Int32 {
    var flags = O_CLOEXEC
    switch (options.contains(.read), options.contains(.write)) {
    case (true, true): flags |= O_RDWR
    case (false, true): flags |= O_WRONLY
    default: flags |= O_RDONLY
    }
    let pairs: [(OpenOptions, Int32)] = [
      (.create, O_CREAT), (.exclusive, O_EXCL), (.truncate, O_TRUNC), (.append, O_APPEND),
      (.directory, O_DIRECTORY),
    ]
    for (option, flag) in pairs where options.contains(option) { flags |= flag }
    return flags
  }

  /// The error for a failed call on `fd`, read from `errno` now.
  private func failure(_ operation: String, _ fd: Int32) -> StoreError {
    let number = systemErrno
    return .system(operation, path: Self.path(of: fd), errno: number)
  }

  /// The path a descriptor refers to, if the platform can say (see `systemPath(of:)`).
  ///
  /// - Parameter fd: The descriptor.
  /// - Returns: The path, or `"fd <n>"`.
  package static func path(of fd: Int32) -> String {
    systemPath(of: fd) ?? "fd \(fd)"
  }
}
