extension PopulationPriorFit {
  /// Fits every belief that had a trial, and its contexts.
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
  ///   ``ModelError/emptyPopulation(belief:)`` naming it when no user had a trial of it; else
  ///   as ``fit()``.
  public func fit(belief key: BeliefKey) throws(ModelError) -> FittedBelief {
    guard let index = catalogue.storage.beliefIndex[key] else { throw .unknownBelief(key) }
    guard cells[index].overall.users > 0 else { throw .emptyPopulation(belief: key) }
    return try fitBelief(at: index)
  }

  private func fitBelief(at index: Int) throws(ModelError) -> FittedBelief {
    let definition = catalogue.beliefs[index]
    let cell = cells[index]
    let prior = try fitCell(cell.overall, definition: definition, context: nil) {
      counts in
      // Structural belief: the pooled counts plus one pseudo-trial of the declared rates.
      let n = Double(counts.trials)
      return counts.totals.indices.map {
        (Double(counts.totals[$0]) + definition.baseRates[$0]) / (n + 1)
      }
    }
    let contexts = try fitContexts(
      cell.contexts, toward: prior.baseRates, definition: definition)
    return FittedBelief(key: definition.key, prior: prior, contexts: contexts)
  }

  /// Fits the contexts of one belief, top-down from the belief (whose rates are
  /// `beliefRates`): each parent's children shrunk toward it.
  private func fitContexts(
    _ counts: [ContextID: DirichletMultinomialCounts], toward beliefRates: [Double],
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
    _ children: [ContextID], of contexts: [ContextID: DirichletMultinomialCounts],
    toward parentRates: [Double], parent: ContextID?, definition: BeliefDefinition
  ) throws(ModelError) -> [(ContextID, FittedPrior)] {
    let counts = children.compactMap { contexts[$0] }
    let kappa = ContextShrinkage.concentration(children: counts.map(\.totals), parent: parentRates)
    var result: [(ContextID, FittedPrior)] = []
    for (context, count) in zip(children, counts) {
      let rates = ContextShrinkage.shrunk(count.totals, toward: parentRates, concentration: kappa)
      var fitted = FittedPrior(
        baseRates: rates, priorWeight: nil, users: count.users, trials: count.trials,
        outcomeTrials: count.totals, logLikelihood: nil, isAtWeightBound: false,
        isStructural: false, parent: parent, concentration: kappa)
      if count.users >= options.minimumUsersForWeight {
        let own = try fitCell(count, definition: definition, context: context) { _ in rates }
        fitted = FittedPrior(
          baseRates: rates, priorWeight: own.priorWeight, users: count.users,
          trials: count.trials, outcomeTrials: count.totals, logLikelihood: own.logLikelihood,
          isAtWeightBound: own.isAtWeightBound, isStructural: own.isStructural, parent: parent,
          concentration: kappa)
      }
      result.append((context, fitted))
    }
    return result
  }

  /// The MML fit of one cell, or under the structural policy `structuralRates` with its `W`.
  private func fitCell(
    _ counts: DirichletMultinomialCounts, definition: BeliefDefinition, context: ContextID?,
    structuralRates: (DirichletMultinomialCounts) -> [Double]
  ) throws(ModelError) -> FittedPrior {
    if let outcome = DirichletMultinomialFit.degenerateOutcome(counts) {
      guard case .structural(let weight) = options.degenerateFits else {
        throw .degenerateFit(
          belief: definition.key, context: context, outcome: definition.outcomes[outcome])
      }
      return FittedPrior(
        baseRates: structuralRates(counts), priorWeight: weight, users: counts.users,
        trials: counts.trials, outcomeTrials: counts.totals, logLikelihood: nil,
        isAtWeightBound: false, isStructural: true, parent: nil, concentration: nil)
    }
    let fit = try DirichletMultinomialFit(fitting: counts)
    return FittedPrior(
      baseRates: fit.baseRates, priorWeight: fit.priorWeight, users: fit.users,
      trials: counts.trials, outcomeTrials: counts.totals, logLikelihood: fit.logLikelihood,
      isAtWeightBound: fit.isAtWeightBound, isStructural: false, parent: nil, concentration: nil)
  }
}
