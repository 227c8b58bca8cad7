internal import CSelfModelHints

/// The id index of a ``LedgerStorage``: where each evidence id sits in the storage's items.
///
/// An open-addressing table of 8-byte slots, each holding 32 bits of the id's hash and its
/// position plus one (`0` marks an empty slot), probed linearly and kept at most half full.
/// It stores no id: a slot whose hash bits match is confirmed by comparing the id with the
/// item at its position, so two ids that share hash bits are told apart exactly. The hash is
/// the identifier's cached, per-process seeded string hash (``Identifier``), so building and
/// probing the table hashes no string. A `[EvidenceID: Int]` held a second copy of every id
/// (a retain per append, 32 bytes per bucket) and rehashed keys as it grew (B1, B7).
struct EvidenceIndex: Sendable {
  /// The slots; the count is a power of two (or zero before the first item).
  private var slots: [UInt64] = []
  /// How many slots are filled.
  private var filled = 0

  /// Creates an empty index.
  init() {}

  /// The 32 hash bits a slot keeps for `id`; the bucket is their low bits.
  @inline(__always)
  private static func hashBits(of id: EvidenceID) -> UInt32 {
    let mixed = UInt64(bitPattern: Int64(id.storedHash)) &* 0x9E37_79B9_7F4A_7C15
    return UInt32(truncatingIfNeeded: mixed >> 32)
  }

  @inline(__always)
  private static func slot(hash: UInt32, position: Int) -> UInt64 {
    UInt64(hash) << 32 | UInt64(position + 1)
  }

  /// The position of `id` among `items`, or `nil`. (On unchecked buffers: the slot count is a
  /// power of two and the mask keeps every bucket in range; positions in slots are below
  /// `items.count`, since a ledger never removes an item in place.)
  @inline(__always)
  private static func probe(
    _ id: EvidenceID, hash: UInt32, slots: UnsafeBufferPointer<UInt64>,
    items: UnsafeBufferPointer<Evidence>
  ) -> (position: Int?, bucket: Int) {
    let mask = slots.count - 1
    var bucket = Int(hash) & mask
    while true {
      let entry = slots[bucket]
      if entry == 0 { return (nil, bucket) }
      if UInt32(truncatingIfNeeded: entry >> 32) == hash {
        let position = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        if items[position].id == id { return (position, bucket) }
      }
      bucket = (bucket + 1) & mask
    }
  }

  /// The position of the item with `id` among `items`, or `nil`.
  func position(of id: EvidenceID, in items: [Evidence]) -> Int? {
    guard filled > 0 else { return nil }
    let hash = Self.hashBits(of: id)
    return items.withUnsafeBufferPointer { items in
      slots.withUnsafeBufferPointer { slots in
        Self.probe(id, hash: hash, slots: slots, items: items).position
      }
    }
  }

  /// Starts loading the slot where a probe for `id` begins, without waiting for it (a cache
  /// hint: nothing observable changes). A probe of a large index misses the cache on that slot
  /// (about a third of B1's time); issued before an item is checked, the miss overlaps the checks.
  func prefetchSlot(for id: EvidenceID) {
    guard !slots.isEmpty else { return }
    let bucket = Int(Self.hashBits(of: id)) & (slots.count - 1)
    slots.withUnsafeBufferPointer { slots in
      if let base = slots.baseAddress { selfmodel_prefetch_for_write(base + bucket) }
    }
  }

  /// Records that the item at `position` (appended next, after this call) has `id`, unless an
  /// item among `items` already has it.
  ///
  /// - Returns: The position of the item already recorded under `id`, or `nil` once the new
  ///   position is recorded.
  mutating func insert(_ id: EvidenceID, at position: Int, in items: [Evidence]) -> Int? {
    precondition(position < Int(UInt32.max) - 1, "the ledger holds at most 2^32 - 2 items")
    if (filled + 1) * 2 > slots.count { grow(toHold: filled + 1) }
    let hash = Self.hashBits(of: id)
    let earlier = items.withUnsafeBufferPointer { items in
      slots.withUnsafeMutableBufferPointer { slots in
        let (earlier, bucket) = Self.probe(
          id, hash: hash, slots: UnsafeBufferPointer(slots), items: items)
        if earlier == nil { slots[bucket] = Self.slot(hash: hash, position: position) }
        return earlier
      }
    }
    if earlier == nil { filled += 1 }
    return earlier
  }

  /// Makes room for `count` items in all without regrowing.
  mutating func reserveCapacity(_ count: Int) {
    if count * 2 > slots.count { grow(toHold: count) }
  }

  /// Rebuilds the table with room for `count` items at most half full, from the slots alone.
  private mutating func grow(toHold count: Int) {
    var capacity = Swift.max(16, slots.count)
    while capacity < count * 2 { capacity *= 2 }
    guard capacity > slots.count else { return }
    var fresh = [UInt64](repeating: 0, count: capacity)
    let mask = capacity - 1
    fresh.withUnsafeMutableBufferPointer { fresh in
      for entry in slots where entry != 0 {
        var bucket = Int(UInt32(truncatingIfNeeded: entry >> 32)) & mask
        while fresh[bucket] != 0 { bucket = (bucket + 1) & mask }
        fresh[bucket] = entry
      }
    }
    slots = fresh
  }
}
