import Glibc

/// An append-only journal of checksummed, sequence-numbered records: the durable ledger of one
/// user's operations.
///
/// Opening recovers the file: a torn tail (a crash mid-append) is cut off, damage anywhere
/// else is an error (or, in salvage mode, cut off after a copy is kept aside). The layout and
/// the torn-versus-damage rule are in ``JournalFormat``, ``JournalScanner`` and
/// `Docs/FileFormat.md`.
///
/// Not `Sendable`: a journal is confined to the store thread that owns it.
///
/// ```swift
/// let (journal, recovery) = try JournalFile.open(path: path, fileSystem: POSIXFileSystem())
/// let sequences = try journal.append([payload])
/// try journal.synchronize()  // now durable
/// ```
package final class JournalFile {
  /// The journal's path.
  package let path: String
  /// The file system every call goes through.
  private let fileSystem: any FileSystem
  /// The open descriptor (appending), or `nil` once closed.
  private var fd: Int32?
  /// The length of the valid journal; the file ends here unless a rollback failed.
  package private(set) var length: Int
  /// The sequence number the next appended record gets.
  package private(set) var nextSequence: UInt64
  /// Set when a failed append could not truncate its partial bytes away; the next append
  /// retries the truncation first.
  private var needsRollback = false

  /// Creates a journal over an open, recovered descriptor.
  private init(
    path: String, fileSystem: any FileSystem, fd: Int32, length: Int, nextSequence: UInt64
  ) {
    self.path = path
    self.fileSystem = fileSystem
    self.fd = fd
    self.length = length
    self.nextSequence = nextSequence
  }

  deinit { if let fd { fileSystem.close(fd) } }

  /// Opens a journal, creating it (header only, mode 0600, durably) if it is missing, and
  /// recovers it.
  ///
  /// In strict mode a torn tail is truncated and the truncation `fsync`ed; damage anywhere
  /// else throws and changes nothing on disk. In salvage mode damage keeps the valid prefix:
  /// the original file is first copied aside to `"<path>.damaged-<k>"` (the first free `k`
  /// from 1, `fsync`ed), then truncated at the damage. Leftover temporary files of the journal
  /// are removed.
  ///
  /// - Parameters:
  ///   - path: The journal file.
  ///   - fileSystem: The file system.
  ///   - baseSequence: The first sequence number of a new journal; ignored for an existing one.
  ///   - salvage: Keep the valid prefix of a damaged journal instead of throwing.
  /// - Returns: The journal, positioned to append, and what recovery found.
  /// - Throws: ``StoreError/Code/corruptFile`` with the path and the damaged record's offset;
  ///   ``StoreError/Code/newerFormat`` or ``StoreError/Code/unknownFormat`` for a header from
  ///   another format; the file system's errors.
  package static func open(
    path: String, fileSystem: any FileSystem, baseSequence: UInt64 = 1, salvage: Bool = false
  ) throws(StoreError) -> (JournalFile, JournalRecovery) {
    if !fileSystem.exists(path) {
      let header = JournalFormat.header(baseSequence: baseSequence)
      try FileIO.replaceDurably(path, bytes: header, fileSystem: fileSystem)
    }
    let fd = try fileSystem.open(path, [.read, .write, .append], permissions: 0o600)
    do {
      let bytes = try FileIO.readAll(fd, fileSystem: fileSystem)
      let (recovery, base) = try recover(
        bytes, fd: fd, path: path, fileSystem: fileSystem, salvage: salvage)
      let journal = JournalFile(
        path: path, fileSystem: fileSystem, fd: fd,
        length: bytes.count - recovery.truncatedBytes,
        nextSequence: base &+ UInt64(recovery.records.count))
      FileIO.removeStaleTemporaries(of: path, fileSystem: fileSystem)
      return (journal, recovery)
    } catch {
      fileSystem.close(fd)
      throw error
    }
  }

  /// Reads a journal without changing anything on disk, for read-only views and tools: a torn
  /// tail is reported in ``JournalRecovery/truncatedBytes`` but not removed.
  ///
  /// - Parameters:
  ///   - path: The journal file.
  ///   - fileSystem: The file system.
  /// - Returns: The valid records, or `nil` if there is no journal.
  /// - Throws: Like ``open(path:fileSystem:baseSequence:salvage:)`` in strict mode.
  package static func inspect(path: String, fileSystem: any FileSystem) throws(StoreError)
    -> JournalRecovery?
  {
    let fd: Int32
    do {
      fd = try fileSystem.open(path, [.read], permissions: 0)
    } catch  where error.errno == ENOENT {
      return nil
    }
    defer { fileSystem.close(fd) }
    let bytes = try FileIO.readAll(fd, fileSystem: fileSystem)
    let (outcome, _) = try scan(bytes, path: path)
    if let damage = outcome.damage {
      throw .corrupt(
        "inspect", path: path, offset: damage.offset, detail: "journal damaged: \(damage.reason)")
    }
    return JournalRecovery(
      records: outcome.records, truncatedBytes: bytes.count - outcome.validLength)
  }

  /// Validates the header and scans the frames of a whole journal file.
  private static func scan(_ bytes: [UInt8], path: String) throws(StoreError)
    -> (JournalScanner.Outcome, UInt64)
  {
    try bytes.withUnsafeBytes { raw in
      Result { () throws(StoreError) in
        let base = try JournalFormat.baseSequence(raw, path: path)
        return (JournalScanner.scan(raw, baseSequence: base), base)
      }
    }.get()
  }

  /// Scans `bytes`, then cuts the torn tail (or, in salvage mode, the damage) off the file.
  private static func recover(
    _ bytes: [UInt8], fd: Int32, path: String, fileSystem: any FileSystem, salvage: Bool
  ) throws(StoreError) -> (JournalRecovery, UInt64) {
    let (outcome, base) = try scan(bytes, path: path)
    var copy: String?
    if let damage = outcome.damage {
      guard salvage else {
        throw .corrupt(
          "open", path: path, offset: damage.offset, detail: "journal damaged: \(damage.reason)")
      }
      copy = try keepAside(bytes, of: path, fileSystem: fileSystem)
    }
    if outcome.validLength < bytes.count {
      try fileSystem.truncate(fd, to: outcome.validLength)
      try fileSystem.synchronize(fd)
    }
    let recovery = JournalRecovery(
      records: outcome.records, truncatedBytes: bytes.count - outcome.validLength,
      salvagedFrom: outcome.damage?.offset, damagedCopy: copy)
    return (recovery, base)
  }

  /// Copies a damaged journal to the first free `"<path>.damaged-<k>"`, durably.
  private static func keepAside(_ bytes: [UInt8], of path: String, fileSystem: any FileSystem)
    throws(StoreError) -> String
  {
    var k = 1
    while fileSystem.exists("\(path).damaged-\(k)") { k += 1 }
    let copy = "\(path).damaged-\(k)"
    let fd = try FileIO.createDurably(copy, bytes: bytes, fileSystem: fileSystem)
    fileSystem.close(fd)
    try fileSystem.synchronizeDirectory(FileIO.parent(of: path))
    return copy
  }

  /// Appends one frame per payload, with consecutive sequence numbers, in one write loop
  /// (short writes and `EINTR` are retried). Does not `fsync`: call ``synchronize()``.
  ///
  /// On failure the file is truncated back to its length before the call (if that fails too,
  /// the next append retries it first) and nothing is appended.
  ///
  /// - Parameter payloads: At least one payload, each at most 64 MiB.
  /// - Returns: The sequence numbers given to the payloads.
  /// - Throws: ``StoreError/Code/closed`` after ``close()``,
  ///   ``StoreError/Code/invalidArgument`` for an oversized payload, the file system's errors.
  package func append(_ payloads: [[UInt8]]) throws(StoreError) -> ClosedRange<UInt64> {
    precondition(!payloads.isEmpty, "append needs at least one payload")
    let fd = try openDescriptor("append")
    for payload in payloads where payload.count > JournalFormat.maximumPayloadLength {
      throw StoreError(
        .invalidArgument, operation: "append", path: path,
        detail: "payload of \(payload.count) bytes exceeds the 64 MiB limit")
    }
    if needsRollback {
      try fileSystem.truncate(fd, to: length)
      needsRollback = false
    }
    var writer = BinaryWriter(
      capacity: payloads.reduce(0) { $0 + $1.count + JournalFormat.frameOverhead })
    for (index, payload) in payloads.enumerated() {
      JournalFormat.appendFrame(payload, sequence: nextSequence &+ UInt64(index), to: &writer)
    }
    do {
      try FileIO.writeAll(writer.bytes, to: fd, fileSystem: fileSystem)
    } catch {
      do { try fileSystem.truncate(fd, to: length) } catch { needsRollback = true }
      throw error
    }
    let first = nextSequence
    length += writer.bytes.count
    nextSequence = first &+ UInt64(payloads.count)
    return first...(nextSequence &- 1)
  }

  /// Makes every appended record durable (`fdatasync`).
  ///
  /// - Throws: ``StoreError/Code/closed`` after ``close()``, the file system's errors. After a
  ///   failure, durability of earlier appends is unknown: the store must stop writing.
  package func synchronize() throws(StoreError) {
    try fileSystem.synchronizeData(try openDescriptor("synchronize"))
  }

  /// Empties the journal (header only) with a new base sequence, durably: a new file is
  /// written and `fsync`ed, renamed over the journal, and the folder `fsync`ed. Used after
  /// compaction.
  ///
  /// - Parameter baseSequence: The sequence number of the next record.
  /// - Throws: ``StoreError``. If the rename failed, the journal is unchanged; if only the
  ///   folder's `fsync` failed, the journal is already the new, empty one.
  package func reset(baseSequence: UInt64) throws(StoreError) {
    let old = try openDescriptor("reset")
    let header = JournalFormat.header(baseSequence: baseSequence)
    let temporary = FileIO.temporaryPath(for: path)
    let fresh = try FileIO.createDurably(temporary, bytes: header, fileSystem: fileSystem)
    do {
      try fileSystem.rename(temporary, to: path)
    } catch {
      fileSystem.close(fresh)
      try? fileSystem.remove(temporary)
      throw error
    }
    fileSystem.close(old)
    fd = fresh
    length = header.count
    nextSequence = baseSequence
    needsRollback = false
    try fileSystem.synchronizeDirectory(FileIO.parent(of: path))
  }

  /// Closes the descriptor; later calls throw ``StoreError/Code/closed``. Idempotent.
  package func close() {
    if let fd { fileSystem.close(fd) }
    fd = nil
  }

  /// The descriptor, or ``StoreError/Code/closed``.
  private func openDescriptor(_ operation: String) throws(StoreError) -> Int32 {
    guard let fd else { throw StoreError(.closed, operation: operation, path: path) }
    return fd
  }
}
