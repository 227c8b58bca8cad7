/// One (belief, context) cell of one user's counts; `context` `nil` for the belief overall.
struct PopulationCellKey: Hashable {
  let belief: Int
  let context: ContextID?
}

extension PopulationPriorFit {
  /// One user's trials per outcome in each (belief, context) cell, validated, and the number
  /// of items skipped; `mapping` is ``beliefMapping(for:)`` of the model's catalogue.
  func userCounts(_ model: UserModel, mapping: [Int]) throws(ModelError)
    -> (counts: [PopulationCellKey: [Int]], skipped: Int)
  {
    var counts: [PopulationCellKey: [Int]] = [:]
    var skipped = 0
    for item in model.ledger {
      guard let index = model.beliefIndex(of: item.belief), index < mapping.count,
        mapping[index] >= 0, model.sourceIndex(of: item.source) != nil
      else { continue }
      let belief = mapping[index]
      let definition = catalogue.storage.beliefs[belief]
      guard case .outcome(let name) = item.content, let outcome = definition.index(of: name),
        let trials = try Self.trials(of: item)
      else {
        skipped += 1
        continue
      }
      guard trials > 0 else { continue }
      var context = item.context
      counts[PopulationCellKey(belief: belief, context: nil), default: zeros(definition)][
        outcome] += trials
      while let current = context {
        counts[PopulationCellKey(belief: belief, context: current), default: zeros(definition)][
          outcome] += trials
        context = definition.contexts[current]?.parent
      }
    }
    try Self.checkLimits(counts, user: model.user)
    return (counts, skipped)
  }

  private func zeros(_ definition: BeliefDefinition) -> [Int] {
    Array(repeating: 0, count: definition.outcomes.count)
  }

  /// The trials an item counts: its weight when that is a whole number, else `nil`.
  static func trials(of item: Evidence) throws(ModelError) -> Int? {
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

  private static func checkLimits(_ counts: [PopulationCellKey: [Int]], user: UserID)
    throws(ModelError)
  {
    for (key, values) in counts where key.context == nil {
      let total = values.reduce(0, +)
      guard total <= BetaBinomialCounts.maximumTrials else {
        throw .numberOutOfRange(
          field: "trials of user \(user)", value: Double(total),
          allowed: "0...\(BetaBinomialCounts.maximumTrials)")
      }
    }
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
