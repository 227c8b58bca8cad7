public import Foundation

extension UserModel {
  /// Explains a belief: each evidence item's current contribution, largest first.
  ///
  /// An item's contribution to outcome `k` at `now` is
  /// `w * rel(source) * q(k) * 2^(-(now - observedAt)/h) * s`, where `s` is its source's cap
  /// scale (1 unless the source is over ``RevisionPolicy/maximumContributionPerSource``). Its
  /// ``EvidenceContribution/probabilityShift`` is exact leave-one-out: the estimate minus the
  /// estimate without that item (with the cap recomputed for its source).
  ///
  /// - Parameters:
  ///   - key: The belief.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The estimate and the ranked contributions.
  /// - Throws: ``ModelError/unknownBelief(_:)``, or ``ModelError/nonFiniteNumber(field:)``
  ///   when `now` is NaN or infinite.
  public func explain(_ key: BeliefKey, at now: Date) throws(ModelError) -> BeliefExplanation {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    guard let index = beliefIndex(of: key) else { throw .unknownBelief(key) }
    let estimate = estimate(atIndex: index, time: now)
    let time = now.timeIntervalSinceReferenceDate
    let cap = policy.maximumContributionPerSource
    var slotValues: [Int: (values: [Double], scale: Double)] = [:]
    for slot in tallies[index]?.slots ?? [] {
      slotValues[slot.source] = BeliefTally.contribution(
        of: slot, at: time, reliability: reliabilities[slot.source], cap: cap)
    }
    var contributions: [EvidenceContribution] = []
    for item in ledger where item.belief == key {
      guard let resolved = try? resolve(item, now: nil),
        let slot = slotValues[resolved.source]
      else { continue }
      contributions.append(
        contribution(of: item, resolved, slot: slot, estimate: estimate, time: time))
    }
    contributions.sort {
      ($0.currentWeight, $1.evidence.id) > ($1.currentWeight, $0.evidence.id)
    }
    return BeliefExplanation(estimate: estimate, contributions: contributions)
  }

  private func contribution(
    of item: Evidence, _ resolved: ResolvedEvidence, slot: (values: [Double], scale: Double),
    estimate: BeliefEstimate, time: Double
  ) -> EvidenceContribution {
    let reliability = reliabilities[resolved.source]
    let decay =
      halfLife(belief: resolved.belief, source: resolved.source).map {
        exp2(-(time - resolved.observedAt) / $0)
      } ?? 1
    let count = estimate.outcomes.count
    var raw = resolved.masses
    if let outcome = resolved.outcome {
      raw = Array(repeating: 0, count: count)
      raw[outcome] = 1
    }
    raw = raw.map { $0 * resolved.weight * reliability * decay }
    let remaining = zip(slot.values, raw).map { max($0 - $1, 0) }
    let remainingScale = BeliefTally.capScale(
      total: remaining.reduce(0, +), cap: policy.maximumContributionPerSource)
    var without = estimate.evidence
    for k in without.indices {
      without[k] += remaining[k] * remainingScale - slot.values[k] * slot.scale
      without[k] = max(without[k], 0)
    }
    let withoutEstimate = BeliefEstimate(
      key: estimate.key, outcomes: estimate.outcomes, baseRates: estimate.baseRates,
      priorWeight: estimate.priorWeight, evidence: without, evaluatedAt: estimate.evaluatedAt)
    return EvidenceContribution(
      evidence: item, reliability: reliability, decayFactor: decay, capScale: slot.scale,
      tallies: raw.map { $0 * slot.scale },
      probabilityShift: zip(estimate.probabilities, withoutEstimate.probabilities).map { $0 - $1 })
  }
}
