package import SelfModelStore

extension FaultInjectingFileSystem {
  /// Forwards `open` unless a fault fires.
  package func open(_ path: String, _ options: OpenOptions, permissions: UInt32)
    throws(StoreError) -> Int32
  {
    _ = try check(.open, path: path)
    return try base.open(path, options, permissions: permissions)
  }

  /// Forwards `kind(of:)`; never faulted.
  package func kind(of path: String) -> FileKind? { base.kind(of: path) }

  /// Forwards `close`; never faulted.
  package func close(_ fd: Int32) { base.close(fd) }

  /// Forwards `write`, possibly shortened or failed.
  package func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(StoreError) -> Int {
    let isShort = try check(.write, path: POSIXFileSystem.path(of: fd))
    let count = isShort ? Self.shortened(bytes.count) : bytes.count
    return try base.write(fd, .init(rebasing: bytes[..<count]))
  }

  /// Forwards a positioned `write`, possibly shortened or failed; counted as ``Operation/write``.
  package func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int)
    throws(StoreError) -> Int
  {
    let isShort = try check(.write, path: nil)
    let count = isShort ? Self.shortened(bytes.count) : bytes.count
    return try base.write(fd, .init(rebasing: bytes[..<count]), at: offset)
  }

  /// Forwards `read`, possibly shortened or failed.
  package func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int)
    throws(StoreError) -> Int
  {
    let isShort = try check(.read, path: POSIXFileSystem.path(of: fd))
    let count = isShort ? Self.shortened(buffer.count) : buffer.count
    return try base.read(fd, into: .init(rebasing: buffer[..<count]), at: offset)
  }

  /// Forwards `size` unless a fault fires.
  package func size(_ fd: Int32) throws(StoreError) -> Int {
    _ = try check(.size, path: POSIXFileSystem.path(of: fd))
    return try base.size(fd)
  }

  /// Forwards `truncate` unless a fault fires.
  package func truncate(_ fd: Int32, to length: Int) throws(StoreError) {
    _ = try check(.truncate, path: POSIXFileSystem.path(of: fd))
    try base.truncate(fd, to: length)
  }

  /// Forwards `synchronize` unless a fault fires, once ``FaultInjectingFileSystem/gate`` is
  /// open.
  package func synchronize(_ fd: Int32) throws(StoreError) {
    gate.pass()
    _ = try check(.synchronize, path: POSIXFileSystem.path(of: fd))
    try base.synchronize(fd)
  }

  /// Forwards `synchronizeData` unless a fault fires, once ``FaultInjectingFileSystem/gate``
  /// is open.
  package func synchronizeData(_ fd: Int32) throws(StoreError) {
    gate.pass()
    _ = try check(.synchronizeData, path: POSIXFileSystem.path(of: fd))
    try base.synchronizeData(fd)
  }

  /// Forwards `rename` unless a fault fires.
  package func rename(_ from: String, to: String) throws(StoreError) {
    _ = try check(.rename, path: from)
    try base.rename(from, to: to)
  }

  /// Forwards `remove` unless a fault fires.
  package func remove(_ path: String) throws(StoreError) {
    _ = try check(.remove, path: path)
    try base.remove(path)
  }

  /// Forwards `makeDirectory` unless a fault fires.
  package func makeDirectory(_ path: String, permissions: UInt32) throws(StoreError) {
    _ = try check(.makeDirectory, path: path)
    try base.makeDirectory(path, permissions: permissions)
  }

  /// Forwards `removeDirectory` unless a fault fires.
  package func removeDirectory(_ path: String) throws(StoreError) {
    _ = try check(.removeDirectory, path: path)
    try base.removeDirectory(path)
  }

  /// Forwards `contents` unless a fault fires.
  package func contents(ofDirectory path: String) throws(StoreError) -> [String] {
    _ = try check(.contents, path: path)
    return try base.contents(ofDirectory: path)
  }

  /// Forwards `exists`; never faulted.
  package func exists(_ path: String) -> Bool { base.exists(path) }

  /// Forwards `lockExclusively` unless a fault fires.
  package func lockExclusively(_ fd: Int32) throws(StoreError) {
    _ = try check(.lock, path: POSIXFileSystem.path(of: fd))
    try base.lockExclusively(fd)
  }

  /// Forwards `synchronizeDirectory` unless a fault fires.
  package func synchronizeDirectory(_ path: String) throws(StoreError) {
    _ = try check(.synchronizeDirectory, path: path)
    try base.synchronizeDirectory(path)
  }
}
