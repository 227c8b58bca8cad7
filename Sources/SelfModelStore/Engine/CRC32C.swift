internal import CSelfModelHints

/// CRC-32C (Castagnoli, reflected polynomial `0x82F63B78`), the checksum of every journal frame
/// and snapshot header.
///
/// Computed by the processor's CRC-32C instruction where this code uses one (SSE4.2 on x86-64,
/// detected at run time; the CRC extension on ARM64 where the compiler may assume it, as on
/// every Apple processor, but not in a default Linux aarch64 build), else table-driven, eight
/// bytes at a time ("slice-by-8"): the two give the same checksums, which the tests check on
/// every length and alignment. The checksum of
/// `"123456789"` is `0xE3069283`. Checksums can be continued:
/// `checksum(b, continuing: checksum(a))` equals `checksum(a + b)`.
package enum CRC32C {
  /// Whether the checksum is computed with the processor's own instruction here (about a tenth
  /// of the table-driven cost: a million-record replay checks every frame twice): on x86-64
  /// with SSE4.2, and on ARM64 builds that may assume the CRC extension (Apple's; a default
  /// Linux aarch64 build uses the tables).
  package static let isHardwareAvailable = selfmodel_crc32c_hardware_available() != 0

  /// The reflected Castagnoli polynomial.
  static let polynomial: UInt32 = 0x82F6_3B78

  /// Eight 256-entry tables, one after another: table `k` advances a byte through `k` more
  /// zero bytes.
  static let tables: [UInt32] = makeTables()

  /// The CRC-32C of `bytes`, continuing from `crc` (the checksum of the bytes before them).
  ///
  /// - Parameters:
  ///   - bytes: The bytes.
  ///   - crc: The checksum so far; 0 to start.
  /// - Returns: The checksum.
  package static func checksum<C: Collection>(_ bytes: C, continuing crc: UInt32 = 0) -> UInt32
  where C.Element == UInt8 {
    if let result = bytes.withContiguousStorageIfAvailable({ buffer in
      update(crc, UnsafeRawBufferPointer(buffer))
    }) {
      return result
    }
    return Array(bytes).withUnsafeBytes { update(crc, $0) }
  }

  /// The CRC-32C of raw bytes, continuing from `crc`: by the processor's instruction where
  /// ``isHardwareAvailable``, else by ``software(_:_:)``.
  ///
  /// - Parameters:
  ///   - crc: The checksum so far.
  ///   - bytes: The bytes.
  /// - Returns: The checksum.
  static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
    isHardwareAvailable ? hardware(crc, bytes) : software(crc, bytes)
  }

  /// The CRC-32C of raw bytes, continuing from `crc`, by the processor's instruction; call it
  /// only where ``isHardwareAvailable``.
  ///
  /// - Parameters:
  ///   - crc: The checksum so far.
  ///   - bytes: The bytes.
  /// - Returns: The checksum.
  package static func hardware(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
    selfmodel_crc32c_hardware(crc, bytes.baseAddress, bytes.count)
  }

  /// The CRC-32C of raw bytes, continuing from `crc`, table-driven (slice-by-8): what every
  /// processor runs, and the reference the instruction is tested against.
  ///
  /// - Parameters:
  ///   - crc: The checksum so far.
  ///   - bytes: The bytes.
  /// - Returns: The checksum.
  package static func software(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
    tables.withUnsafeBufferPointer { table in
      var value = ~crc
      var index = 0
      let count = bytes.count
      while count - index >= 8 {
        let low = value ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
        let high = bytes.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
        value =
          table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
          ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
          ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
          ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
        index += 8
      }
      while index < count {
        value = table[Int((value ^ UInt32(bytes[index])) & 0xFF)] ^ (value >> 8)
        index += 1
      }
      return ~value
    }
  }

  /// Builds the slice-by-8 tables.
  ///
  /// - Returns: `8 * 256` entries.
  private static func makeTables() -> [UInt32] {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var value = UInt32(byte)
      for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ polynomial : value >> 1 }
      tables[byte] = value
    }
    for slice in 1..<8 {
      for byte in 0..<256 {
        let previous = tables[(slice - 1) * 256 + byte]
        tables[slice * 256 + byte] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
      }
    }
    return tables
  }
}
