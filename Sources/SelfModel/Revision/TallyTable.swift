/// The tallies of a model's beliefs, by belief index: an array, so folding an item is an
/// indexed access instead of hashing its index (benchmark B1).
///
/// A model with no evidence holds no array, whatever its catalogue's size; one with evidence
/// holds 16 bytes for each belief up to the highest index with evidence. An empty
/// ``BeliefTally`` stands for a belief without evidence: folding an item always leaves its
/// belief a slot or a virtual item, so no belief with evidence has an empty tally.
struct TallyTable: Sendable {
  private var entries: [BeliefTally] = []

  /// Creates a table with no tallies.
  init() {}

  /// The tally of the belief at `index`, or `nil` when it has no evidence; setting `nil`
  /// drops it.
  subscript(index: Int) -> BeliefTally? {
    get {
      guard index < entries.count, !entries[index].isEmpty else { return nil }
      return entries[index]
    }
    set {
      guard let newValue else {
        if index < entries.count { entries[index] = BeliefTally() }
        return
      }
      makeRoom(for: index)
      entries[index] = newValue
    }
  }

  /// Whether the belief at `index` has a slot for the source at `source`, read in place.
  func hasSlot(for source: Int, at index: Int) -> Bool {
    index < entries.count && entries[index].slots.contains { $0.source == source }
  }

  /// Calls `body` on the tally of the belief at `index` in place (an empty one if it has no
  /// evidence yet).
  mutating func modify<R>(_ index: Int, _ body: (inout BeliefTally) -> R) -> R {
    makeRoom(for: index)
    return body(&entries[index])
  }

  private mutating func makeRoom(for index: Int) {
    guard index >= entries.count else { return }
    entries.append(contentsOf: repeatElement(BeliefTally(), count: index + 1 - entries.count))
  }
}
