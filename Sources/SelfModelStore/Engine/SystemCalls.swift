#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// The C library's calls that `POSIXFileSystem` shadows with methods of the same name, and the
// durable sync that differs by platform. Free functions, so their bodies see the C names.

/// The calling thread's `errno`.
var systemErrno: Int32 { errno }

/// `open(2)`.
func systemOpen(_ path: String, _ flags: Int32, _ mode: UInt32) -> Int32 {
  open(path, flags, mode_t(mode))
}

/// `close(2)`; its result is ignored, as a failed close leaves nothing to retry.
func systemClose(_ fd: Int32) {
  _ = close(fd)
}

/// `write(2)`.
func systemWrite(_ fd: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, base, count)
}

/// `rename(2)`.
func systemRename(_ from: String, _ to: String) -> Int32 {
  rename(from, to)
}

/// Flushes `fd` to stable storage; `dataOnly` allows skipping metadata not needed to read the
/// data back. Returns 0 or -1 with `errno` set.
///
/// On Linux this is `fdatasync` (`dataOnly`) or `fsync`. On Darwin `fsync` only hands the data
/// to the drive, whose cache may lose it at power loss; `fcntl(F_FULLFSYNC)` flushes the cache
/// too. File systems that do not support it (some network ones) fall back to `fsync`, as
/// SQLite does.
func systemSync(_ fd: Int32, dataOnly: Bool) -> Int32 {
  #if canImport(Darwin)
    if fcntl(fd, F_FULLFSYNC) == 0 { return 0 }
    return fsync(fd)
  #else
    return dataOnly ? fdatasync(fd) : fsync(fd)
  #endif
}

/// The path `fd` refers to, if the platform can say: `/proc/self/fd` on Linux,
/// `fcntl(F_GETPATH)` on Darwin.
func systemPath(of fd: Int32) -> String? {
  var buffer = [CChar](repeating: 0, count: 4_096)
  #if canImport(Darwin)
    guard fcntl(fd, F_GETPATH, &buffer) == 0 else { return nil }
    let count = buffer.firstIndex(of: 0) ?? buffer.count
  #else
    let count = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
  #endif
  return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
