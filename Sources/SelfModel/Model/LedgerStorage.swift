import Synchronization

/// The append-only buffer behind ``Ledger`` values, shared by every copy of a model.
///
/// A ``Ledger`` is a prefix of a storage: its first `count` items. Copies of a model share
/// one storage, so handing out a copy copies nothing; the copy that ends where the storage
/// ends (its tip) appends in place, and the others still see only their own prefix. A copy
/// that appends behind the tip forks a storage of its own (see ``Ledger/append(_:)``).
///
/// Items below a ledger's count never change, but the buffer grows on append, so every
/// access takes the lock: readers on other threads (a store serving reads from a model it
/// has published) see a consistent buffer.
final class LedgerStorage: Sendable {
  private struct Contents {
    var items: [Evidence] = []
    /// Where each id sits in `items`.
    var positions = EvidenceIndex()
  }

  private let contents: Mutex<Contents>

  /// Creates a storage holding `items`, whose ids must be unique.
  init(items: [Evidence]) {
    var contents = Contents()
    contents.positions.reserveCapacity(items.count)
    contents.items.reserveCapacity(items.count)
    for item in items {
      _ = contents.positions.insert(item.id, at: contents.items.count, in: contents.items)
      contents.items.append(item)
    }
    self.contents = Mutex(contents)
  }

  /// The number of items appended so far, by every copy.
  var count: Int { contents.withLock { $0.items.count } }

  /// The item at `position`, which must be below the count of the ledger asking.
  func item(at position: Int) -> Evidence {
    contents.withLock { $0.items[position] }
  }

  /// The items at `range`, copied out.
  func items(in range: Range<Int>) -> [Evidence] {
    contents.withLock { Array($0.items[range]) }
  }

  /// Calls `body` on each of the first `count` items, in order, with no batch arrays. (The
  /// compiler still retains each item's fields while `body` runs, B11.) The lock is held
  /// throughout, so `body` must not use this storage.
  func forEach<E: Error>(
    below count: Int, _ body: (borrowing Evidence) throws(E) -> Void
  ) throws(E) {
    try contents.withLock { contents throws(E) in
      for position in 0..<count { try body(contents.items[position]) }
    }
  }

  /// Where the item with `id` is, if it is below `limit` (a ledger's count).
  func position(of id: EvidenceID, below limit: Int) -> Int? {
    contents.withLock { contents in
      guard let position = contents.positions.position(of: id, in: contents.items),
        position < limit
      else { return nil }
      return position
    }
  }

  /// Starts loading the id index's slot for `id` into the cache (see
  /// ``EvidenceIndex/prefetchSlot(for:)``); nothing observable changes.
  func prefetchSlot(for id: EvidenceID) {
    contents.withLock { $0.positions.prefetchSlot(for: id) }
  }

  /// What ``insert(_:at:)`` did.
  enum Insertion {
    /// The item is now at the position asked for.
    case appended
    /// The storage already holds an item with the same id, at this position. (A position,
    /// not the item: the item was copied at each step of the way back, B1.)
    case existing(Int)
    /// Another copy has appended past the position; nothing changed.
    case behindTip
  }

  /// Appends `item` at `position` if the storage ends there and holds no item with its id.
  func insert(_ item: Evidence, at position: Int) -> Insertion {
    // The lock's closure reads the item through a pointer: capturing the value copied it (a
    // retain, then a release) on top of the one copy into `items` (B1).
    withUnsafePointer(to: item) { item in
      contents.withLock { contents in
        guard contents.items.count == position else { return .behindTip }
        // One probe both checks for an earlier item and claims the position.
        if let earlier = contents.positions.insert(
          item.pointee.id, at: position, in: contents.items)
        {
          return .existing(earlier)
        }
        contents.items.append(item.pointee)
        return .appended
      }
    }
  }

  /// Makes room for `additional` more items if the storage ends at `position`.
  func reserveCapacity(_ additional: Int, at position: Int) {
    contents.withLock { contents in
      guard contents.items.count == position else { return }
      contents.items.reserveCapacity(position + additional)
      contents.positions.reserveCapacity(position + additional)
    }
  }
}
