/// FNV-1a, 64 bit, over a belief key's UTF-8 bytes: a cheap, deterministic hash that a
/// ``Stance`` computes once so that scoring never hashes the key string again.
enum KeyHash {
  static func of(_ key: BeliefKey) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key.rawValue.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return hash
  }
}

/// An open-addressing table from belief key to declaration index, probed with the hash a
/// ``Stance`` carries; the only string work per lookup is one equality check.
struct BeliefKeyTable: Sendable {
  private var slots: [Int32]
  private var hashes: [UInt64] = []
  private var keys: [BeliefKey] = []
  private let mask: Int

  init(keys: [BeliefKey]) {
    var capacity = 8
    while capacity < keys.count * 2 { capacity *= 2 }
    slots = Array(repeating: -1, count: capacity)
    mask = capacity - 1
    for key in keys { insert(key) }
  }

  private mutating func insert(_ key: BeliefKey) {
    let hash = KeyHash.of(key)
    var position = Int(truncatingIfNeeded: hash) & mask
    while slots[position] >= 0 { position = (position + 1) & mask }
    slots[position] = Int32(keys.count)
    hashes.append(hash)
    keys.append(key)
  }

  /// The index of `key` (whose ``KeyHash`` is `hash`), or `nil` when the table lacks it.
  func index(of key: BeliefKey, hash: UInt64) -> Int? {
    var position = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[position])
      if entry < 0 { return nil }
      if hashes[entry] == hash && keys[entry] == key { return entry }
      position = (position + 1) & mask
    }
  }
}
