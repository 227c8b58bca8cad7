import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// The replay's string cache gives back exactly what making the value from the bytes gives:
/// for keys of every length (the hash reads eight bytes at a time, then the rest one by one),
/// for bytes that differ in one position only, and once it has stopped keeping new values.
@Suite struct JournalStringsTests {
  /// Strings of lengths 0 to 40 that differ from each other in one byte.
  static func keys() -> [[UInt8]] {
    var keys: [[UInt8]] = []
    for length in 0...40 {
      let base = [UInt8]((0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) })
      keys.append(base)
      for position in 0..<length {
        var changed = base
        changed[position] = UInt8(ascii: "Z")
        keys.append(changed)
      }
    }
    return keys
  }

  /// Each key, looked up twice, gives the string it was made from; no two keys share a value.
  @Test func aHitIsTheValueOfTheSameBytes() {
    var cache = StringCache<String>()
    let keys = Self.keys()
    for _ in 0..<2 {
      for key in keys {
        let value = key.withUnsafeBytes { cache.value(for: $0) }
        #expect(value.map { Array($0.utf8) } == key)
      }
    }
  }

  /// Identifiers: a valid key comes back equal (hash included, so dictionary look-ups find
  /// it); an invalid one is refused every time, never cached.
  @Test func identifiersComeBackEqualAndInvalidOnesRefused() throws {
    var cache = StringCache<BeliefKey>()
    for name in ["tone", "prefers.concise", "a", String(repeating: "k", count: 33)] {
      let expected = try BeliefKey(name)
      for _ in 0..<2 {
        let value = Array(name.utf8).withUnsafeBytes { cache.value(for: $0) }
        #expect(value == expected)
        #expect(value.map { [$0: 1][expected] } == 1)
      }
    }
    for _ in 0..<2 {
      #expect(Array("bad key\n".utf8).withUnsafeBytes { cache.value(for: $0) } == nil)
    }
  }

  /// Past the limit of values kept, lookups still give the right values (made again).
  @Test func pastTheLimitValuesAreStillRight() {
    var cache = StringCache<String>()
    let count = 70_000
    for round in 0..<2 {
      for index in stride(from: 0, to: count, by: round == 0 ? 1 : 997) {
        let key = Array("k\(index)".utf8)
        let value = key.withUnsafeBytes { cache.value(for: $0) }
        #expect(value == "k\(index)")
      }
    }
  }

  /// The comparison that confirms a hit: equal only for the same bytes (every length 0 to 40,
  /// each one-byte difference, a prefix), so a hash collision can never return another
  /// string's value; and the hash is never 0, which marks an empty slot.
  @Test func aHitIsConfirmedByTheBytesThemselves() {
    let keys = Self.keys()
    for key in keys {
      key.withUnsafeBytes { bytes in
        #expect(StringCache<String>.hash(bytes) != 0)
        var same = String(decoding: key, as: UTF8.self)
        #expect(same.withUTF8 { StringCache<String>.equal($0, bytes) })
      }
    }
    for (left, right) in zip(keys, keys.dropFirst()) where left != right {
      var string = String(decoding: left, as: UTF8.self)
      right.withUnsafeBytes { bytes in
        #expect(!string.withUTF8 { StringCache<String>.equal($0, bytes) })
      }
    }
    var prefix = "abc"
    Array("abcd".utf8).withUnsafeBytes { bytes in
      #expect(!prefix.withUTF8 { StringCache<String>.equal($0, bytes) })
    }
  }

  /// A disabled cache keeps nothing and gives the same values.
  @Test func aDisabledCacheMakesEachValue() {
    var cache = StringCache<String>(isEnabled: false)
    for key in Self.keys().prefix(100) {
      #expect(key.withUnsafeBytes { cache.value(for: $0) }.map { Array($0.utf8) } == key)
    }
  }
}
