/// One belief's counts in a population fit: over all its evidence, and per context.
///
/// Contexts are interned as they are first seen: each gets a slot, a small integer that
/// indexes flat arrays, and the slot of its declared parent, so counting an item walks integer
/// chains instead of hashing context ids (benchmark B11). A context is interned with its
/// declared ancestors, so a slot may hold no user yet; ``contexts`` lists only those that do.
struct PopulationCells: Sendable {
  /// Every user's counts, pooled over contexts. With decay only their users and totals are
  /// kept (``DirichletMultinomialCounts/addTotals(_:)``): the fit uses the decayed ones.
  var overall: DirichletMultinomialCounts
  /// Each listed context's declared parent.
  let declaredParents: [ContextID: ContextID]
  /// The contexts interned, by slot.
  private(set) var contextIDs: [ContextID] = []
  /// Each slot's counts: a context's include its descendants' (by declared parents); with
  /// decay, users and totals only, as ``overall``.
  private(set) var contextCounts: [DirichletMultinomialCounts] = []
  /// Each slot's declared parent's slot, or -1.
  private(set) var parentSlots: [Int] = []
  /// The slot of each context interned.
  private var slots: [ContextID: Int] = [:]
  /// With decay, every user's decayed counts, pooled over contexts; `nil` without.
  private(set) var overallWeighted: FractionalCounts?
  /// With decay, each slot's decayed counts; empty without.
  private(set) var contextWeighted: [FractionalCounts] = []

  init(outcomes: Int, declaredParents: [ContextID: ContextID], isWeighted: Bool = false)
    throws(ModelError)
  {
    overall = try DirichletMultinomialCounts(outcomes: outcomes)
    self.declaredParents = declaredParents
    if isWeighted { overallWeighted = FractionalCounts(outcomes: outcomes) }
  }

  /// The decayed counts of each context with at least one user (decay only).
  var weightedContexts: [ContextID: FractionalCounts] {
    var result: [ContextID: FractionalCounts] = [:]
    for (slot, counts) in contextWeighted.enumerated() where contextCounts[slot].users > 0 {
      result[contextIDs[slot]] = counts
    }
    return result
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
    if overallWeighted != nil {
      contextWeighted.append(FractionalCounts(outcomes: overall.outcomeCount))
    }
    parentSlots.append(parent)
    slots[context] = new
    return new
  }

  /// Adds one user's counts to a context's slot (or `nil`: the belief overall).
  mutating func add(_ counts: ArraySlice<Int>, slot: Int?) throws(ModelError) {
    guard let slot else { return try overall.add(counts) }
    try contextCounts[slot].add(counts)
  }

  /// Adds one user's decayed counts to a context's slot (or `nil`: the belief overall), and
  /// its whole-number `counts` (already checked) to the slot's users and totals only: a
  /// decayed fit reports those, and fits the decayed counts (benchmark B11d).
  mutating func add(weighted: ArraySlice<Double>, counts: ArraySlice<Int>, slot: Int?) {
    guard let slot else {
      overall.addTotals(counts)
      overallWeighted?.add(weighted)
      return
    }
    contextCounts[slot].addTotals(counts)
    contextWeighted[slot].add(weighted)
  }

  mutating func merge(_ other: PopulationCells) throws(ModelError) {
    try overall.merge(other.overall)
    if let weighted = other.overallWeighted { overallWeighted?.merge(weighted) }
    for (slot, counts) in other.contextCounts.enumerated() where counts.users > 0 {
      let own = self.slot(of: other.contextIDs[slot])
      try contextCounts[own].merge(counts)
      if slot < other.contextWeighted.count, own < contextWeighted.count {
        contextWeighted[own].merge(other.contextWeighted[slot])
      }
    }
  }
}
