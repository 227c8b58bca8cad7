extension PolicyTuning {
  /// A new catalogue version: `catalogue` with ``after`` as its policy and the tuned belief
  /// priors written into the definitions it lists.
  ///
  /// For each listed belief with a tuned `W` (``PolicyParameter/beliefPriorWeight(_:)``) its
  /// ``BeliefDefinition/priorWeight`` becomes the tuned value. For each tuned context factor
  /// `m` (``PolicyParameter/contextPriorWeightMultiplier(belief:context:)``) the context's
  /// ``ContextPrior/priorWeight`` becomes `m * W_c`, where `W_c` is the `W` the context has in
  /// `catalogue` (its own, its nearest parent's, else the belief's tuned or own `W`, else
  /// ``after``'s): the factor is applied to the catalogue's current (for example freshly
  /// fitted) `W`. Base rates, parents, other contexts and the sources are kept. Tuned numbers
  /// about beliefs the catalogue does not list are ignored (see ``tunedDefinitions``).
  ///
  /// ```swift
  /// let tuning = try tuner.tune(users, from: catalogue.policy)
  /// let next = try tuning.applied(to: catalogue, version: catalogue.version + 1)
  /// try await store.publish(next)
  /// ```
  ///
  /// - Parameters:
  ///   - catalogue: The catalogue to start from.
  ///   - version: The new catalogue's version.
  /// - Returns: The new catalogue.
  /// - Throws: ``ModelError/unknownContext(belief:context:)`` when a tuned context is not
  ///   listed by the catalogue's belief, and the errors of ``Catalogue`` and
  ///   ``BeliefDefinition`` validation.
  public func applied(to catalogue: Catalogue, version: Int) throws(ModelError) -> Catalogue {
    let keys = Self.tunedKeys(parameters)
    var beliefs: [BeliefDefinition] = []
    for definition in catalogue.beliefs {
      beliefs.append(
        keys.contains(definition.key)
          ? try Self.tuning(definition, by: parameters, policyWeight: after.priorWeight)
          : definition)
    }
    return try Catalogue(
      version: version, beliefs: beliefs, sources: catalogue.sources, policy: after,
      retiredBeliefs: catalogue.retiredBeliefs, retiredSources: catalogue.retiredSources)
  }

  /// The definitions among `definitions` that `parameters` tune, with the tuned numbers
  /// written in, in key order.
  static func tuned(
    _ definitions: [BeliefDefinition], by parameters: [TunedParameter], policyWeight: Double
  ) throws(ModelError) -> [BeliefDefinition] {
    let keys = tunedKeys(parameters)
    var result: [BeliefDefinition] = []
    for definition in definitions.sorted(by: { $0.key < $1.key })
    where keys.contains(definition.key) {
      result.append(try tuning(definition, by: parameters, policyWeight: policyWeight))
    }
    return result
  }

  /// The beliefs whose own `W` or context factors `parameters` tune.
  private static func tunedKeys(_ parameters: [TunedParameter]) -> Set<BeliefKey> {
    var keys = Set<BeliefKey>()
    for change in parameters {
      switch change.parameter {
      case .beliefPriorWeight(let key), .contextPriorWeightMultiplier(let key, _):
        keys.insert(key)
      default: continue
      }
    }
    return keys
  }

  /// `definition` with its tuned `W` and context factors written in.
  private static func tuning(
    _ definition: BeliefDefinition, by parameters: [TunedParameter], policyWeight: Double
  ) throws(ModelError) -> BeliefDefinition {
    var beliefWeight = definition.priorWeight
    for change in parameters {
      if case .beliefPriorWeight(definition.key) = change.parameter { beliefWeight = change.after }
    }
    var contexts = definition.contexts
    for change in parameters {
      guard case .contextPriorWeightMultiplier(definition.key, let context) = change.parameter,
        let factor = change.after
      else { continue }
      guard let entry = definition.contexts[context] else {
        throw .unknownContext(belief: definition.key, context: context)
      }
      let resolved = try definition.prior(in: context).priorWeight
      let current =
        (definition.contextSetsWeight(context) ? resolved : beliefWeight) ?? policyWeight
      contexts[context] = ContextPrior(
        baseRates: entry.baseRates, priorWeight: factor * current, parent: entry.parent)
    }
    return try definition.replacingPriors(
      baseRates: definition.baseRates, priorWeight: beliefWeight, contexts: contexts)
  }
}

extension BeliefDefinition {
  /// Whether `context` or one of its parents sets `W` (rather than inheriting the belief's).
  func contextSetsWeight(_ context: ContextID) -> Bool {
    var current: ContextID? = context
    for _ in 0...Self.maximumContextDepth {
      guard let id = current, let entry = contexts[id] else { return false }
      if entry.priorWeight != nil { return true }
      current = entry.parent
    }
    return false
  }
}
