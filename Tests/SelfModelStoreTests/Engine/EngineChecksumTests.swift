import SelfModelStore
import SelfModelTesting
import Testing

/// CRC-32C and SHA-256 against published and independently computed vectors.
@Suite struct EngineChecksumTests {
  /// CRC-32C vectors. "123456789" is the catalogue check value; the 32-byte ones are from
  /// RFC 3720 (iSCSI), appendix B.4. The rest were computed with this Python reference:
  ///
  ///     def crc32c(data, crc=0):
  ///         crc ^= 0xFFFFFFFF
  ///         for b in data:
  ///             crc ^= b
  ///             for _ in range(8):
  ///                 crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
  ///         return crc ^ 0xFFFFFFFF
  static let crcVectors: [([UInt8], UInt32)] = [
    ([], 0),
    (Array("a".utf8), 0xC1D0_4330),
    (Array("123456789".utf8), 0xE306_9283),
    (Array("The quick brown fox jumps over the lazy dog".utf8), 0x2262_0404),
    ([UInt8](repeating: 0, count: 32), 0x8A91_36AA),
    ([UInt8](repeating: 0xFF, count: 32), 0x62A8_AB43),
    ((0..<32).map { UInt8($0) }, 0x46DD_794E),
    ((0..<1024).map { UInt8($0 % 256) }, 0x2CDF_6E8F),
  ]

  /// Each CRC-32C vector, through the contiguous, slice and generic paths.
  @Test(arguments: 0..<crcVectors.count)
  func crc32cMatchesVector(_ index: Int) {
    let (bytes, expected) = Self.crcVectors[index]
    #expect(CRC32C.checksum(bytes) == expected)
    #expect(CRC32C.checksum(bytes[...]) == expected)  // a non-contiguous-path slice
    #expect(CRC32C.checksum(AnySequenceCollection(bytes)) == expected)
  }

  /// Checksumming in two parts with `continuing:` equals checksumming at once.
  @Test func crc32cContinues() {
    var random = EngineTestRandom(seed: 7)
    let bytes = random.bytes(1_000)
    for split in [0, 1, 7, 8, 9, 500, 999, 1_000] {
      let first = CRC32C.checksum(bytes[..<split])
      #expect(CRC32C.checksum(bytes[split...], continuing: first) == CRC32C.checksum(bytes))
    }
  }

  /// The processor's instruction and the tables give the same checksum for every vector, and
  /// for every length up to 80 at every alignment, continuing from random checksums: the store
  /// uses the instruction where the processor has one, and files move between machines.
  @Test(.enabled(if: CRC32C.isHardwareAvailable, "no CRC-32C instruction used on this processor"))
  func crc32cInstructionMatchesTables() {
    for (bytes, expected) in Self.crcVectors {
      bytes.withUnsafeBytes { raw in
        #expect(CRC32C.software(0, raw) == expected)
        #expect(CRC32C.hardware(0, raw) == expected)
      }
    }
    var random = EngineTestRandom(seed: 11)
    let bytes = random.bytes(100)
    let starts = random.bytes(8)
    bytes.withUnsafeBytes { raw in
      for offset in 0..<8 {
        for length in 0...80 {
          let part = UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length])
          let crc = UInt32(starts[offset]) &* 0x0101_0101 ^ UInt32(length)
          #expect(
            CRC32C.hardware(crc, part) == CRC32C.software(crc, part),
            "offset \(offset), length \(length)")
        }
      }
    }
  }

  /// x86-64 processors have had the instruction since 2008 (SSE4.2): its detection must find
  /// it, or the store silently runs the tables and the test above checks nothing.
  @Test func crc32cInstructionIsFoundOnX86() {
    #if arch(x86_64)
      #expect(CRC32C.isHardwareAvailable)
    #endif
  }

  /// FIPS 180-4 examples ("abc", the empty string, the 448-bit message) and values computed
  /// with Python's `hashlib.sha256`.
  static let shaVectors: [([UInt8], String)] = [
    (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (
      Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      Array("The quick brown fox jumps over the lazy dog".utf8),
      "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
    ),
    (
      (0..<1024).map { UInt8($0 % 256) },
      "785b0751fc2c53dc14a4ce3d800e69ef9ce1009eb327ccf458afe09c242c26c9"
    ),
  ]

  /// Each SHA-256 vector.
  @Test(arguments: 0..<shaVectors.count)
  func sha256MatchesVector(_ index: Int) {
    let (bytes, expected) = Self.shaVectors[index]
    #expect(SHA256.hexDigest(of: bytes) == expected)
  }

  /// The FIPS 180-4 long-message vector: one million `a`s.
  @Test func sha256OfOneMillionAs() {
    let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      SHA256.hexDigest(of: bytes)
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}

/// A collection without contiguous storage, to exercise the generic checksum path.
struct AnySequenceCollection: Collection {
  /// The wrapped bytes.
  let base: [UInt8]
  /// Wraps bytes.
  init(_ base: [UInt8]) { self.base = base }
  /// The first index.
  var startIndex: Int { 0 }
  /// One past the last index.
  var endIndex: Int { base.count }
  /// The next index.
  func index(after index: Int) -> Int { index + 1 }
  subscript(position: Int) -> UInt8 { base[position] }
}
