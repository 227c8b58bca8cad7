#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// File helpers shared by the journal and the snapshot: whole-file reads, write loops that
/// survive short writes and `EINTR`, durable file creation and temporary-file names.
enum FileIO {
  /// How many times one call retries after `EINTR` before giving up.
  static let interruptRetryLimit = 64

  /// The folder that holds `path` (`"."` for a bare name).
  ///
  /// - Parameter path: A file path.
  /// - Returns: Its parent folder.
  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The last component of `path`.
  ///
  /// - Parameter path: A file path.
  /// - Returns: Its file name.
  static func name(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  /// A fresh temporary path next to `path`: `"<path>.tmp-<16 hex digits>"`.
  ///
  /// - Parameter path: The file the temporary file will replace.
  /// - Returns: The temporary path.
  static func temporaryPath(for path: String) -> String {
    let suffix = String(UInt64.random(in: .min ... .max), radix: 16)
    return "\(path)\(temporaryMarker)\(String(repeating: "0", count: 16 - suffix.count))\(suffix)"
  }

  /// What separates a file's name from the random part of its temporary files' names.
  static let temporaryMarker = ".tmp-"

  /// Removes leftover temporary files of `path` (from a crash between write and rename).
  /// Best effort: failures are ignored, since the leftovers are never read.
  ///
  /// - Parameters:
  ///   - path: The file whose temporary files to remove.
  ///   - fileSystem: The file system.
  static func removeStaleTemporaries(of path: String, fileSystem: any FileSystem) {
    let folder = parent(of: path)
    let prefix = name(of: path) + temporaryMarker
    guard let names = try? fileSystem.contents(ofDirectory: folder) else { return }
    for name in names where name.hasPrefix(prefix) {
      try? fileSystem.remove(folder + "/" + name)
    }
  }

  /// The whole file at `path`, or `nil` when there is no such file.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - fileSystem: The file system.
  ///   - limit: The largest size accepted (see ``readAll(_:fileSystem:limit:path:)``).
  /// - Returns: The bytes, or `nil` for `ENOENT`.
  /// - Throws: Any other ``StoreError`` from the file system.
  static func readFileIfPresent(
    _ path: String, fileSystem: any FileSystem, limit: Int = maximumFileSize
  ) throws(StoreError) -> [UInt8]? {
    let fd: Int32
    do {
      fd = try fileSystem.open(path, [.read], permissions: 0)
    } catch  where error.errno == ENOENT {
      return nil
    }
    defer { fileSystem.close(fd) }
    return try readAll(fd, fileSystem: fileSystem, limit: limit, path: path)
  }

  /// The largest journal, snapshot or catalogue the store reads (2 GiB): a larger file is
  /// refused before any byte is read, so a sparse file of any size costs nothing.
  static let maximumFileSize = 2 << 30

  /// The largest small file the store reads (`FORMAT`, a `user` file): 1 MiB.
  static let maximumSmallFileSize = 1 << 20

  /// Reads a whole file from offset 0 to its current size, refusing a file over `limit` bytes
  /// before reading any.
  ///
  /// - Parameters:
  ///   - fd: The descriptor.
  ///   - fileSystem: The file system.
  ///   - limit: The largest size accepted.
  ///   - path: The file, for the error.
  /// - Returns: The bytes.
  /// - Throws: ``StoreError/Code/corruptFile`` for a file over `limit`; ``StoreError`` from the
  ///   file system.
  static func readAll(
    _ fd: Int32, fileSystem: any FileSystem, limit: Int = maximumFileSize, path: String? = nil
  ) throws(StoreError) -> [UInt8] {
    let size = try fileSystem.size(fd)
    guard size <= limit else {
      throw .corrupt(
        "read", path: path ?? POSIXFileSystem.path(of: fd), offset: nil,
        detail: "it is \(size) bytes, over the \(limit)-byte limit for this file")
    }
    // Read into uninitialised memory: zero-filling first wrote every page once more before the
    // read wrote it (a tenth of a million-record replay). Only the bytes read are initialised.
    var failure: StoreError?
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var filled = 0
      var interruptions = 0
      while filled < size {
        let count: Int
        do throws(StoreError) {
          count = try fileSystem.read(
            fd, into: UnsafeMutableRawBufferPointer(.init(rebasing: buffer[filled...])), at: filled)
        } catch  where error.errno == EINTR && interruptions < interruptRetryLimit {
          interruptions += 1
          continue
        } catch {
          failure = error
          break
        }
        if count == 0 { break }
        // Never past the buffer, whatever a file system claims it read: only what lies before
        // `filled` is marked initialised.
        filled += min(count, size - filled)
      }
      initialized = filled
    }
    if let failure { throw failure }
    return bytes
  }

  /// Writes all of `bytes` at the descriptor's position, looping over short writes and
  /// retrying after `EINTR` (at most ``interruptRetryLimit`` times in a row).
  ///
  /// - Parameters:
  ///   - bytes: The bytes.
  ///   - fd: The descriptor.
  ///   - fileSystem: The file system.
  /// - Throws: The first other ``StoreError``; some bytes may have been written.
  static func writeAll(_ bytes: [UInt8], to fd: Int32, fileSystem: any FileSystem)
    throws(StoreError)
  {
    try bytes.withUnsafeBytes { buffer in
      Result { () throws(StoreError) in
        try loop(buffer.count) { (written: Int) throws(StoreError) -> Int in
          try fileSystem.write(fd, .init(rebasing: buffer[written...]))
        }
      }
    }.get()
  }

  /// Writes all of `bytes` at file offset `offset` with positioned writes (`pwrite`), looping
  /// over short writes and retrying after `EINTR` like ``writeAll(_:to:fileSystem:)``.
  ///
  /// - Parameters:
  ///   - bytes: The bytes.
  ///   - fd: The descriptor, not opened with ``OpenOptions/append``.
  ///   - offset: Where the first byte goes.
  ///   - fileSystem: The file system.
  /// - Throws: The first other ``StoreError``; some bytes may have been written.
  static func writeAll(
    _ bytes: UnsafeRawBufferPointer, to fd: Int32, at offset: Int, fileSystem: any FileSystem
  ) throws(StoreError) {
    try loop(bytes.count) { (written: Int) throws(StoreError) -> Int in
      try fileSystem.write(fd, .init(rebasing: bytes[written...]), at: offset + written)
    }
  }

  /// 64 KiB of zeros, the source of ``writeZeros(_:to:fileSystem:)``.
  static let zeros = [UInt8](repeating: 0, count: 64 << 10)

  /// Overwrites `range` of the file with zero bytes (real writes, never holes), extending the
  /// file if the range reaches past its end. Does not sync.
  ///
  /// - Parameters:
  ///   - range: The file offsets to zero.
  ///   - fd: The descriptor, not opened with ``OpenOptions/append``.
  ///   - fileSystem: The file system.
  /// - Throws: The first ``StoreError``; part of the range may have been written.
  static func writeZeros(_ range: Range<Int>, to fd: Int32, fileSystem: any FileSystem)
    throws(StoreError)
  {
    var offset = range.lowerBound
    while offset < range.upperBound {
      let count = min(zeros.count, range.upperBound - offset)
      try zeros.withUnsafeBytes { buffer in
        Result { () throws(StoreError) in
          try writeAll(
            .init(rebasing: buffer[..<count]), to: fd, at: offset, fileSystem: fileSystem)
        }
      }.get()
      offset += count
    }
  }

  /// Calls `step` with the number of bytes written so far until `total` bytes are written;
  /// `step` makes one write and returns its count. Retries `EINTR` up to
  /// ``interruptRetryLimit`` times in a row; a write of 0 bytes is `EIO`.
  private static func loop(_ total: Int, _ step: (Int) throws(StoreError) -> Int)
    throws(StoreError)
  {
    var written = 0
    var interruptions = 0
    while written < total {
      let count: Int
      do throws(StoreError) {
        count = try step(written)
      } catch  where error.errno == EINTR && interruptions < interruptRetryLimit {
        interruptions += 1
        continue
      }
      guard count > 0 else {
        throw .system("write", path: nil, errno: EIO, detail: "write(2) wrote nothing")
      }
      interruptions = 0
      written += count
    }
  }

  /// Creates a new file (it must not exist) with mode 0600, writes `bytes`, `fsync`s it and
  /// returns its descriptor, opened for reading and writing (not appending, so positioned
  /// writes land where they are aimed).
  ///
  /// - Parameters:
  ///   - path: The new file.
  ///   - bytes: Its contents.
  ///   - fileSystem: The file system.
  /// - Returns: The descriptor; the caller closes it.
  /// - Throws: ``StoreError``; a half-written file is removed.
  static func createDurably(_ path: String, bytes: [UInt8], fileSystem: any FileSystem)
    throws(StoreError) -> Int32
  {
    let options: OpenOptions = [.read, .write, .create, .exclusive]
    let fd = try fileSystem.open(path, options, permissions: 0o600)
    do {
      try writeAll(bytes, to: fd, fileSystem: fileSystem)
      try fileSystem.synchronize(fd)
    } catch {
      fileSystem.close(fd)
      try? fileSystem.remove(path)
      throw error
    }
    return fd
  }

  /// Durably replaces `path` with `bytes`: writes a temporary file next to it, `fsync`s it,
  /// renames it over `path` and `fsync`s the folder.
  ///
  /// - Parameters:
  ///   - path: The file to replace or create.
  ///   - bytes: Its new contents.
  ///   - fileSystem: The file system.
  /// - Throws: ``StoreError``. A failure before the rename leaves `path` untouched and removes
  ///   the temporary file; after it, only the folder's `fsync` failed.
  static func replaceDurably(_ path: String, bytes: [UInt8], fileSystem: any FileSystem)
    throws(StoreError)
  {
    let temporary = temporaryPath(for: path)
    let fd = try createDurably(temporary, bytes: bytes, fileSystem: fileSystem)
    fileSystem.close(fd)
    do {
      try fileSystem.rename(temporary, to: path)
    } catch {
      try? fileSystem.remove(temporary)
      throw error
    }
    try fileSystem.synchronizeDirectory(parent(of: path))
  }
}
