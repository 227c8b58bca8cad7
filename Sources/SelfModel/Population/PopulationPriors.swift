/// Population priors fitted by ``PopulationPriorFit/fit()``: a ``FittedBelief`` per belief
/// that had evidence, and the beliefs that had none.
///
/// Publish them with ``catalogue(replacing:version:)``; models built on the new catalogue
/// start from them (see `Docs/Population.md`).
///
/// ```swift
/// let priors = try fit.fit()
/// let next = try priors.catalogue(replacing: current, version: current.version + 1)
/// ```
public struct PopulationPriors: Sendable, Hashable, Codable {
  /// The version of the catalogue the fit read.
  public let catalogueVersion: Int
  /// The users counted.
  public let users: Int
  /// Evidence items that counted as no trial (soft evidence or a fractional weight).
  public let skippedEvidence: Int
  /// The fitted beliefs, in the catalogue's order.
  public let beliefs: [FittedBelief]
  /// The catalogue's beliefs that no user had a trial of: publishing keeps their priors.
  public let unobservedBeliefs: [BeliefKey]

  /// Creates population priors.
  ///
  /// - Parameters:
  ///   - catalogueVersion: The catalogue version fitted.
  ///   - users: The users counted.
  ///   - skippedEvidence: The items skipped.
  ///   - beliefs: The fitted beliefs.
  ///   - unobservedBeliefs: The beliefs without a trial.
  public init(
    catalogueVersion: Int, users: Int, skippedEvidence: Int, beliefs: [FittedBelief],
    unobservedBeliefs: [BeliefKey]
  ) {
    self.catalogueVersion = catalogueVersion
    self.users = users
    self.skippedEvidence = skippedEvidence
    self.beliefs = beliefs
    self.unobservedBeliefs = unobservedBeliefs
  }

  /// The fitted priors of one belief, or `nil` if it was not fitted.
  ///
  /// - Parameter key: The belief.
  /// - Returns: Its fitted priors.
  public func belief(_ key: BeliefKey) -> FittedBelief? {
    beliefs.first { $0.key == key }
  }

  /// A new catalogue version with these priors: each fitted belief gets its fitted base rates
  /// and `W` (``BeliefDefinition/replacingPriors(baseRates:priorWeight:contexts:)``), and each
  /// fitted context its shrunk base rates and `W` (or `nil`, inheriting it), keeping the
  /// parent the context declares or, for a new context, the parent it was shrunk toward.
  /// Contexts the catalogue lists but the fit did not see, unobserved beliefs, sources,
  /// policy and retired entries are kept as they are.
  ///
  /// - Parameters:
  ///   - current: The catalogue in force (normally the one fitted).
  ///   - version: The new version, newer than `current`'s.
  /// - Returns: The successor of `current` (``Catalogue/successor(of:)``), ready to publish.
  /// - Throws: ``ModelError/incompatibleCatalogue(reason:)`` for a version that is not newer;
  ///   ``ModelError`` when a fitted value does not validate in a definition.
  public func catalogue(replacing current: Catalogue, version: Int) throws(ModelError)
    -> Catalogue
  {
    var definitions: [BeliefDefinition] = []
    for definition in current.beliefs {
      guard let fitted = belief(definition.key),
        fitted.prior.baseRates.count == definition.outcomes.count
      else {
        definitions.append(definition)
        continue
      }
      var contexts = definition.contexts
      for (context, prior) in fitted.contexts {
        contexts[context] = ContextPrior(
          baseRates: prior.baseRates, priorWeight: prior.priorWeight,
          parent: definition.contexts[context]?.parent ?? prior.parent)
      }
      definitions.append(
        try definition.replacingPriors(
          baseRates: fitted.prior.baseRates, priorWeight: fitted.prior.priorWeight,
          contexts: contexts))
    }
    let next = try Catalogue(
      version: version, beliefs: definitions, sources: current.sources, policy: current.policy,
      retiredBeliefs: current.retiredBeliefs, retiredSources: current.retiredSources)
    return try next.successor(of: current)
  }
}
