#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A checksummed file holding one payload (the store's compacted model), replaced atomically.
///
/// Layout (little endian), 28-byte header then the payload: magic `"SMSNAPSH"`, u16 format
/// version (1), u16 flags (0), u64 payload length, u32 CRC-32C of the payload, u32 CRC-32C of
/// the preceding 24 header bytes. See `Docs/FileFormat.md`.
///
/// A write goes to `"<path>.tmp-<random>"`, is `fsync`ed, renamed over `path`, and the folder
/// is `fsync`ed; the file has mode 0600. A crash leaves either the old or the new snapshot,
/// plus possibly a temporary file, which ``read(from:fileSystem:magic:)`` ignores and the next
/// ``write(_:to:fileSystem:magic:)`` removes.
package enum SnapshotFile {
  /// The magic bytes that open every snapshot.
  static let magic = Array("SMSNAPSH".utf8)
  /// The format version this library writes and the newest it reads.
  static let version: UInt16 = 1
  /// The size of the header.
  static let headerSize = 28

  /// Durably replaces the snapshot at `path` with `payload`.
  ///
  /// - Parameters:
  ///   - payload: The bytes to store.
  ///   - path: The snapshot file.
  ///   - fileSystem: The file system.
  ///   - magic: The 8 bytes naming the kind of file: ``magic`` for a snapshot, another value
  ///     for another kind framed the same way (the store's `CATALOGUE`).
  /// - Throws: ``StoreError`` from the file system. A failure before the rename leaves the old
  ///   snapshot in place.
  package static func write(
    _ payload: [UInt8], to path: String, fileSystem: any FileSystem, magic: [UInt8] = magic
  ) throws(StoreError) {
    FileIO.removeStaleTemporaries(of: path, fileSystem: fileSystem)
    var writer = BinaryWriter(capacity: headerSize + payload.count)
    writer.write(raw: magic)
    writer.write(littleEndian: version)
    writer.write(littleEndian: UInt16(0))
    writer.write(littleEndian: UInt64(payload.count))
    writer.write(littleEndian: CRC32C.checksum(payload))
    writer.write(littleEndian: CRC32C.checksum(writer.bytes))
    writer.write(raw: payload)
    try FileIO.replaceDurably(path, bytes: writer.bytes, fileSystem: fileSystem)
  }

  /// Reads and verifies the snapshot at `path`.
  ///
  /// - Parameters:
  ///   - path: The snapshot file.
  ///   - fileSystem: The file system.
  ///   - magic: The 8 bytes the file must start with (see ``write(_:to:fileSystem:magic:)``).
  /// - Returns: The payload, or `nil` if there is no file.
  /// - Throws: ``StoreError/Code/corruptFile`` (offset 0 for the header, 28 for the payload)
  ///   on any mismatch, ``StoreError/Code/newerFormat`` for a higher version,
  ///   ``StoreError/Code/unknownFormat`` for a file that is not a snapshot.
  package static func read(
    from path: String, fileSystem: any FileSystem, magic: [UInt8] = magic
  ) throws(StoreError) -> [UInt8]? {
    guard let bytes = try FileIO.readFileIfPresent(path, fileSystem: fileSystem) else {
      return nil
    }
    return try bytes.withUnsafeBytes { raw in
      Result { () throws(StoreError) in try payload(of: raw, path: path, magic: magic) }
    }.get()
  }

  /// Verifies the header and payload of a whole file.
  package static func payload(
    of bytes: UnsafeRawBufferPointer, path: String, magic: [UInt8] = magic
  ) throws(StoreError) -> [UInt8] {
    let kind = magic == Self.magic ? "snapshot" : "catalogue"
    guard bytes.count >= headerSize else {
      throw .corrupt("read", path: path, offset: 0, detail: "\(kind) header is cut off")
    }
    guard bytes.prefix(magic.count).elementsEqual(magic) else {
      throw StoreError(
        .unknownFormat, operation: "read", path: path, offset: 0, detail: "not a \(kind) file")
    }
    let found: UInt16 = JournalFormat.load(bytes, 8)
    guard found <= version else {
      throw StoreError(
        .newerFormat, operation: "read", path: path, offset: 0,
        detail: "\(kind) format \(found); this library reads up to \(version)")
    }
    let flags: UInt16 = JournalFormat.load(bytes, 10)
    let headerChecksum: UInt32 = JournalFormat.load(bytes, 24)
    guard found > 0, flags == 0, CRC32C.update(0, .init(rebasing: bytes[..<24])) == headerChecksum
    else {
      throw .corrupt("read", path: path, offset: 0, detail: "\(kind) header checksum mismatch")
    }
    let length: UInt64 = JournalFormat.load(bytes, 12)
    let body = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
    let payloadChecksum: UInt32 = JournalFormat.load(bytes, 20)
    guard length == UInt64(body.count), CRC32C.update(0, body) == payloadChecksum else {
      throw .corrupt(
        "read", path: path, offset: headerSize, detail: "\(kind) payload length or checksum")
    }
    return Array(body)
  }
}
