/// One belief's counts in a population fit: over all its evidence, and per context.
struct PopulationCells: Sendable {
  /// Every user's counts, pooled over contexts.
  var overall: DirichletMultinomialCounts
  /// Each context's counts, a context's including its descendants' (by declared parents).
  var contexts: [ContextID: DirichletMultinomialCounts] = [:]

  init(outcomes: Int) throws(ModelError) {
    overall = try DirichletMultinomialCounts(outcomes: outcomes)
  }

  mutating func add(_ counts: [Int], context: ContextID?) throws(ModelError) {
    guard let context else { return try overall.add(counts) }
    if contexts[context] == nil {
      contexts[context] = try DirichletMultinomialCounts(outcomes: overall.outcomeCount)
    }
    try contexts[context]?.add(counts)
  }

  mutating func merge(_ other: PopulationCells) throws(ModelError) {
    try overall.merge(other.overall)
    for (context, counts) in other.contexts {
      if let mine = contexts[context] {
        var merged = mine
        try merged.merge(counts)
        contexts[context] = merged
      } else {
        contexts[context] = counts
      }
    }
  }
}
