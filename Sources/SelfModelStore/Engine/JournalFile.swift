#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An append-only journal of checksummed, sequence-numbered records: the durable ledger of one
/// user's operations.
///
/// The file is preallocated: it grows in chunks of real zero bytes (4 KiB, then doubling, at
/// most 8 MiB at a time), `fsync`ed once per chunk, and records are written with `pwrite` into
/// that space at the logical end, ``length``. A steady-state ``synchronize()`` therefore
/// changes neither the file's size nor its block map, and `fdatasync` has only data to flush.
///
/// Opening recovers the file: the logical end is the end of the last valid record; a torn
/// tail (a crash mid-append) is erased, damage is an error (or, in salvage mode, erased after a
/// copy is kept aside). The layout and the end-torn-damage rule are in ``JournalFormat``,
/// ``JournalScanner`` and `Docs/FileFormat.md`.
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
  /// The open descriptor (read and write, not appending), or `nil` once closed.
  private var fd: Int32?
  /// The logical end of the journal: the end of the last record, where the next one goes.
  /// The file is usually longer; its bytes from here to ``capacity`` are zero.
  package private(set) var length: Int
  /// How far the file is known to hold zero-filled, allocated space: records up to here are
  /// written without changing the file's size.
  private var capacity: Int
  /// The sequence number the next appended record gets.
  package private(set) var nextSequence: UInt64
  /// The owner's binding written into the header on ``reset(baseSequence:)``, or `nil` for an
  /// unbound (version 1) journal.
  private let binding: UInt64?
  /// The end of the bytes a failed append may have left after ``length`` when erasing them
  /// failed too; the next append or synchronize erases `length..<dirtyEnd` first.
  private var dirtyEnd: Int?

  /// The first chunk a journal grows by; later chunks double the file.
  static let minimumGrowth = 4 << 10
  /// The largest chunk a journal grows by, unless one append needs more.
  static let maximumGrowth = 8 << 20
  /// The granularity of the file's size when it grows (a page).
  static let growthAlignment = 4 << 10

  /// Creates a journal over an open, recovered descriptor.
  private init(
    path: String, fileSystem: any FileSystem, fd: Int32, length: Int, capacity: Int,
    nextSequence: UInt64, binding: UInt64?
  ) {
    self.binding = binding
    self.path = path
    self.fileSystem = fileSystem
    self.fd = fd
    self.length = length
    self.capacity = max(capacity, length)
    self.nextSequence = nextSequence
  }

  deinit { if let fd { fileSystem.close(fd) } }

  /// Opens a journal, creating it (header only, mode 0600, durably) if it is missing, and
  /// recovers it.
  ///
  /// The journal continues at the end of its last valid record. Zeros after it are the
  /// preallocated free space and stay. In strict mode a torn tail is overwritten with zeros and
  /// the erasure `fdatasync`ed; damage throws and changes nothing on disk. In salvage mode
  /// damage keeps the valid prefix: the original file is first copied aside to
  /// `"<path>.damaged-<k>"` (the first free `k` from 1, `fsync`ed), then everything from the
  /// damage on is overwritten with zeros. Leftover temporary files of the journal are removed.
  ///
  /// With a `binding`, a new journal gets a version 2 header carrying it, and an existing one
  /// whose header carries another binding is refused (in salvage mode too): it belongs to
  /// another user. A version 1 journal (no binding) is read as before and upgraded to version 2
  /// by the next ``reset(baseSequence:)``.
  ///
  /// - Parameters:
  ///   - path: The journal file.
  ///   - fileSystem: The file system.
  ///   - baseSequence: The first sequence number of a new journal; ignored for an existing one.
  ///   - salvage: Keep the valid prefix of a damaged journal instead of throwing.
  ///   - binding: The owner's binding (``JournalFormat/binding(of:)``), or `nil` for an
  ///     unbound journal.
  /// - Returns: The journal, positioned to append, and what recovery found.
  /// - Throws: ``StoreError/Code/corruptFile`` with the path and the damaged record's offset;
  ///   ``StoreError/Code/newerFormat`` or ``StoreError/Code/unknownFormat`` for a header from
  ///   another format, ``StoreError/Code/corruptFile`` at offset 20 for another owner's journal;
  ///   the file system's errors.
  package static func open(
    path: String, fileSystem: any FileSystem, baseSequence: UInt64 = 1, salvage: Bool = false,
    binding: UInt64? = nil
  ) throws(StoreError) -> (JournalFile, JournalRecovery) {
    if !fileSystem.exists(path) {
      let header = JournalFormat.header(baseSequence: baseSequence, binding: binding)
      try FileIO.replaceDurably(path, bytes: header, fileSystem: fileSystem)
    }
    let fd = try fileSystem.open(path, [.read, .write], permissions: 0o600)
    do {
      let bytes = try FileIO.readAll(fd, fileSystem: fileSystem, path: path)
      let (outcome, base) = try scan(bytes, path: path, binding: binding)
      let recovery = try recover(
        outcome, of: bytes, fd: fd, path: path, fileSystem: fileSystem, salvage: salvage)
      let journal = JournalFile(
        path: path, fileSystem: fileSystem, fd: fd, length: outcome.validLength,
        capacity: bytes.count, nextSequence: base &+ UInt64(outcome.records.count),
        binding: binding)
      FileIO.removeStaleTemporaries(of: path, fileSystem: fileSystem)
      return (journal, recovery)
    } catch {
      fileSystem.close(fd)
      throw error
    }
  }

  /// Reads a journal without changing anything on disk, for read-only views and tools: a torn
  /// tail is reported in ``JournalRecovery/truncatedBytes`` but not erased.
  ///
  /// - Parameters:
  ///   - path: The journal file.
  ///   - fileSystem: The file system.
  ///   - binding: The owner's binding to check, or `nil` to accept any.
  /// - Returns: The valid records, or `nil` if there is no journal.
  /// - Throws: Like ``open(path:fileSystem:baseSequence:salvage:binding:)`` in strict mode.
  package static func inspect(
    path: String, fileSystem: any FileSystem, binding: UInt64? = nil
  ) throws(StoreError) -> JournalRecovery? {
    guard let bytes = try FileIO.readFileIfPresent(path, fileSystem: fileSystem) else {
      return nil
    }
    let (outcome, base) = try scan(bytes, path: path, binding: binding)
    if let damage = outcome.damage {
      throw .corrupt(
        "inspect", path: path, offset: damage.offset, detail: "journal damaged: \(damage.reason)")
    }
    var recovery = JournalRecovery(
      records: outcome.records, truncatedBytes: outcome.dataEnd - outcome.validLength)
    recovery.nextSequence = base &+ UInt64(outcome.records.count)
    return recovery
  }

  /// Validates the header (and its binding, if `binding` is given) and scans the frames of a
  /// whole journal file.
  private static func scan(_ bytes: [UInt8], path: String, binding: UInt64?) throws(StoreError)
    -> (JournalScanner.Outcome, UInt64)
  {
    let header = try bytes.withUnsafeBytes { raw in
      Result { () throws(StoreError) in try JournalFormat.header(raw, path: path) }
    }.get()
    if let binding, let found = header.binding, found != binding {
      throw .corrupt(
        "open", path: path, offset: 20,
        detail: "the journal belongs to another user (binding \(found), expected \(binding))")
    }
    let outcome = JournalScanner.scan(bytes, baseSequence: header.baseSequence, from: header.size)
    return (outcome, header.baseSequence)
  }

  /// Acts on a scan: throws on damage (or, in salvage mode, keeps a copy aside), then
  /// overwrites the torn tail or the damage with zeros, durably, so that no stale byte is left
  /// after the logical end for a later, shorter append to expose.
  private static func recover(
    _ outcome: JournalScanner.Outcome, of bytes: [UInt8], fd: Int32, path: String,
    fileSystem: any FileSystem, salvage: Bool
  ) throws(StoreError) -> JournalRecovery {
    var copy: String?
    if let damage = outcome.damage {
      guard salvage else {
        throw .corrupt(
          "open", path: path, offset: damage.offset, detail: "journal damaged: \(damage.reason)")
      }
      copy = try keepAside(bytes, of: path, fileSystem: fileSystem)
    }
    if outcome.dataEnd > outcome.validLength {
      try FileIO.writeZeros(outcome.validLength..<outcome.dataEnd, to: fd, fileSystem: fileSystem)
      try fileSystem.synchronizeData(fd)
    }
    return JournalRecovery(
      records: outcome.records, truncatedBytes: outcome.dataEnd - outcome.validLength,
      salvagedFrom: outcome.damage?.offset, damagedCopy: copy)
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

  /// Appends one frame per payload, with consecutive sequence numbers, in one positioned write
  /// loop at ``length`` (short writes and `EINTR` are retried), growing the file by a chunk of
  /// zeros first if the frames do not fit. Does not `fsync`: call ``synchronize()``.
  ///
  /// Growing writes zeros and `fsync`s the file; if the chunk does not fit on the disk, the
  /// file grows by only what this append needs. On failure nothing is appended: bytes already
  /// written are overwritten with zeros and `fdatasync`ed (if that fails too, the next append
  /// or synchronize retries it first).
  ///
  /// - Parameter payloads: At least one payload, each at most 64 MiB.
  /// - Returns: The sequence numbers given to the payloads.
  /// - Throws: ``StoreError/Code/closed`` after ``close()``,
  ///   ``StoreError/Code/invalidArgument`` for an oversized payload,
  ///   ``StoreError/Code/diskFull`` when the file cannot grow, the file system's errors.
  package func append(_ payloads: [[UInt8]]) throws(StoreError) -> ClosedRange<UInt64> {
    let fd = try openDescriptor("append")
    let frames = try encode(payloads)
    try eraseFailedAppend(fd)
    try reserve(frames.count, fd: fd)
    do {
      try frames.withUnsafeBytes { buffer in
        Result { () throws(StoreError) in
          try FileIO.writeAll(buffer, to: fd, at: length, fileSystem: fileSystem)
        }
      }.get()
    } catch {
      dirtyEnd = length + frames.count
      try? eraseFailedAppend(fd)
      throw error
    }
    let first = nextSequence
    length += frames.count
    nextSequence = first &+ UInt64(payloads.count)
    return first...(nextSequence &- 1)
  }

  /// The frames of `payloads`, numbered from ``nextSequence``.
  private func encode(_ payloads: [[UInt8]]) throws(StoreError) -> [UInt8] {
    precondition(!payloads.isEmpty, "append needs at least one payload")
    for payload in payloads where payload.count > JournalFormat.maximumPayloadLength {
      throw StoreError(
        .invalidArgument, operation: "append", path: path,
        detail: "payload of \(payload.count) bytes exceeds the 64 MiB limit")
    }
    var writer = BinaryWriter(
      capacity: payloads.reduce(0) { $0 + $1.count + JournalFormat.frameOverhead })
    for (index, payload) in payloads.enumerated() {
      JournalFormat.appendFrame(payload, sequence: nextSequence &+ UInt64(index), to: &writer)
    }
    return writer.bytes
  }

  /// Makes sure `count` bytes fit after ``length`` in zero-filled space, growing the file by
  /// the next chunk (or, when the disk is full, by only what is needed).
  private func reserve(_ count: Int, fd: Int32) throws(StoreError) {
    let needed = length + count
    guard needed > capacity else { return }
    let minimal = Self.aligned(needed)
    let doubled = min(max(2 * capacity, Self.minimumGrowth), capacity + Self.maximumGrowth)
    let preferred = max(minimal, Self.aligned(doubled))
    do throws(StoreError) {
      try grow(to: preferred, fd: fd)
    } catch  where error.code == .diskFull && preferred > minimal {
      try grow(to: minimal, fd: fd)
    }
  }

  /// Writes zeros from ``capacity`` to `target` and `fsync`s the file (its new size and
  /// blocks), then moves ``capacity``. On failure ``capacity`` stays: the zeros already
  /// written are harmless and are written again by the next growth.
  private func grow(to target: Int, fd: Int32) throws(StoreError) {
    try FileIO.writeZeros(capacity..<target, to: fd, fileSystem: fileSystem)
    try fileSystem.synchronize(fd)
    capacity = target
  }

  /// `offset` rounded up to ``growthAlignment``.
  private static func aligned(_ offset: Int) -> Int {
    (offset + growthAlignment - 1) / growthAlignment * growthAlignment
  }

  /// Overwrites what a failed append may have left after ``length`` with zeros and
  /// `fdatasync`s, if an earlier attempt failed; does nothing otherwise.
  private func eraseFailedAppend(_ fd: Int32) throws(StoreError) {
    guard let end = dirtyEnd else { return }
    try FileIO.writeZeros(length..<end, to: fd, fileSystem: fileSystem)
    try fileSystem.synchronizeData(fd)
    dirtyEnd = nil
  }

  /// Makes every appended record durable (`fdatasync`), after erasing what a failed append
  /// left behind, if an earlier erasure failed.
  ///
  /// - Throws: ``StoreError/Code/closed`` after ``close()``, the file system's errors. After a
  ///   failure, durability of earlier appends is unknown: the store must stop writing.
  package func synchronize() throws(StoreError) {
    let fd = try openDescriptor("synchronize")
    guard dirtyEnd == nil else { return try eraseFailedAppend(fd) }
    try fileSystem.synchronizeData(fd)
  }

  /// Empties the journal (header only) with a new base sequence, durably: a new file is
  /// written and `fsync`ed, renamed over the journal, and the folder `fsync`ed. Used after
  /// compaction. The new file holds the header and nothing else, so no byte of an old record
  /// survives in it (the next append grows it with fresh zeros).
  ///
  /// - Parameter baseSequence: The sequence number of the next record.
  /// - Throws: ``StoreError``. If the rename failed, the journal is unchanged; if only the
  ///   folder's `fsync` failed, the journal is already the new, empty one.
  package func reset(baseSequence: UInt64) throws(StoreError) {
    let old = try openDescriptor("reset")
    let header = JournalFormat.header(baseSequence: baseSequence, binding: binding)
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
    capacity = header.count
    nextSequence = baseSequence
    dirtyEnd = nil
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
