import Foundation

/// Dynamic beliefs (``BeliefKind/dynamic(_:)``) inside a ``UserModel``: what recording checks
/// and folds, and the estimate.
///
/// Recording hands an item about a dynamic belief here at one check of the belief's kind;
/// everything else (the ledger, duplicates, ids, times, forgetting, as-of) is shared with
/// counted beliefs. Forgetting, as-of, a policy or catalogue change and a late item rebuild a
/// belief's state from its items; an in-order item is one filter step.
extension UserModel {
  /// Whether the belief in force at `index` is dynamic (read in place, no definition copied).
  @inline(__always)
  func isDynamic(at index: Int) -> Bool {
    let listed = catalogue.storage.beliefs
    return index < listed.count
      ? listed[index].kind.isDynamic : ownDefinitions[index - listed.count].kind.isDynamic
  }

  /// Validates an item about a dynamic belief: an outcome of a binary belief (`.holds` or
  /// `.doesNotHold`) with weight 1. Source reliability tempers nothing: slip and guess are
  /// the filter's model of a wrong or lucky answer.
  func resolveDynamic(
    _ item: Evidence, _ beliefIndex: Int, _ sourceIndex: Int, _ definition: BeliefDefinition
  ) throws(ModelError) -> ResolvedEvidence {
    guard case .outcome(let name) = item.content else {
      throw .unsupportedForDynamicBelief(
        belief: item.belief,
        reason:
          "evidence \(item.id) is soft, likelihood-ratio or Jeffrey evidence; a dynamic "
          + "belief takes .holds and .doesNotHold answers only")
    }
    guard let outcome = definition.index(of: name) else {
      throw .unknownOutcome(belief: item.belief, outcome: name)
    }
    guard item.weight == 1 else {
      throw .unsupportedForDynamicBelief(
        belief: item.belief,
        reason:
          "evidence \(item.id) has weight \(item.weight); each answer is one step of the "
          + "filter, so its weight must be 1")
    }
    return ResolvedEvidence(
      belief: beliefIndex, source: sourceIndex, outcome: outcome, masses: [], virtual: nil,
      weight: 1, observedAt: item.observedAt.timeIntervalSinceReferenceDate, outcomeCount: 2,
      dynamicID: item.id)
  }

  /// Folds one validated answer into its belief's filter state.
  mutating func applyDynamic(_ resolved: ResolvedEvidence, id: EvidenceID) {
    guard
      let parameters = definition(at: resolved.belief).kind.knowledgeTracingParameters
    else { preconditionFailure("a dynamic item resolved against a counted belief") }
    let entry = DynamicBeliefState.Entry(
      observedAt: resolved.observedAt, id: id, holds: resolved.outcome == 0)
    dynamicStates[resolved.belief, default: DynamicBeliefState(prior: parameters.prior)].add(
      entry, parameters: parameters)
  }

  /// The estimate of a dynamic belief: the filter's mastery after its last answer, its
  /// answers as ``BeliefEstimate/evidence`` (`[holds, does not hold]`, unweighted).
  func dynamicEstimate(
    _ definition: BeliefDefinition, atIndex index: Int,
    parameters: KnowledgeTracing.Parameters, time: Date
  ) -> BeliefEstimate {
    let state = dynamicStates[index] ?? DynamicBeliefState(prior: parameters.prior)
    let holds = state.holdsCount
    let answers = state.entries.count
    return BeliefEstimate(
      key: definition.key, outcomes: definition.outcomes, baseRates: definition.baseRates,
      priorWeight: policy.priorWeight, evidence: [Double(holds), Double(answers - holds)],
      evaluatedAt: time,
      mastery: MasteryEstimate(
        parameters: parameters, mastery: state.mastery, answerCount: answers))
  }

  /// The counted answers of the dynamic belief `key` in filter order, `true` for `.holds`
  /// (what its estimate filters, and what ``KnowledgeTracingPopulationFit`` gathers).
  ///
  /// - Parameter key: A dynamic belief in force.
  /// - Returns: The answers, oldest first by `(observedAt, id)`.
  /// - Throws: ``ModelError/unknownBelief(_:)``, or
  ///   ``ModelError/unsupportedForDynamicBelief(belief:reason:)`` for a counted belief.
  public func answers(ofDynamicBelief key: BeliefKey) throws(ModelError) -> [Bool] {
    try dynamicEntries(of: key).map(\.holds)
  }

  /// The filter's entries of the dynamic belief `key`.
  func dynamicEntries(of key: BeliefKey) throws(ModelError) -> [DynamicBeliefState.Entry] {
    guard let index = beliefIndex(of: key) else { throw .unknownBelief(key) }
    guard definition(at: index).kind.isDynamic else {
      throw .unsupportedForDynamicBelief(
        belief: key, reason: "it is a counted belief, not a dynamic one")
    }
    return dynamicStates[index]?.entries ?? []
  }
}

extension UserModel {
  /// Refuses to change an own belief between counted and dynamic while evidence refers to it:
  /// a dynamic belief refuses weighted, soft and virtual items a counted one holds.
  func checkKindChange(from old: BeliefDefinition, to new: BeliefDefinition) throws(ModelError) {
    guard old.kind.isDynamic != new.kind.isDynamic,
      ledger.contains(where: { $0.belief == new.key })
    else { return }
    throw .incompatibleRedeclaration(
      belief: new.key,
      reason: "evidence refers to it, so it cannot change between counted and dynamic")
  }
}

extension UserModel {
  /// Explains a dynamic belief: its answers in filter order (`(observedAt, id)`), each with the
  /// filter's step at it. An answer's ``EvidenceContribution/probabilityShift`` is what the
  /// observation itself moved the mastery (`masteryAfterObservation - masteryBefore` for
  /// ``BeliefDefinition/trueOutcome``); the transition to the next answer is
  /// `masteryNext - masteryAfterObservation`. Reliability, decay and the cap do not apply
  /// (reported as 1); each answer's tally is 1 on its outcome.
  func explainDynamic(_ key: BeliefKey, estimate: BeliefEstimate) throws(ModelError)
    -> BeliefExplanation
  {
    guard let parameters = estimate.mastery?.parameters else {
      return BeliefExplanation(estimate: estimate, contributions: [])
    }
    let entries = try dynamicEntries(of: key)
    let steps = DynamicBeliefState.filter(entries, parameters: parameters)
    var contributions: [EvidenceContribution] = []
    contributions.reserveCapacity(entries.count)
    for (entry, step) in zip(entries, steps) {
      guard let item = ledger.item(withID: entry.id) else { continue }
      let shift = step.masteryAfterObservation - step.masteryBefore
      contributions.append(
        EvidenceContribution(
          evidence: item, reliability: 1, decayFactor: 1, capScale: 1,
          tallies: entry.holds ? [1, 0] : [0, 1], probabilityShift: [shift, -shift],
          knowledgeTracingStep: step))
    }
    return BeliefExplanation(estimate: estimate, contributions: contributions)
  }
}
