/// One user's counts of one belief: overall and per context (few per user, so a list).
struct UserBeliefCounts {
  let belief: Int
  var overall: [Int]
  var contexts: [(context: ContextID, counts: [Int])] = []

  init(belief: Int, outcomes: Int) {
    self.belief = belief
    overall = Array(repeating: 0, count: outcomes)
  }

  mutating func add(_ trials: Int, to outcome: Int, in context: ContextID) {
    if let slot = contexts.firstIndex(where: { $0.context == context }) {
      contexts[slot].counts[outcome] += trials
    } else {
      var counts = Array(repeating: 0, count: overall.count)
      counts[outcome] = trials
      contexts.append((context, counts))
    }
  }
}

extension PopulationPriorFit {
  /// One user's trials per outcome, per belief and per context, validated, and the number of
  /// items skipped; `mapping` is ``beliefMapping(for:)`` of the model's catalogue.
  func userCounts(_ model: UserModel, mapping: [Int]) throws(ModelError)
    -> (counts: [UserBeliefCounts], skipped: Int)
  {
    var counts: [UserBeliefCounts] = []
    var slots: [Int: Int] = [:]
    var skipped = 0
    var last: (key: BeliefKey, belief: Int)?
    var lastSource: SourceID?
    for item in model.ledger {
      let belief: Int
      if let last, last.key == item.belief {
        belief = last.belief
      } else {
        guard let index = model.beliefIndex(of: item.belief), index < mapping.count else {
          continue
        }
        belief = mapping[index]
        last = (item.belief, belief)
      }
      guard belief >= 0 else { continue }
      if item.source != lastSource {
        guard model.sourceIndex(of: item.source) != nil else { continue }
        lastSource = item.source
      }
      guard case .outcome(let name) = item.content,
        let outcome = outcomeNames[belief].firstIndex(of: name),
        let trials = try Self.trials(of: item)
      else {
        skipped += 1
        continue
      }
      guard trials > 0 else { continue }
      let slot = slots[belief] ?? counts.count
      if slot == counts.count {
        slots[belief] = slot
        counts.append(UserBeliefCounts(belief: belief, outcomes: outcomeNames[belief].count))
      }
      counts[slot].overall[outcome] += trials
      var context = item.context
      while let current = context {
        counts[slot].add(trials, to: outcome, in: current)
        context = parents[belief][current]
      }
    }
    try Self.checkLimits(counts, user: model.user)
    return (counts, skipped)
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

  private static func checkLimits(_ counts: [UserBeliefCounts], user: UserID) throws(ModelError) {
    for belief in counts {
      let total = belief.overall.reduce(0, +)
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
