/// How many users had each positive key, for counts in whole units (``FractionalCounts``), after
/// a header of a few plain counters: small keys counted in place, in one flat array with the
/// header, and larger ones in an open-addressing hash table.
///
/// It replaces a `Dictionary<Int, Int>` on the decayed counting path (benchmark B11d). A key
/// below ``directKeys`` is an index: adding a user to it is one increment, next to the
/// header's counters, so adding one user's row touches one heap object with one uniqueness
/// check (``FractionalCounts`` keeps all its histograms, one per outcome and one of totals,
/// told apart by the key, and its totals, the header, in one table). At `2^-4` trial a key
/// below 2,048 is a count below about 40 trials. Larger keys go to a hash table (a key hashed
/// by one multiplication, Fibonacci hashing, key and count side by side, at most half the slots
/// full), so memory stays bounded by the number of distinct keys however large the counts.
/// Reading it back (``entries``) runs in key order, so every sum over it does too. (Buffering
/// keys and counting them 128 at a time was tried and measured slower in B11d.)
struct UnitHistogram: Sendable {
  /// Keys below this are counted in place.
  static let directKeys = 2_048
  /// The header's counters, then the users of key `key` at `headerCount + key`, for keys up to
  /// the largest direct key seen.
  private var storage: [Int]
  /// The number of header counters.
  let headerCount: Int
  /// The hash table of keys from ``directKeys`` on: slot `i`'s key at `2 i` (0 when empty) and
  /// its users at `2 i + 1`; empty until such a key is added.
  private var slots: [Int] = []
  /// `log2` of the number of slots.
  private var bits = 0
  /// The keys held in ``slots``.
  private var hashed = 0

  /// An empty histogram after `header` counters at 0.
  init(header: Int = 0) {
    headerCount = header
    storage = Array(repeating: 0, count: header)
  }

  /// Header counter `index`.
  func header(_ index: Int) -> Int { storage[index] }

  /// Adds one user with count `key` (positive).
  mutating func add(_ key: Int) {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 1) { keys in
      keys[0] = key
      add(keys: UnsafeBufferPointer(keys), header: UnsafeBufferPointer(start: nil, count: 0))
    }
  }

  /// Adds one user to each of `keys` (positive) and `header[i]` to header counter `i`.
  mutating func add(keys: UnsafeBufferPointer<Int>, header: UnsafeBufferPointer<Int>) {
    var largest = 0
    for key in keys {
      precondition(key > 0, "a unit histogram holds positive keys only")
      if key < Self.directKeys { largest = max(largest, key) }
    }
    if headerCount + largest >= storage.count { growDirect(toHold: largest) }
    let offset = headerCount
    storage.withUnsafeMutableBufferPointer { table in
      for (index, value) in header.enumerated() { table[index] &+= value }
      for key in keys where key < Self.directKeys { table[offset &+ key] &+= 1 }
    }
    for key in keys where key >= Self.directKeys { insertHashed(key, users: 1) }
  }

  /// Makes room for direct key `key`: at least doubles the direct keys, up to ``directKeys``.
  private mutating func growDirect(toHold key: Int) {
    let held = storage.count - headerCount
    let wanted = min(max(key + 1, 2 * held, 16), Self.directKeys)
    storage.append(contentsOf: repeatElement(0, count: wanted - held))
  }

  /// Adds `users` users with hashed `key`.
  private mutating func insertHashed(_ key: Int, users: Int) {
    if 2 * (hashed + 1) > slots.count / 2 { growHashed() }
    let mask = (1 << bits) - 1
    var slot = Self.slot(of: key, bits: bits)
    while true {
      let held = slots[2 &* slot]
      if held == key {
        slots[2 &* slot &+ 1] &+= users
        return
      }
      if held == 0 { break }
      slot = (slot &+ 1) & mask
    }
    slots[2 &* slot] = key
    slots[2 &* slot &+ 1] = users
    hashed += 1
  }

  /// Adds every user and header counter of `other` (the same header size).
  mutating func merge(_ other: UnitHistogram) {
    let direct = other.storage.count - other.headerCount
    if direct > storage.count - headerCount { growDirect(toHold: direct - 1) }
    for index in 0..<other.storage.count { storage[index] &+= other.storage[index] }
    for (key, users) in other.hashedPairs { insertHashed(key, users: users) }
  }

  /// The keys and their users, keys ascending.
  var entries: [(key: Int, users: Int)] {
    var result: [(key: Int, users: Int)] = []
    for key in 0..<(storage.count - headerCount) where storage[headerCount + key] != 0 {
      result.append((key, storage[headerCount + key]))
    }
    return result + hashedPairs.sorted { $0.key < $1.key }
  }

  /// The hashed keys and their users, in slot order.
  private var hashedPairs: [(key: Int, users: Int)] {
    stride(from: 0, to: slots.count, by: 2).compactMap { index in
      slots[index] == 0 ? nil : (slots[index], slots[index + 1])
    }
  }

  /// The slot a key hashes to: the top `bits` bits of `key` times `2^64 / phi`.
  private static func slot(of key: Int, bits: Int) -> Int {
    let product = UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: product >> (64 - bits))
  }

  /// Doubles the hash slots (16 at first) and reinserts every hashed key.
  private mutating func growHashed() {
    let old = hashedPairs
    bits = max(bits + 1, 4)
    slots = Array(repeating: 0, count: 2 << bits)
    hashed = 0
    for (key, users) in old { insertHashed(key, users: users) }
  }
}
