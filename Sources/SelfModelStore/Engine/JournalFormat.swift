/// The byte layout of a journal file (all integers little endian; see `Docs/FileFormat.md`).
///
/// Header of version 2 (a journal bound to its user), 32 bytes: magic `"SMJOURNL"`, u16 format
/// version (2), u16 flags (0), u64 base sequence, u64 binding (the first 8 bytes of the SHA-256
/// of the user id, read little endian), u32 CRC-32C of the preceding 28 bytes. Version 1 (still
/// read, and written for a journal opened without a binding) has no binding: 24 bytes, the
/// CRC-32C of the first 20 at offset 20.
///
/// Frame, 20 bytes + payload: u32 payload length, u32 CRC-32C of those 4 length bytes, u64
/// sequence, payload, u32 CRC-32C of every preceding byte of the frame.
///
/// Frames follow the header back to back up to the logical end; after it the file holds zeros
/// (preallocated free space, see ``JournalFile``).
package enum JournalFormat {
  /// The magic bytes that open every journal.
  static let magic = Array("SMJOURNL".utf8)
  /// The format version of a bound journal: the one the store writes and the newest it reads.
  static let version: UInt16 = 2
  /// The format version of an unbound journal (no binding field), from before version 2.
  static let unboundVersion: UInt16 = 1
  /// The size of a version 1 (unbound) header.
  static let headerSize = 24
  /// The size of a version 2 (bound) header.
  static let boundHeaderSize = 32
  /// The bytes a frame adds to its payload.
  static let frameOverhead = 20
  /// The largest payload a frame may carry (64 MiB); a larger length field is damage.
  static let maximumPayloadLength = 64 << 20

  /// The header of a journal whose first record will have `baseSequence`: version 2 with
  /// `binding`, or version 1 without one.
  ///
  /// - Parameters:
  ///   - baseSequence: The first sequence number.
  ///   - binding: The owner's binding (see ``binding(of:)``), or `nil` for an unbound journal.
  /// - Returns: 32 bytes, or 24 without a binding.
  static func header(baseSequence: UInt64, binding: UInt64? = nil) -> [UInt8] {
    var writer = BinaryWriter(capacity: boundHeaderSize)
    writer.write(raw: magic)
    writer.write(littleEndian: binding == nil ? unboundVersion : version)
    writer.write(littleEndian: UInt16(0))
    writer.write(littleEndian: baseSequence)
    if let binding { writer.write(littleEndian: binding) }
    writer.write(littleEndian: CRC32C.checksum(writer.bytes))
    return writer.bytes
  }

  /// The binding of an owner: the first 8 bytes of the SHA-256 of its id, little endian.
  ///
  /// - Parameter owner: The owner's id, as UTF-8 bytes.
  /// - Returns: The value a bound header carries.
  static func binding(of owner: [UInt8]) -> UInt64 {
    SHA256.digest(of: owner).prefix(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// Appends one frame to `writer`.
  ///
  /// - Parameters:
  ///   - payload: The payload, at most ``maximumPayloadLength`` bytes.
  ///   - sequence: Its sequence number.
  ///   - writer: Where to append.
  static func appendFrame(
    _ payload: [UInt8], sequence: UInt64, to writer: inout BinaryWriter
  ) {
    let start = writer.bytes.count
    let length = UInt32(payload.count)
    writer.write(littleEndian: length)
    writer.write(littleEndian: CRC32C.checksum(writer.bytes[start...]))
    writer.write(littleEndian: sequence)
    writer.write(raw: payload)
    writer.write(littleEndian: CRC32C.checksum(writer.bytes[start...]))
  }

  /// Reads a `T` at `offset`, which the caller has bounds-checked.
  static func load<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> T {
    T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
  }

  /// What a journal header says.
  package struct Header {
    /// The sequence number of the first frame.
    package var baseSequence: UInt64
    /// The owner's binding; `nil` for a version 1 (unbound) journal.
    package var binding: UInt64?
    /// Where the frames start.
    package var size: Int
  }

  /// Validates the header.
  ///
  /// Checks, in order: the size (``StoreError/Code/corruptFile``), the magic
  /// (``StoreError/Code/unknownFormat``), the version (``StoreError/Code/newerFormat`` when
  /// higher, ``StoreError/Code/unknownFormat`` for 0), the checksum and the flags
  /// (``StoreError/Code/corruptFile``).
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - path: The file, for errors.
  /// - Returns: The header.
  /// - Throws: ``StoreError`` as above, with offset 0.
  package static func header(_ bytes: UnsafeRawBufferPointer, path: String) throws(StoreError)
    -> Header
  {
    guard bytes.count >= headerSize else {
      throw .corrupt("open", path: path, offset: 0, detail: "journal header is cut off")
    }
    guard bytes.prefix(magic.count).elementsEqual(magic) else {
      throw StoreError(
        .unknownFormat, operation: "open", path: path, offset: 0, detail: "not a journal file")
    }
    let found: UInt16 = load(bytes, 8)
    guard found <= version else {
      throw StoreError(
        .newerFormat, operation: "open", path: path, offset: 0,
        detail: "journal format \(found); this library reads up to \(version)")
    }
    guard found > 0 else {
      throw StoreError(.unknownFormat, operation: "open", path: path, offset: 0)
    }
    let size = found == unboundVersion ? headerSize : boundHeaderSize
    guard bytes.count >= size else {
      throw .corrupt("open", path: path, offset: 0, detail: "journal header is cut off")
    }
    let stored: UInt32 = load(bytes, size - 4)
    let flags: UInt16 = load(bytes, 10)
    guard CRC32C.update(0, .init(rebasing: bytes[..<(size - 4)])) == stored, flags == 0 else {
      throw .corrupt("open", path: path, offset: 0, detail: "journal header checksum mismatch")
    }
    let binding: UInt64? = found == unboundVersion ? nil : load(bytes, 20)
    return Header(baseSequence: load(bytes, 12), binding: binding, size: size)
  }
}
