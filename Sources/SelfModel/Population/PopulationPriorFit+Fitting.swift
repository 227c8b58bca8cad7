extension PopulationPriorFit {
  /// Fits every counted belief that had a trial, and its contexts. Dynamic beliefs
  /// (``BeliefKind/dynamic(_:)``) are left out of both lists: ``KnowledgeTracingPopulationFit``
  /// fits their parameters.
  ///
  /// Per belief: the maximum-marginal-likelihood `(m, W)` of a beta-binomial (two outcomes)
  /// or Dirichlet-multinomial (more) over the users' counts pooled over contexts. Per context,
  /// top-down from the belief: the pooled rates shrunk toward the parent's (the context's
  /// declared parent if the belief lists one, else the belief),
  /// `m_c = (K_c + kappa m_p) / (N_c + kappa)`, `kappa` fitted by maximum marginal likelihood
  /// over the parent's children; and the context's own fitted `W` when at least
  /// ``PopulationFitOptions/minimumUsersForWeight`` users had a trial in it. See
  /// `Docs/Math.md`, "Population priors".
  ///
  /// - Returns: The fitted priors.
  /// - Throws: ``ModelError/emptyPopulation(belief:)`` when no belief had a trial;
  ///   ``ModelError/degenerateFit(belief:context:outcome:)`` for a degenerate belief, or a
  ///   degenerate context whose `W` is fitted, under ``DegenerateFitPolicy/refuse``;
  ///   ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a structural weight that is
  ///   not finite and positive.
  public func fit() throws(ModelError) -> PopulationPriors {
    if case .structural(let weight) = options.degenerateFits {
      try Check.positive(weight, field: "structural weight of the degenerate-fit policy")
    }
    var fitted: [FittedBelief] = []
    var unobserved: [BeliefKey] = []
    for (index, definition) in catalogue.beliefs.enumerated() {
      // A dynamic belief's prior is a knowledge-tracing parameter: KnowledgeTracingPopulationFit.
      if definition.kind.isDynamic { continue }
      if cells[index].overall.users == 0 {
        unobserved.append(definition.key)
      } else {
        fitted.append(try fitBelief(at: index))
      }
    }
    guard !fitted.isEmpty else { throw .emptyPopulation(belief: nil) }
    return PopulationPriors(
      catalogueVersion: catalogue.version, users: users, skippedEvidence: skippedEvidence,
      beliefs: fitted, unobservedBeliefs: unobserved)
  }

  /// Fits one belief and its contexts.
  ///
  /// - Parameter key: A belief of ``catalogue``.
  /// - Returns: Its fitted priors.
  /// - Throws: ``ModelError/unknownBelief(_:)`` when the catalogue does not list it;
  ///   ``ModelError/unsupportedForDynamicBelief(belief:reason:)`` for a dynamic belief;
  ///   ``ModelError/emptyPopulation(belief:)`` naming it when no user had a trial of it; else
  ///   as ``fit()``.
  public func fit(belief key: BeliefKey) throws(ModelError) -> FittedBelief {
    guard let index = catalogue.storage.beliefIndex[key] else { throw .unknownBelief(key) }
    guard !catalogue.storage.beliefs[index].kind.isDynamic else {
      throw .unsupportedForDynamicBelief(
        belief: key, reason: "fit its parameters with KnowledgeTracingPopulationFit")
    }
    guard cells[index].overall.users > 0 else { throw .emptyPopulation(belief: key) }
    return try fitBelief(at: index)
  }

  private func fitBelief(at index: Int) throws(ModelError) -> FittedBelief {
    let definition = catalogue.beliefs[index]
    let cell = cells[index]
    let overall = CellCounts(counts: cell.overall, decayed: cell.overallWeighted)
    let prior = try fitCell(overall, definition: definition, context: nil) { totals in
      // Structural belief: the pooled counts plus one pseudo-trial of the declared rates.
      let n = totals.reduce(0, +)
      return totals.indices.map { (totals[$0] + definition.baseRates[$0]) / (n + 1) }
    }
    let decayed = cell.overallWeighted == nil ? [:] : cell.weightedContexts
    var counts: [ContextID: CellCounts] = [:]
    for (context, count) in cell.contexts {
      counts[context] = CellCounts(counts: count, decayed: decayed[context])
    }
    let contexts = try fitContexts(
      counts,
      toward: prior.baseRates, definition: definition)
    return FittedBelief(key: definition.key, prior: prior, contexts: contexts)
  }

  /// Fits the contexts of one belief, top-down from the belief (whose rates are
  /// `beliefRates`): each parent's children shrunk toward it.
  private func fitContexts(
    _ counts: [ContextID: CellCounts], toward beliefRates: [Double],
    definition: BeliefDefinition
  ) throws(ModelError) -> [ContextID: FittedPrior] {
    var contexts: [ContextID: FittedPrior] = [:]
    var rates: [ContextID?: [Double]] = [nil: beliefRates]
    let byParent = Dictionary(grouping: counts.keys.sorted()) {
      definition.contexts[$0]?.parent
    }
    // Parents before children: a parent has every descendant's counts, so it was seen too.
    var pending: [ContextID?] = [nil]
    while let parent = pending.popLast() {
      guard let children = byParent[parent], let parentRates = rates[parent] else { continue }
      let shrunk = try shrink(
        children, of: counts, toward: parentRates, parent: parent, definition: definition)
      for (context, fitted) in shrunk {
        contexts[context] = fitted
        rates[context] = fitted.baseRates
        pending.append(context)
      }
    }
    return contexts
  }

  /// The children of one parent, shrunk toward it, each with its own `W` where fitted.
  private func shrink(
    _ children: [ContextID], of contexts: [ContextID: CellCounts],
    toward parentRates: [Double], parent: ContextID?, definition: BeliefDefinition
  ) throws(ModelError) -> [(ContextID, FittedPrior)] {
    let counts = children.compactMap { contexts[$0] }
    let kappa = ContextShrinkage.concentration(children: counts.map(\.totals), parent: parentRates)
    var result: [(ContextID, FittedPrior)] = []
    for (context, count) in zip(children, counts) {
      let rates = ContextShrinkage.shrunk(count.totals, toward: parentRates, concentration: kappa)
      var own: FittedPrior?
      if count.counts.users >= options.minimumUsersForWeight {
        own = try fitCell(count, definition: definition, context: context) { _ in rates }
      }
      result.append(
        (
          context,
          count.prior(
            baseRates: rates, priorWeight: own?.priorWeight, logLikelihood: own?.logLikelihood,
            isAtWeightBound: own?.isAtWeightBound ?? false,
            isStructural: own?.isStructural ?? false, parent: parent, concentration: kappa)
        ))
    }
    return result
  }

  /// The MML fit of one cell, or under the structural policy `structuralRates` (of the cell's
  /// totals) with its `W`.
  private func fitCell(
    _ cell: CellCounts, definition: BeliefDefinition, context: ContextID?,
    structuralRates: ([Double]) -> [Double]
  ) throws(ModelError) -> FittedPrior {
    if let outcome = cell.degenerateOutcome {
      guard case .structural(let weight) = options.degenerateFits else {
        throw .degenerateFit(
          belief: definition.key, context: context, outcome: definition.outcomes[outcome])
      }
      return cell.prior(
        baseRates: structuralRates(cell.totals), priorWeight: weight, logLikelihood: nil,
        isAtWeightBound: false, isStructural: true, parent: nil, concentration: nil)
    }
    let fit = try cell.fit()
    return cell.prior(
      baseRates: fit.baseRates, priorWeight: fit.priorWeight, logLikelihood: fit.logLikelihood,
      isAtWeightBound: fit.isAtWeightBound, isStructural: false, parent: nil, concentration: nil)
  }
}

/// One cell's counts: whole-number, and decayed with ``PopulationFitOptions/decay``. The fit,
/// the degenerate check and the shrinkage use the decayed ones when there are.
private struct CellCounts {
  let counts: DirichletMultinomialCounts
  let decayed: FractionalCounts?

  var totals: [Double] { decayed?.totals ?? counts.totals.map(Double.init) }

  var degenerateOutcome: Int? {
    guard let decayed else { return DirichletMultinomialFit.degenerateOutcome(counts) }
    return decayed.degenerateOutcome
  }

  func fit() throws(ModelError) -> DirichletMultinomialFit {
    guard let decayed else { return try DirichletMultinomialFit(fitting: counts) }
    return try DirichletMultinomialFit(fitting: decayed)
  }

  func prior(
    baseRates: [Double], priorWeight: Double?, logLikelihood: Double?, isAtWeightBound: Bool,
    isStructural: Bool, parent: ContextID?, concentration: Double?
  ) -> FittedPrior {
    FittedPrior(
      baseRates: baseRates, priorWeight: priorWeight, users: counts.users,
      trials: counts.trials, outcomeTrials: counts.totals, logLikelihood: logLikelihood,
      isAtWeightBound: isAtWeightBound, isStructural: isStructural, parent: parent,
      concentration: concentration, decayedOutcomeTrials: decayed?.totals)
  }
}
