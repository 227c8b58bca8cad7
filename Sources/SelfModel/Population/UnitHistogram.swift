/// How many users had each positive count, for counts in whole units (``FractionalCounts``):
/// an open-addressing hash table of `(units, users)` pairs in one flat array.
///
/// It replaces a `Dictionary<Int, Int>` on the decayed counting path (benchmark B11d): a key is
/// hashed by one multiplication (Fibonacci hashing) instead of a seeded SipHash, and a key
/// and its count share a cache line, so an increment is one probe in the common case. The
/// table keeps at most half its slots full. Reading it back (``entries``) sorts by key, so
/// every sum over it runs in key order, as with the dictionary it replaces. (Buffering keys
/// and counting them 128 at a time was tried and measured slower in B11d.)
struct UnitHistogram: Sendable {
  /// Slot `i` holds its key at `2 i` (0 when empty: keys are positive) and its count at
  /// `2 i + 1`.
  private var storage: [Int]
  /// `log2` of the number of slots.
  private var bits: Int
  /// The keys held.
  private(set) var count = 0

  /// An empty histogram of 16 slots.
  init() {
    bits = 4
    storage = Array(repeating: 0, count: 2 << 4)
  }

  /// Adds one user with count `key` (positive).
  mutating func add(_ key: Int) {
    precondition(key > 0, "a unit histogram holds positive counts only")
    insert(key, users: 1)
  }

  /// Adds `users` users with count `key` (positive) to the table.
  private mutating func insert(_ key: Int, users: Int) {
    let mask = (1 << bits) - 1
    var slot = Self.slot(of: key, bits: bits)
    while true {
      let held = storage[2 &* slot]
      if held == key {
        storage[2 &* slot &+ 1] &+= users
        return
      }
      if held == 0 { break }
      slot = (slot &+ 1) & mask
    }
    storage[2 &* slot] = key
    storage[2 &* slot &+ 1] = users
    count += 1
    if 2 * count > 1 << bits { grow() }
  }

  /// Adds every user counted in `other`.
  mutating func merge(_ other: UnitHistogram) {
    for (key, users) in other.pairs { insert(key, users: users) }
  }

  /// The keys and their users, keys ascending.
  var entries: [(key: Int, users: Int)] {
    pairs.sorted { $0.key < $1.key }
  }

  /// The keys and their users, in slot order.
  private var pairs: [(key: Int, users: Int)] {
    var result: [(key: Int, users: Int)] = []
    result.reserveCapacity(count)
    for slot in 0..<(1 << bits) where storage[2 * slot] != 0 {
      result.append((storage[2 * slot], storage[2 * slot + 1]))
    }
    return result
  }

  /// The slot a key hashes to: the top `bits` bits of `key` times `2^64 / phi`.
  private static func slot(of key: Int, bits: Int) -> Int {
    let product = UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: product >> (64 - bits))
  }

  /// Doubles the slots and reinserts every key.
  private mutating func grow() {
    let old = pairs
    bits += 1
    storage = Array(repeating: 0, count: 2 << bits)
    count = 0
    for (key, users) in old { insert(key, users: users) }
  }
}
