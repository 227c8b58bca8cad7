public import Foundation

extension UserModel {
  /// Explains a belief: each evidence item's current contribution, largest first.
  ///
  /// An item's contribution to outcome `k` at `now` is
  /// `w * rel(source) * q(k) * 2^(-(now - observedAt)/h) * s`, where `s` is its source's cap
  /// scale (1 unless the source is over ``RevisionPolicy/maximumContributionPerSource``). Its
  /// ``EvidenceContribution/probabilityShift`` is exact leave-one-out: the estimate minus the
  /// estimate without that item (with the cap recomputed for its source). A likelihood-ratio
  /// or Jeffrey item counts nothing (its tallies are 0); its
  /// ``EvidenceContribution/logLikelihoods`` say what it adds, its probability shift is exact
  /// leave-one-out too, and it ranks after the counted items (by id). A dynamic belief
  /// (``BeliefKind/dynamic(_:)``) lists its answers in filter order instead, each with its
  /// ``EvidenceContribution/knowledgeTracingStep``.
  ///
  /// - Parameters:
  ///   - key: The belief.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The estimate and the ranked contributions.
  /// - Throws: ``ModelError/unknownBelief(_:)``, or ``ModelError/nonFiniteNumber(field:)``
  ///   when `now` is NaN or infinite.
  public func explain(_ key: BeliefKey, at now: Date) throws(ModelError) -> BeliefExplanation {
    try explain(key, in: nil, at: now)
  }

  /// Explains a belief in a context: the same items as ``explain(_:at:)`` (evidence from every
  /// context counts), measured against the context's prior, so each probability shift is what
  /// the item moves the estimate in `context`. Each item names its own
  /// ``Evidence/context``.
  ///
  /// - Parameters:
  ///   - key: The belief.
  ///   - context: A context the belief lists, or `nil` for the belief's own prior.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The estimate in `context` and the ranked contributions.
  /// - Throws: ``ModelError/unknownBelief(_:)``, ``ModelError/unknownContext(belief:context:)``,
  ///   or ``ModelError/nonFiniteNumber(field:)`` when `now` is NaN or infinite.
  public func explain(_ key: BeliefKey, in context: ContextID?, at now: Date) throws(ModelError)
    -> BeliefExplanation
  {
    let estimate = try estimate(for: key, in: context, at: now)
    guard let index = beliefIndex(of: key) else { throw .unknownBelief(key) }
    if definition(at: index).kind.isDynamic {
      return try explainDynamic(key, estimate: estimate)
    }
    let time = now.timeIntervalSinceReferenceDate
    let cap = policy.maximumContributionPerSource
    var slotValues: [Int: (values: [Double], scale: Double)] = [:]
    for slot in tallies[index]?.slots ?? [] {
      slotValues[slot.source] = BeliefTally.contribution(
        of: slot, at: time, reliability: reliabilities[slot.source], cap: cap)
    }
    var contributions: [EvidenceContribution] = []
    for item in ledger where item.belief == key {
      guard let resolved = try? resolve(item, now: nil) else { continue }
      if let kind = resolved.virtual {
        contributions.append(
          virtualContribution(of: item, resolved, kind, estimate: estimate, time: time))
        continue
      }
      guard let slot = slotValues[resolved.source] else { continue }
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
        min(1, exp2(-(time - resolved.observedAt) / $0))
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
      priorWeight: estimate.priorWeight, evidence: without, evaluatedAt: estimate.evaluatedAt,
      context: estimate.context, logLikelihoods: estimate.logLikelihoods)
    return EvidenceContribution(
      evidence: item, reliability: reliability, decayFactor: decay, capScale: slot.scale,
      tallies: raw.map { $0 * slot.scale },
      probabilityShift: zip(estimate.probabilities, withoutEstimate.probabilities).map { $0 - $1 })
  }

  private func virtualContribution(
    of item: Evidence, _ resolved: ResolvedEvidence, _ kind: VirtualEvidence.Kind,
    estimate: BeliefEstimate, time: Double
  ) -> EvidenceContribution {
    let reliability = reliabilities[resolved.source]
    let halfLife = halfLife(belief: resolved.belief, source: resolved.source)
    let entry = VirtualEvidence.Item(
      source: resolved.source, halfLife: halfLife, observedAt: resolved.observedAt,
      weight: resolved.weight, kind: kind)
    let values = VirtualEvidence.logLikelihoods(
      of: entry, at: time, reliability: reliability,
      baseRates: definition(at: resolved.belief).baseRates)
    let total = estimate.logLikelihoods ?? Array(repeating: 0, count: values.count)
    let withoutEstimate = BeliefEstimate(
      key: estimate.key, outcomes: estimate.outcomes, baseRates: estimate.baseRates,
      priorWeight: estimate.priorWeight, evidence: estimate.evidence,
      evaluatedAt: estimate.evaluatedAt, context: estimate.context,
      logLikelihoods: zip(total, values).map { $0 - $1 })
    return EvidenceContribution(
      evidence: item, reliability: reliability,
      decayFactor: halfLife.map { exp2(-(time - resolved.observedAt) / $0) } ?? 1, capScale: 1,
      tallies: Array(repeating: 0, count: values.count),
      probabilityShift: zip(estimate.probabilities, withoutEstimate.probabilities).map { $0 - $1 },
      logLikelihoods: values)
  }
}
