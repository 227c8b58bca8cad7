extension BeliefDefinition {
  /// The most contexts one belief may list.
  public static let maximumContextCount = 10_000
  /// The longest chain of parents a context may have.
  public static let maximumContextDepth = 16

  /// Whether the definition sets its own ``priorWeight`` or lists ``contexts``: files that hold
  /// such a definition are written in a format that libraries predating them refuse, so those
  /// fields are never dropped silently.
  public var hasOwnPriors: Bool { priorWeight != nil || !contexts.isEmpty }

  /// The prior this belief's estimate starts from in `context`: the context's own base rates
  /// and `W` where it sets them, the nearest ancestor's where it does not, the belief's own
  /// after that (see ``ContextPrior``).
  ///
  /// - Parameter context: A context the belief lists, or `nil` for the belief's own prior.
  /// - Returns: The resolved prior.
  /// - Throws: ``ModelError/unknownContext(belief:context:)`` when the belief does not list
  ///   `context`.
  public func prior(in context: ContextID?) throws(ModelError) -> BeliefPrior {
    guard let context else {
      return BeliefPrior(baseRates: baseRates, priorWeight: priorWeight, context: nil)
    }
    guard var entry = contexts[context] else {
      throw .unknownContext(belief: key, context: context)
    }
    var rates = entry.baseRates
    var weight = entry.priorWeight
    // Validation guarantees every parent is listed and the chain is acyclic and short.
    while rates == nil || weight == nil, let parent = entry.parent, let next = contexts[parent] {
      entry = next
      rates = rates ?? next.baseRates
      weight = weight ?? next.priorWeight
    }
    return BeliefPrior(
      baseRates: rates ?? baseRates, priorWeight: weight ?? priorWeight, context: context)
  }

  /// A copy with other priors: new base rates, `W` and contexts, the rest unchanged. Fitted
  /// population priors are published this way.
  ///
  /// - Parameters:
  ///   - baseRates: The belief's base rates.
  ///   - priorWeight: The belief's `W`, or `nil` for the policy's.
  ///   - contexts: The contexts and their priors.
  /// - Returns: The new definition.
  /// - Throws: Like ``init(key:statement:outcomes:baseRates:tags:importance:priorWeight:contexts:)``,
  ///   and ``ModelError/unsupportedForDynamicBelief(belief:reason:)`` for a dynamic belief
  ///   (use ``replacingParameters(_:)``).
  public func replacingPriors(
    baseRates: [Double], priorWeight: Double?, contexts: [ContextID: ContextPrior]
  ) throws(ModelError) -> BeliefDefinition {
    guard !kind.isDynamic else {
      throw .unsupportedForDynamicBelief(
        belief: key, reason: "it has no counted prior; replace its parameters instead")
    }
    return try BeliefDefinition(
      key: key, statement: statement, outcomes: outcomes, baseRates: baseRates, tags: tags,
      importance: importance, priorWeight: priorWeight, contexts: contexts)
  }

  static func validate(
    priorWeight: Double?, contexts: [ContextID: ContextPrior], outcomeCount: Int,
    key: BeliefKey
  ) throws(ModelError) {
    if let priorWeight { try Check.priorWeight(priorWeight, field: "priorWeight of belief \(key)") }
    guard contexts.count <= maximumContextCount else {
      throw .invalidText(
        field: "contexts of belief \(key)",
        reason: "\(contexts.count) contexts; the maximum is \(maximumContextCount)")
    }
    for (context, prior) in contexts.sorted(by: { $0.key < $1.key }) {
      let field = "context \(context) of belief \(key)"
      if let rates = prior.baseRates {
        try validate(baseRates: rates, count: outcomeCount, field: "base rates of \(field)")
      }
      if let weight = prior.priorWeight {
        try Check.priorWeight(weight, field: "priorWeight of \(field)")
      }
      try validateAncestry(of: context, in: contexts, key: key)
    }
  }

  /// Every parent on the chain is listed, and the chain ends within
  /// ``maximumContextDepth`` steps (so it has no cycle).
  private static func validateAncestry(
    of context: ContextID, in contexts: [ContextID: ContextPrior], key: BeliefKey
  ) throws(ModelError) {
    var current = context
    for _ in 0...maximumContextDepth {
      guard let parent = contexts[current]?.parent else { return }
      guard contexts[parent] != nil else { throw .unknownContext(belief: key, context: parent) }
      current = parent
    }
    throw .invalidText(
      field: "parents of context \(context) of belief \(key)",
      reason: "the chain is longer than \(maximumContextDepth) or has a cycle")
  }
}
