/// Which fitted belief a model's ledger item counts for, if any: its belief must be in force
/// for the model and map to a fitted one, and its source must be in force. The last belief and
/// source are remembered, since ledgers come in runs of both.
struct LedgerItemFilter {
  let model: UserModel
  /// ``PopulationPriorFit/beliefMapping(for:)`` of the model's catalogue.
  let mapping: [Int]
  private var lastBelief: (key: BeliefKey, belief: Int)?
  private var lastSource: SourceID?

  init(model: UserModel, mapping: [Int]) {
    self.model = model
    self.mapping = mapping
  }

  /// The index of the fitted belief `item` counts for, or `nil`.
  mutating func fittedBelief(of item: borrowing Evidence) -> Int? {
    let belief: Int
    if let lastBelief, lastBelief.key == item.belief {
      belief = lastBelief.belief
    } else {
      guard let index = model.beliefIndex(of: item.belief), index < mapping.count else {
        return nil
      }
      belief = mapping[index]
      lastBelief = (item.belief, belief)
    }
    guard belief >= 0 else { return nil }
    if item.source != lastSource {
      guard model.sourceIndex(of: item.source) != nil else { return nil }
      lastSource = item.source
    }
    return belief
  }
}

extension PopulationPriorFit {
  /// Counts one user's trials per outcome, per belief and per context slot, into
  /// ``userTrials`` (emptied first), walking the ledger without batch copies; `mapping` is
  /// ``beliefMapping(for:)`` of the model's catalogue.
  ///
  /// - Returns: The number of items skipped (soft evidence, fractional weights).
  /// - Throws: As ``trials(of:)``; ``userTrials`` then holds part of the user (the next
  ///   user's count empties it), and contexts may have been interned without counts.
  mutating func countTrials(of model: UserModel, mapping: [Int]) throws(ModelError) -> Int {
    userTrials.removeAll()
    var filter = LedgerItemFilter(model: model, mapping: mapping)
    var skipped = 0
    try model.ledger.forEachInPlace { (item) throws(ModelError) in
      guard let belief = filter.fittedBelief(of: item) else { return }
      guard case .outcome(let name) = item.content,
        let outcome = outcomeNames[belief].firstIndex(of: name),
        let trials = try Self.trials(of: item)
      else {
        skipped += 1
        return
      }
      guard trials > 0 else { return }
      let weight = options.decay.map { Double(trials) * $0.weight(observedAt: item.observedAt) }
      count(trials, weight: weight, of: outcome, belief: belief, context: item.context)
    }
    return skipped
  }

  /// Adds `trials` of `outcome` (decayed to `weight` trials, with decay) to the belief
  /// overall, to `context` and to each of its declared ancestors.
  private mutating func count(
    _ trials: Int, weight: Double?, of outcome: Int, belief: Int, context: ContextID?
  ) {
    let outcomes = cells[belief].overall.outcomeCount
    let overall = userTrials.overallRow(of: belief, outcomes: outcomes)
    add(trials, weight: weight, of: outcome, to: overall)
    guard let context else { return }
    var slot = cells[belief].slot(of: context)
    while slot >= 0 {
      let row = userTrials.contextRow(slot, overall: overall, outcomes: outcomes)
      add(trials, weight: weight, of: outcome, to: row)
      slot = cells[belief].parentSlots[slot]
    }
  }

  private mutating func add(_ trials: Int, weight: Double?, of outcome: Int, to row: Int) {
    if let weight {
      userTrials.add(trials, weight: weight, of: outcome, to: row)
    } else {
      userTrials.add(trials, of: outcome, to: row)
    }
  }

  /// Adds the user counted by ``countTrials(of:mapping:)`` to ``cells``.
  ///
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` when the user's trials of
  ///   one belief exceed ``BetaBinomialCounts/maximumTrials``; nothing is added then.
  mutating func addUserTrials(user: UserID) throws(ModelError) {
    for row in userTrials.rows where row.slot < 0 {
      let total = userTrials.counts(of: row, outcomes: cells[row.belief].overall.outcomeCount)
        .reduce(0, +)
      guard total <= BetaBinomialCounts.maximumTrials else {
        throw .numberOutOfRange(
          field: "trials of user \(user)", value: Double(total),
          allowed: "0...\(BetaBinomialCounts.maximumTrials)")
      }
    }
    // A context's counts are part of its belief's, so none of these adds can fail now.
    for row in userTrials.rows {
      let outcomes = cells[row.belief].overall.outcomeCount
      let slot = row.slot < 0 ? nil : row.slot
      let counts = userTrials.counts(of: row, outcomes: outcomes)
      if userTrials.isWeighted {
        cells[row.belief].add(
          weighted: userTrials.weightedCounts(of: row, outcomes: outcomes), counts: counts,
          slot: slot)
      } else {
        try cells[row.belief].add(counts, slot: slot)
      }
    }
  }

  /// The trials an item counts: its weight when that is a whole number, else `nil`.
  static func trials(of item: borrowing Evidence) throws(ModelError) -> Int? {
    guard item.weight.isFinite else { throw .nonFiniteNumber(field: "weight of \(item.id)") }
    guard item.weight >= 0 else {
      throw .numberOutOfRange(field: "weight of \(item.id)", value: item.weight, allowed: ">= 0")
    }
    guard item.weight == item.weight.rounded() else { return nil }
    guard item.weight <= Double(BetaBinomialCounts.maximumTrials) else {
      throw .numberOutOfRange(
        field: "weight of \(item.id)", value: item.weight,
        allowed: "0...\(BetaBinomialCounts.maximumTrials) trials")
    }
    return Int(item.weight)
  }

  /// For each belief index of models on `modelCatalogue`, the index of the fitted belief with
  /// the same key and outcomes, or -1.
  func beliefMapping(for modelCatalogue: Catalogue) -> [Int] {
    if modelCatalogue.storage === catalogue.storage { return Array(cells.indices) }
    return modelCatalogue.beliefs.map { definition in
      guard let index = catalogue.storage.beliefIndex[definition.key],
        catalogue.storage.beliefs[index].outcomes == definition.outcomes
      else { return -1 }
      return index
    }
  }
}
