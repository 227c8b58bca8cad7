extension DriftReport {
  /// The shared beliefs' drifts and the keys that could not be compared.
  struct Matched {
    var drifts: [BeliefDrift] = []
    var added: [BeliefKey] = []
    var removed: [BeliefKey] = []
    var incompatible: [BeliefKey] = []
  }

  static func match(_ old: [BeliefEstimate], _ new: [BeliefEstimate]) -> Matched {
    var result = Matched()
    var newByKey: [BeliefKey: BeliefEstimate] = [:]
    for estimate in new { newByKey[estimate.key] = estimate }
    for before in old {
      guard let after = newByKey.removeValue(forKey: before.key) else {
        result.removed.append(before.key)
        continue
      }
      guard before.outcomes.count == after.outcomes.count,
        Set(before.outcomes) == Set(after.outcomes)
      else {
        result.incompatible.append(before.key)
        continue
      }
      result.drifts.append(drift(before, after))
    }
    result.added = newByKey.keys.sorted()
    result.removed.sort()
    result.incompatible.sort()
    return result
  }

  private static func drift(_ before: BeliefEstimate, _ after: BeliefEstimate) -> BeliefDrift {
    let probabilities = after.probabilities
    let aligned = before.outcomes.map { name in
      after.outcomes.firstIndex(of: name).map { probabilities[$0] } ?? 0
    }
    let old = before.probabilities
    return BeliefDrift(
      belief: before.key, outcomes: before.outcomes, before: old, after: aligned,
      divergence: (try? Information.jensenShannonDivergence(old, aligned)) ?? 0,
      uncertaintyBefore: before.uncertainty, uncertaintyAfter: after.uncertainty)
  }

  /// The PSI of the binary beliefs' `P(true)` histograms, or `nil` without binary beliefs.
  static func stability(_ drifts: [BeliefDrift]) throws(ModelError) -> Double? {
    let binary = drifts.filter {
      $0.outcomes == [BeliefDefinition.trueOutcome, BeliefDefinition.falseOutcome]
    }
    guard !binary.isEmpty else { return nil }
    let before = try Information.histogramProportions(binary.map { min(max($0.before[0], 0), 1) })
    let after = try Information.histogramProportions(binary.map { min(max($0.after[0], 0), 1) })
    return try Information.populationStabilityIndex(
      expected: before, actual: after, floor: proportionFloor)
  }
}
