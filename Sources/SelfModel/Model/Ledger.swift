/// A model's evidence ledger: the items in the order they were recorded, with an index by id.
///
/// A value that shares its append-only ``LedgerStorage`` with the copies of the model it was
/// copied from, so copying a model copies no evidence, and appending to the model a store
/// holds copies no evidence either while a caller holds an older copy (benchmark B8).
/// Removing items (forgetting) builds a new storage: it is O(ledger) in any case.
struct Ledger: Sendable {
  /// The shared buffer; `nil` until the first item, so an empty model allocates none.
  private var storage: LedgerStorage?
  /// How many of the storage's items belong to this ledger.
  private(set) var count = 0

  /// Creates an empty ledger.
  init() {}

  /// Whether the ledger holds no item.
  var isEmpty: Bool { count == 0 }

  /// The positions of the items, `0..<count`.
  var indices: Range<Int> { 0..<count }

  /// The item at `position`, which must be below ``count``.
  subscript(position: Int) -> Evidence {
    precondition(position >= 0 && position < count, "ledger position out of range")
    guard let storage else { preconditionFailure("a non-empty ledger has storage") }
    return storage.item(at: position)
  }

  /// Every item, in order, copied into an array.
  var items: [Evidence] { storage?.items(in: 0..<count) ?? [] }

  /// Calls `body` on each item, in order, straight from the shared storage, with no batch
  /// arrays (the walk population counting takes, B11); `body` must not use this ledger.
  func forEachInPlace<E: Error>(_ body: (borrowing Evidence) throws(E) -> Void) throws(E) {
    try storage?.forEach(below: count, body)
  }

  /// The position of the item with `id`, or `nil` if the ledger holds none.
  func position(of id: EvidenceID) -> Int? {
    storage?.position(of: id, below: count)
  }

  /// Hints that `id` is about to be looked up or inserted: starts loading the id index's slot
  /// for it, so that the cache miss of a large index overlaps the work done before the look-up
  /// (checking the item). Nothing observable changes.
  func prefetch(_ id: EvidenceID) {
    storage?.prefetchSlot(for: id)
  }

  /// The item with `id`, or `nil` if the ledger holds none.
  func item(withID id: EvidenceID) -> Evidence? {
    position(of: id).map { self[$0] }
  }

  /// Appends `item` unless the ledger holds an item with its id.
  ///
  /// In place when this ledger ends where its storage ends; otherwise (another copy has
  /// appended since this one was made) it first forks a storage holding its own items.
  ///
  /// - Returns: The position of the item already recorded under the id (nothing is appended),
  ///   or `nil` once `item` is appended.
  mutating func insert(_ item: Evidence) -> Int? {
    if let storage {
      switch storage.insert(item, at: count) {
      case .appended:
        count += 1
        return nil
      case .existing(let earlier): return earlier
      case .behindTip:
        if let earlier = position(of: item.id) { return earlier }
      }
    }
    let fresh = LedgerStorage(items: items)
    _ = fresh.insert(item, at: count)
    storage = fresh
    count += 1
    return nil
  }

  /// Appends an item whose id the ledger does not hold.
  mutating func append(_ item: Evidence) {
    let earlier = insert(item)
    precondition(earlier == nil, "appended evidence id \(item.id) is already in the ledger")
  }

  /// Makes room for `additional` more items, so a replay neither regrows nor rehashes.
  mutating func reserveCapacity(_ additional: Int) {
    guard additional > 0 else { return }
    if storage == nil { storage = LedgerStorage(items: []) }
    storage?.reserveCapacity(additional, at: count)
  }

  /// Removes the items matching `predicate`, into a storage of its own.
  mutating func removeAll(where predicate: (Evidence) throws -> Bool) rethrows {
    let kept = try items.filter { try !predicate($0) }
    storage = kept.isEmpty ? nil : LedgerStorage(items: kept)
    count = kept.count
  }
}

extension Ledger: Sequence {
  /// Walks a ledger, copying its items out of the shared storage a batch at a time.
  struct Iterator: IteratorProtocol {
    private static let batch = 256
    private let storage: LedgerStorage?
    private let end: Int
    private var position = 0
    private var buffer: [Evidence] = []
    private var bufferPosition = 0

    fileprivate init(storage: LedgerStorage?, end: Int) {
      self.storage = storage
      self.end = end
    }

    /// The next item, or `nil` after the last.
    mutating func next() -> Evidence? {
      if bufferPosition == buffer.count {
        guard position < end, let storage else { return nil }
        buffer = storage.items(in: position..<Swift.min(position + Self.batch, end))
        position += buffer.count
        bufferPosition = 0
      }
      defer { bufferPosition += 1 }
      return buffer[bufferPosition]
    }
  }

  /// An iterator over the items in order.
  func makeIterator() -> Iterator { Iterator(storage: storage, end: count) }

  /// The number of items.
  var underestimatedCount: Int { count }
}
