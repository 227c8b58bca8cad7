/// One belief's counts in a population fit: over all its evidence, and per context.
///
/// Contexts are interned as they are first seen: each gets a slot, a small integer that
/// indexes flat arrays, and the slot of its declared parent, so counting an item walks integer
/// chains instead of hashing context ids (benchmark B11). A context is interned with its
/// declared ancestors, so a slot may hold no user yet; ``contexts`` lists only those that do.
struct PopulationCells: Sendable {
  /// Every user's counts, pooled over contexts.
  var overall: DirichletMultinomialCounts
  /// Each listed context's declared parent.
  let declaredParents: [ContextID: ContextID]
  /// The contexts interned, by slot.
  private(set) var contextIDs: [ContextID] = []
  /// Each slot's counts: a context's include its descendants' (by declared parents).
  private(set) var contextCounts: [DirichletMultinomialCounts] = []
  /// Each slot's declared parent's slot, or -1.
  private(set) var parentSlots: [Int] = []
  /// The slot of each context interned.
  private var slots: [ContextID: Int] = [:]

  init(outcomes: Int, declaredParents: [ContextID: ContextID]) throws(ModelError) {
    overall = try DirichletMultinomialCounts(outcomes: outcomes)
    self.declaredParents = declaredParents
  }

  /// Each context with at least one user, and its counts.
  var contexts: [ContextID: DirichletMultinomialCounts] {
    var result: [ContextID: DirichletMultinomialCounts] = [:]
    for (slot, counts) in contextCounts.enumerated() where counts.users > 0 {
      result[contextIDs[slot]] = counts
    }
    return result
  }

  /// The slot of `context`, interning it (and its declared ancestors) on first sight.
  mutating func slot(of context: ContextID) -> Int {
    if let known = slots[context] { return known }
    // Validation guarantees declared chains are acyclic and at most 16 long.
    var parent = -1
    if let declared = declaredParents[context] { parent = slot(of: declared) }
    let new = contextIDs.count
    contextIDs.append(context)
    contextCounts.append(overall.emptied)
    parentSlots.append(parent)
    slots[context] = new
    return new
  }

  /// Adds one user's counts to a context's slot (or `nil`: the belief overall).
  mutating func add(_ counts: ArraySlice<Int>, slot: Int?) throws(ModelError) {
    guard let slot else { return try overall.add(counts) }
    try contextCounts[slot].add(counts)
  }

  mutating func merge(_ other: PopulationCells) throws(ModelError) {
    try overall.merge(other.overall)
    for (slot, counts) in other.contextCounts.enumerated() where counts.users > 0 {
      try contextCounts[self.slot(of: other.contextIDs[slot])].merge(counts)
    }
  }
}
