import Foundation
import SelfModel

/// The belief keys, source ids, contexts and outcome names a journal replay has already made,
/// found again by their bytes, so a replay makes each distinct one once (B4c).
///
/// A replay reads the same few hundred belief keys and a handful of sources and outcomes in
/// every record; making each from its bytes again cost about 500 instructions (a string, the
/// identifier's byte check and its seeded string hash). A hit returns the value made earlier
/// from the same bytes (compared in full), so it is equal to what making it again would give,
/// cached hash included. Evidence ids are not cached: each is new.
struct JournalStrings {
  /// Belief keys.
  var beliefs: StringCache<BeliefKey>
  /// Source ids.
  var sources: StringCache<SourceID>
  /// Contexts.
  var contexts: StringCache<ContextID>
  /// Outcome names (ASCII only: others take the validating path each time).
  var outcomes: StringCache<String>

  /// Creates empty caches; with `isEnabled` false they keep nothing (a one-off decode).
  init(isEnabled: Bool = true) {
    beliefs = StringCache(isEnabled: isEnabled)
    sources = StringCache(isEnabled: isEnabled)
    contexts = StringCache(isEnabled: isEnabled)
    outcomes = StringCache(isEnabled: isEnabled)
  }
}

/// A value made from a string's bytes, whose string the cache compares with the bytes.
protocol ByteString {
  /// Makes the value from `bytes`, or returns `nil` when they do not make one.
  init?(cacheableBytes bytes: UnsafeRawBufferPointer)
  /// The string the value was made from.
  var cachedString: String { get }
}

extension Identifier: ByteString {
  init?(cacheableBytes bytes: UnsafeRawBufferPointer) { self.init(validBytes: bytes) }
  var cachedString: String { rawValue }
}

extension String: ByteString {
  /// ASCII bytes only (so no validation is skipped: ASCII is valid UTF-8).
  init?(cacheableBytes bytes: UnsafeRawBufferPointer) {
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
    self.init(decoding: bytes, as: UTF8.self)
  }
  var cachedString: String { self }
}

/// An open-addressing table from a 64-bit hash of a string's bytes (FNV-1a, a word at a time) to
/// the value made from them, at most half full and at most 65,536 values (then it stops keeping
/// new ones). A hit is confirmed by comparing the bytes with the value's string, so two strings
/// whose hashes collide are told apart: the second is made again, never mistaken for the first.
struct StringCache<Value: ByteString> {
  private var hashes: [UInt64] = []
  private var values: [Value?] = []
  private var count = 0
  private let isEnabled: Bool
  private static var limit: Int { 65_536 }

  /// Creates an empty cache; it allocates its table on the first value kept.
  ///
  /// - Parameter isEnabled: Whether to keep values; `false` makes every value again.
  init(isEnabled: Bool = true) { self.isEnabled = isEnabled }

  /// The value made earlier from `bytes`, or else a new one, kept for next time.
  ///
  /// - Parameter bytes: The bytes.
  /// - Returns: The value, or `nil` when the bytes do not make one.
  mutating func value(for bytes: UnsafeRawBufferPointer) -> Value? {
    guard isEnabled else { return Value(cacheableBytes: bytes) }
    let hash = Self.hash(bytes)
    if !hashes.isEmpty {
      let mask = hashes.count - 1
      var slot = Int(truncatingIfNeeded: hash >> 7) & mask
      while hashes[slot] != 0 {
        if hashes[slot] == hash, let value = values[slot] {
          var string = value.cachedString
          if string.withUTF8({ Self.equal($0, bytes) }) { return value }
          return Value(cacheableBytes: bytes)  // a collision: made again, not kept
        }
        slot = (slot + 1) & mask
      }
    }
    guard let value = Value(cacheableBytes: bytes) else { return nil }
    keep(value, hash: hash)
    return value
  }

  /// A 64-bit hash of `bytes`, never 0 (0 marks an empty slot): FNV-1a's step applied to eight
  /// bytes at a time, each step followed by a shift that folds the high bits down, then the
  /// last bytes one at a time.
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    var index = 0
    while bytes.count - index >= 8 {
      hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x100_0000_01B3
      hash ^= hash >> 29
      index += 8
    }
    while index < bytes.count {
      hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01B3
      index += 1
    }
    return hash | 1
  }

  /// Whether a string's UTF-8 and `bytes` are the same bytes.
  static func equal(_ utf8: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeRawBufferPointer)
    -> Bool
  {
    guard utf8.count == bytes.count else { return false }
    guard let left = utf8.baseAddress, let right = bytes.baseAddress else { return true }
    return memcmp(left, right, bytes.count) == 0
  }

  private mutating func keep(_ value: Value, hash: UInt64) {
    guard count < Self.limit else { return }
    if (count + 1) * 2 > hashes.count { grow() }
    let mask = hashes.count - 1
    var slot = Int(truncatingIfNeeded: hash >> 7) & mask
    while hashes[slot] != 0 { slot = (slot + 1) & mask }
    hashes[slot] = hash
    values[slot] = value
    count += 1
  }

  private mutating func grow() {
    let old = (hashes, values)
    let capacity = Swift.max(512, hashes.count * 2)
    hashes = Array(repeating: 0, count: capacity)
    values = Array(repeating: nil, count: capacity)
    count = 0
    for (hash, value) in zip(old.0, old.1) where hash != 0 {
      if let value { keep(value, hash: hash) }
    }
  }
}
