public import Foundation

extension UserModel {
  /// The estimate of one belief at `now`, from the belief's own prior.
  ///
  /// - Parameters:
  ///   - key: The belief.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The estimate (see ``BeliefEstimate`` for the formulas).
  /// - Throws: ``ModelError/unknownBelief(_:)``, or ``ModelError/nonFiniteNumber(field:)``
  ///   when `now` is NaN or infinite.
  public func estimate(for key: BeliefKey, at now: Date) throws(ModelError) -> BeliefEstimate {
    try estimate(for: key, in: nil, at: now)
  }

  /// The estimate of one belief in a context at `now`.
  ///
  /// The evidence is the user's, pooled across every context it came from; only the prior is
  /// the context's (``BeliefDefinition/prior(in:)``):
  /// `p_k = (t_k + W_c a_ck) / (T + W_c)`, `u = W_c / (T + W_c)`. Docs/Math.md derives it.
  ///
  /// - Parameters:
  ///   - key: The belief.
  ///   - context: A context the belief lists, or `nil` for the belief's own prior.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The estimate; its ``BeliefEstimate/context`` is `context`.
  /// - Throws: ``ModelError/unknownBelief(_:)``, ``ModelError/unknownContext(belief:context:)``,
  ///   or ``ModelError/nonFiniteNumber(field:)`` when `now` is NaN or infinite.
  public func estimate(for key: BeliefKey, in context: ContextID?, at now: Date)
    throws(ModelError) -> BeliefEstimate
  {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    guard let index = beliefIndex(of: key) else { throw .unknownBelief(key) }
    let definition = definition(at: index)
    return estimate(
      definition, atIndex: index, time: now, prior: try definition.prior(in: context))
  }

  /// The estimates of every declared belief at `now`, in declaration order.
  ///
  /// - Parameter now: The moment to evaluate decay at.
  /// - Returns: One estimate per belief.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` for a NaN or infinite `now`.
  public func estimates(at now: Date) throws(ModelError) -> [BeliefEstimate] {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    return beliefIndices.map { estimate(atIndex: $0, time: now) }
  }

  /// The estimates of the beliefs `keys` at `now`, in the order asked for.
  ///
  /// - Parameters:
  ///   - keys: The beliefs; each may appear once. `nil` means every declared belief, in
  ///     declaration order, as ``estimates(at:)``.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: One estimate per key.
  /// - Throws: ``ModelError/unknownBelief(_:)``, ``ModelError/duplicateBelief(_:)``, or
  ///   ``ModelError/nonFiniteNumber(field:)`` for a NaN or infinite `now`.
  public func estimates(beliefs keys: [BeliefKey]?, at now: Date) throws(ModelError)
    -> [BeliefEstimate]
  {
    try estimates(beliefs: keys, in: nil, at: now)
  }

  /// The estimates of the beliefs `keys` in a context at `now`, in the order asked for.
  ///
  /// A belief that lists `context` starts from the context's prior; one that does not starts
  /// from its own (its estimate's ``BeliefEstimate/context`` is `nil`). A context that none of
  /// the beliefs lists is an error, so a misspelt context never passes silently.
  ///
  /// - Parameters:
  ///   - keys: The beliefs; each may appear once. `nil` means every declared belief.
  ///   - context: The context, or `nil` for every belief's own prior.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: One estimate per key.
  /// - Throws: ``ModelError/unknownBelief(_:)``, ``ModelError/duplicateBelief(_:)``,
  ///   ``ModelError/unknownContext(belief:context:)`` (with `belief` `nil`), or
  ///   ``ModelError/nonFiniteNumber(field:)`` for a NaN or infinite `now`.
  public func estimates(beliefs keys: [BeliefKey]?, in context: ContextID?, at now: Date)
    throws(ModelError) -> [BeliefEstimate]
  {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    var chosen = beliefIndices
    if let keys { chosen = try indices(of: keys) }
    var listed = context == nil
    let result = chosen.map { index -> BeliefEstimate in
      let definition = definition(at: index)
      guard let context, let prior = try? definition.prior(in: context) else {
        return estimate(definition, atIndex: index, time: now, prior: ownPrior(definition))
      }
      listed = true
      return estimate(definition, atIndex: index, time: now, prior: prior)
    }
    if let context, !listed, !result.isEmpty {
      throw .unknownContext(belief: nil, context: context)
    }
    return result
  }

  /// The model indices of `keys`, in order.
  private func indices(of keys: [BeliefKey]) throws(ModelError) -> [Int] {
    var seen = Set<BeliefKey>(minimumCapacity: keys.count)
    var result: [Int] = []
    result.reserveCapacity(keys.count)
    for key in keys {
      guard seen.insert(key).inserted else { throw .duplicateBelief(key) }
      guard let index = beliefIndex(of: key) else { throw .unknownBelief(key) }
      result.append(index)
    }
    return result
  }

  package func estimate(atIndex index: Int, time: Date) -> BeliefEstimate {
    // The definition is read in place, field by field, through a buffer pointer: a
    // `BeliefDefinition` passed whole is copied, and copying and destroying one (about twenty
    // fields) costs some 700 instructions per estimate through the runtime's value witnesses
    // (B1b reads two estimates a record).
    let listed = catalogue.storage.beliefs
    let (definitions, position) =
      index < listed.count ? (listed, index) : (ownDefinitions, index - listed.count)
    return definitions.withUnsafeBufferPointer { definitions in
      if definitions[position].kind.isDynamic {
        let definition = definitions[position]
        return estimate(definition, atIndex: index, time: time, prior: ownPrior(definition))
      }
      return countedEstimate(
        key: definitions[position].key, outcomes: definitions[position].outcomes,
        baseRates: definitions[position].baseRates, atIndex: index, time: time,
        prior: BeliefPrior(
          baseRates: definitions[position].baseRates,
          priorWeight: definitions[position].priorWeight, context: nil))
    }
  }

  private func ownPrior(_ definition: BeliefDefinition) -> BeliefPrior {
    BeliefPrior(baseRates: definition.baseRates, priorWeight: definition.priorWeight, context: nil)
  }

  /// The estimate of `definition`, the belief at `index`, at `time` under `prior`.
  func estimate(
    _ definition: BeliefDefinition, atIndex index: Int, time: Date, prior: BeliefPrior
  ) -> BeliefEstimate {
    if let parameters = definition.kind.knowledgeTracingParameters {
      return dynamicEstimate(definition, atIndex: index, parameters: parameters, time: time)
    }
    return countedEstimate(
      key: definition.key, outcomes: definition.outcomes, baseRates: definition.baseRates,
      atIndex: index, time: time, prior: prior)
  }

  /// The estimate of the counted belief at `index` (key, outcomes and base rates from its
  /// definition) at `time` under `prior`.
  private func countedEstimate(
    key: BeliefKey, outcomes: [String], baseRates: [Double], atIndex index: Int, time: Date,
    prior: BeliefPrior
  ) -> BeliefEstimate {
    let tally = tallies[index] ?? BeliefTally()
    let seconds = time.timeIntervalSinceReferenceDate
    let evidence = tally.evidence(
      at: seconds, reliabilities: reliabilities,
      cap: policy.maximumContributionPerSource, outcomeCount: outcomes.count)
    return BeliefEstimate(
      key: key, outcomes: outcomes, baseRates: prior.baseRates,
      priorWeight: prior.priorWeight ?? policy.priorWeight, evidence: evidence,
      evaluatedAt: time, context: prior.context,
      logLikelihoods: tally.virtual.logLikelihoods(
        at: seconds, reliabilities: reliabilities, baseRates: baseRates))
  }

  /// The model as it stood at `time`: the fold of the evidence recorded (``Evidence/recordedAt``)
  /// at or before `time`, under the current definitions, sources and policy.
  ///
  /// Evaluate it at the same moment for "what did we believe then":
  /// `model.asOf(monday).estimate(for: key, at: monday)`.
  ///
  /// - Parameter time: The moment.
  /// - Returns: A model holding only the evidence known then.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` for a NaN or infinite `time`.
  public func asOf(_ time: Date) throws(ModelError) -> UserModel {
    try Check.finite(time.timeIntervalSinceReferenceDate, field: "time")
    var past = self
    past.ledger = Ledger()
    past.tallies = TallyTable()
    past.dynamicStates = [:]
    for item in ledger where item.recordedAt <= time {
      // Evidence that is hidden now (its entry retired) stays in the past ledger, hidden.
      try? past.appendReplayed(item)
    }
    return past
  }

  /// Beliefs with substantial evidence on more than one side, most conflicted first. Dynamic
  /// beliefs (``BeliefKind/dynamic(_:)``) are never contested: mixed answers are how learning
  /// looks.
  ///
  /// Conflict is `(1 - max_k t_k / T) * K / (K - 1)`: 0 when all evidence agrees, 1 when it is
  /// spread evenly over the `K` outcomes. Contested beliefs are reported, never resolved by
  /// deleting evidence.
  ///
  /// - Parameters:
  ///   - now: The moment to evaluate at.
  ///   - minimumEvidence: Least total evidence `T` to consider (default 4).
  ///   - minimumConflict: Least conflict to report, in `0...1` (default 0.5: for a binary
  ///     belief, at least a quarter of the evidence on the losing side).
  /// - Returns: The contested beliefs.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` for a NaN or infinite `now`.
  public func contestedBeliefs(
    at now: Date, minimumEvidence: Double = 4, minimumConflict: Double = 0.5
  ) throws(ModelError) -> [ContestedBelief] {
    try estimates(at: now).compactMap { estimate -> ContestedBelief? in
      let total = estimate.totalEvidence
      // A dynamic belief's mixed answers are a learning curve, not a conflict.
      guard estimate.mastery == nil, total >= minimumEvidence, total > 0 else { return nil }
      let k = Double(estimate.outcomes.count)
      let conflict = (1 - (estimate.evidence.max() ?? 0) / total) * k / (k - 1)
      guard conflict >= minimumConflict else { return nil }
      return ContestedBelief(estimate: estimate, conflict: conflict)
    }
    .sorted { ($0.conflict, $1.estimate.key) > ($1.conflict, $0.estimate.key) }
  }

  /// Beliefs whose evidence has faded: freshness `T(now) / T(last observed)` at or below
  /// `maximumFreshness`, stalest first. Beliefs that never had evidence are not stale, only
  /// unknown; dynamic beliefs (``BeliefKind/dynamic(_:)``) do not decay, so they are never
  /// stale.
  ///
  /// - Parameters:
  ///   - now: The moment to evaluate at.
  ///   - maximumFreshness: In `0...1`; default 0.5 (at least one half-life has passed).
  /// - Returns: The stale beliefs.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` for a NaN or infinite `now`.
  public func staleBeliefs(at now: Date, maximumFreshness: Double = 0.5) throws(ModelError)
    -> [StaleBelief]
  {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    return beliefIndices.compactMap { index -> StaleBelief? in
      guard let tally = tallies[index], let last = tally.lastObservedTime else { return nil }
      let then = tally.evidenceWhenLastObserved(
        reliabilities: reliabilities, cap: policy.maximumContributionPerSource,
        outcomeCount: definition(at: index).outcomes.count
      ).reduce(0, +)
      let current = estimate(atIndex: index, time: now)
      guard then > 0 else { return nil }
      let freshness = current.totalEvidence / then
      guard freshness <= maximumFreshness else { return nil }
      return StaleBelief(
        estimate: current, freshness: freshness,
        lastObservedAt: Date(timeIntervalSinceReferenceDate: last),
        uncertaintyWhenLastObserved: current.priorWeight / (then + current.priorWeight))
    }
    .sorted { ($0.freshness, $0.estimate.key) < ($1.freshness, $1.estimate.key) }
  }
}
