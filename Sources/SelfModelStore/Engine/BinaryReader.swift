/// Reads what ``BinaryWriter`` writes, with every length checked against the bytes left, so
/// malformed input throws instead of trapping.
///
/// Errors are ``StoreError/Code/corruptFile`` with the byte position in the detail.
struct BinaryReader: ~Copyable {
  /// The bytes being read.
  private let bytes: UnsafeRawBufferPointer
  /// The position of the next byte to read.
  private(set) var position = 0

  /// Creates a reader over `bytes`, which must outlive it.
  ///
  /// - Parameter bytes: The bytes.
  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// How many bytes are left.
  var remaining: Int { bytes.count - position }

  /// The error for malformed input at the current position.
  ///
  /// - Parameter reason: What is wrong.
  /// - Returns: A ``StoreError/Code/corruptFile`` error.
  func malformed(_ reason: String) -> StoreError {
    .corrupt("decode", path: nil, offset: nil, detail: "\(reason) at payload byte \(position)")
  }

  /// Checks that `count` more bytes exist.
  ///
  /// - Parameter count: The bytes needed.
  /// - Throws: ``StoreError/Code/corruptFile`` if fewer are left.
  func require(_ count: Int) throws(StoreError) {
    guard count >= 0, count <= remaining else { throw malformed("truncated payload") }
  }

  /// Reads one byte.
  ///
  /// - Returns: The byte.
  /// - Throws: ``StoreError/Code/corruptFile`` at the end.
  mutating func readByte() throws(StoreError) -> UInt8 {
    try require(1)
    defer { position += 1 }
    return bytes[position]
  }

  /// Reads a fixed-width little-endian integer.
  ///
  /// - Parameter type: The integer type.
  /// - Returns: The integer.
  /// - Throws: ``StoreError/Code/corruptFile`` if too few bytes are left.
  mutating func read<T: FixedWidthInteger>(_ type: T.Type) throws(StoreError) -> T {
    try require(MemoryLayout<T>.size)
    defer { position += MemoryLayout<T>.size }
    return T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
  }

  /// Reads a `Double` from its bit pattern.
  ///
  /// - Returns: The number.
  /// - Throws: ``StoreError/Code/corruptFile`` if too few bytes are left.
  mutating func readDouble() throws(StoreError) -> Double {
    Double(bitPattern: try read(UInt64.self))
  }

  /// Reads an unsigned LEB128 number of at most 10 bytes.
  ///
  /// - Returns: The number.
  /// - Throws: ``StoreError/Code/corruptFile`` if it is cut off or too long.
  mutating func readVariable() throws(StoreError) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while shift < 64 {
      let byte = try readByte()
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
    throw malformed("overlong variable-length number")
  }

  /// Reads a count of items that each take at least `minimumSize` bytes, so a damaged count
  /// cannot make the decoder allocate more than the payload could hold.
  ///
  /// - Parameter minimumSize: The smallest encoding of one item, at least 1.
  /// - Returns: The count.
  /// - Throws: ``StoreError/Code/corruptFile`` for an impossible count.
  mutating func readCount(minimumSize: Int) throws(StoreError) -> Int {
    let raw = try readVariable()
    guard raw <= UInt64(remaining / max(minimumSize, 1)) else {
      throw malformed("impossible count \(raw)")
    }
    return Int(raw)
  }

  /// Reads a length-prefixed UTF-8 string, rejecting invalid UTF-8.
  ///
  /// - Returns: The string.
  /// - Throws: ``StoreError/Code/corruptFile`` for a bad length or bad UTF-8.
  mutating func readString() throws(StoreError) -> String {
    let slice = try readStringBytes()
    if slice.allSatisfy({ $0 < 0x80 }) {
      // ASCII, so valid UTF-8: the fast decoder, without `String(validating:)`'s generic
      // path (about 1,400 instructions for an identifier, a third of a journal replay's).
      return String(decoding: slice, as: UTF8.self)
    }
    guard let text = String(validating: slice, as: UTF8.self) else {
      position -= slice.count  // the error names where the string starts
      throw malformed("invalid UTF-8")
    }
    return text
  }

  /// Reads a length-prefixed string's bytes into `make`, and moves past them only if it
  /// returns a value.
  ///
  /// - Parameter make: Makes a value from the bytes (valid during the call), or `nil`.
  /// - Returns: The value, or `nil` with the reader where it was.
  /// - Throws: ``StoreError/Code/corruptFile`` for a bad length.
  mutating func readString<T>(as make: (UnsafeRawBufferPointer) -> T?) throws(StoreError) -> T? {
    let start = position
    guard let value = make(try readStringBytes()) else {
      position = start
      return nil
    }
    return value
  }

  /// Reads a length-prefixed string's bytes, not checked as UTF-8 (``readString()`` checks).
  ///
  /// - Returns: The bytes, valid while the reader's buffer is.
  /// - Throws: ``StoreError/Code/corruptFile`` for a bad length.
  mutating func readStringBytes() throws(StoreError) -> UnsafeRawBufferPointer {
    let count = try readCount(minimumSize: 1)
    defer { position += count }
    return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
  }

  /// Reads the next `count` bytes.
  ///
  /// - Parameter count: How many.
  /// - Returns: The bytes.
  /// - Throws: ``StoreError/Code/corruptFile`` if too few are left.
  mutating func readBytes(_ count: Int) throws(StoreError) -> UnsafeRawBufferPointer {
    try require(count)
    defer { position += count }
    return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
  }
}
