/// Appends little-endian numbers, LEB128 lengths and length-prefixed UTF-8 strings to a byte
/// buffer: the building block of journal frames and ``OperationCodec`` payloads.
struct BinaryWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// Creates an empty writer.
  ///
  /// - Parameter capacity: Bytes to reserve.
  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// Appends one byte.
  ///
  /// - Parameter value: The byte.
  mutating func write(_ value: UInt8) { bytes.append(value) }

  /// Appends a fixed-width little-endian integer.
  ///
  /// - Parameter value: The integer.
  mutating func write<T: FixedWidthInteger>(littleEndian value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Appends a `Double` as its IEEE 754 bit pattern, little endian.
  ///
  /// - Parameter value: The number.
  mutating func write(_ value: Double) { write(littleEndian: value.bitPattern) }

  /// Appends an unsigned LEB128 number (7 bits a byte, low bits first).
  ///
  /// - Parameter value: The number.
  mutating func write(variable value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Appends a string as its UTF-8 length (LEB128) and bytes.
  ///
  /// - Parameter value: The string.
  mutating func write(_ value: String) {
    var text = value
    text.withUTF8 { utf8 in
      write(variable: UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  /// Appends raw bytes.
  ///
  /// - Parameter raw: The bytes.
  mutating func write(raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }
}
