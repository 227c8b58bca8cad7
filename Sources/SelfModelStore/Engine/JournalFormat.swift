/// The byte layout of a journal file (all integers little endian; see `Docs/FileFormat.md`).
///
/// Header, 24 bytes: magic `"SMJOURNL"`, u16 format version (1), u16 flags (0), u64 base
/// sequence, u32 CRC-32C of the preceding 20 bytes.
///
/// Frame, 20 bytes + payload: u32 payload length, u32 CRC-32C of those 4 length bytes, u64
/// sequence, payload, u32 CRC-32C of every preceding byte of the frame.
///
/// Frames follow the header back to back up to the logical end; after it the file holds zeros
/// (preallocated free space, see ``JournalFile``).
enum JournalFormat {
  /// The magic bytes that open every journal.
  static let magic = Array("SMJOURNL".utf8)
  /// The format version this library writes and the newest it reads.
  static let version: UInt16 = 1
  /// The size of the file header.
  static let headerSize = 24
  /// The bytes a frame adds to its payload.
  static let frameOverhead = 20
  /// The largest payload a frame may carry (64 MiB); a larger length field is damage.
  static let maximumPayloadLength = 64 << 20

  /// The header of a journal whose first record will have `baseSequence`.
  ///
  /// - Parameter baseSequence: The first sequence number.
  /// - Returns: 24 bytes.
  static func header(baseSequence: UInt64) -> [UInt8] {
    var writer = BinaryWriter(capacity: headerSize)
    writer.write(raw: magic)
    writer.write(littleEndian: version)
    writer.write(littleEndian: UInt16(0))
    writer.write(littleEndian: baseSequence)
    writer.write(littleEndian: CRC32C.checksum(writer.bytes))
    return writer.bytes
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

  /// Validates the header and returns the base sequence.
  ///
  /// Checks, in order: the size (``StoreError/Code/corruptFile``), the magic
  /// (``StoreError/Code/unknownFormat``), the version (``StoreError/Code/newerFormat`` when
  /// higher, ``StoreError/Code/unknownFormat`` for 0), the checksum and the flags
  /// (``StoreError/Code/corruptFile``).
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - path: The file, for errors.
  /// - Returns: The base sequence.
  /// - Throws: ``StoreError`` as above, with offset 0.
  static func baseSequence(_ bytes: UnsafeRawBufferPointer, path: String) throws(StoreError)
    -> UInt64
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
    let stored: UInt32 = load(bytes, 20)
    let flags: UInt16 = load(bytes, 10)
    guard CRC32C.update(0, .init(rebasing: bytes[..<20])) == stored, flags == 0 else {
      throw .corrupt("open", path: path, offset: 0, detail: "journal header checksum mismatch")
    }
    return load(bytes, 12)
  }
}
