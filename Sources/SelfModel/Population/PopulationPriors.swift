/// Population priors fitted by ``PopulationPriorFit/fit()``: a ``FittedBelief`` per belief
/// that had evidence, and the beliefs that had none.
///
/// Publish them with ``catalogue(replacing:version:priorWeights:)``; models built on the new
/// catalogue start from them (see `Docs/Population.md`).
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
  /// (``BeliefDefinition/replacingPriors(baseRates:priorWeight:contexts:)``), and each fitted
  /// context its shrunk base rates, keeping the parent the context declares or, for a new
  /// context, the parent it was shrunk toward. Contexts the catalogue lists but the fit did
  /// not see, unobserved beliefs, sources, policy and retired entries are kept as they are.
  ///
  /// **Prior weights.** With `priorWeights` ``PublishedPriorWeights/fitted`` (the default) the
  /// belief and each fitted context get the fitted `W` (a context's may be `nil`, inheriting);
  /// with ``PublishedPriorWeights/keepCurrent`` they keep the `W` they have in `current` (a
  /// context `current` does not list gets `nil`), so weights tuned by a ``PolicyTuner``
  /// survive a refit of the base rates.
  ///
  /// **Which catalogue may be replaced.** `current` must be the catalogue fitted
  /// (``catalogueVersion``) or a newer one: a nightly job may publish on top of a catalogue
  /// that changed since the fit read it. Beliefs are matched by key, and a key keeps its
  /// outcomes from version to version (``Catalogue/successor(of:)`` refuses a change), so the
  /// fitted rates still fit; a belief whose number of outcomes differs is kept as it is, and a
  /// fitted context the newer catalogue no longer lists is added again. An *older* catalogue
  /// than the one fitted is refused: the fitted contexts and their parents may not exist in it.
  ///
  /// ```swift
  /// let next = try priors.catalogue(
  ///   replacing: current, version: current.version + 1, priorWeights: .keepCurrent)
  /// ```
  ///
  /// - Parameters:
  ///   - current: The catalogue in force: the one fitted, or a newer version.
  ///   - version: The new version, newer than `current`'s.
  ///   - priorWeights: Whether to publish the fitted `W` or keep `current`'s (default: fitted).
  /// - Returns: The successor of `current` (``Catalogue/successor(of:)``), ready to publish.
  /// - Throws: ``ModelError/incompatibleCatalogue(reason:)`` when `current` is older than
  ///   ``catalogueVersion`` (the reason names both versions) or `version` is not newer than
  ///   `current`'s; ``ModelError`` when a fitted value does not validate in a definition.
  public func catalogue(
    replacing current: Catalogue, version: Int,
    priorWeights: PublishedPriorWeights = .fitted
  ) throws(ModelError) -> Catalogue {
    guard current.version >= catalogueVersion else {
      throw .incompatibleCatalogue(
        reason:
          "the priors were fitted on catalogue version \(catalogueVersion) and cannot replace "
          + "the older version \(current.version); publish them on version "
          + "\(catalogueVersion) or newer")
    }
    var definitions: [BeliefDefinition] = []
    for definition in current.beliefs {
      guard let fitted = belief(definition.key),
        fitted.prior.baseRates.count == definition.outcomes.count
      else {
        definitions.append(definition)
        continue
      }
      definitions.append(try publishing(fitted, into: definition, priorWeights: priorWeights))
    }
    let next = try Catalogue(
      version: version, beliefs: definitions, sources: current.sources, policy: current.policy,
      retiredBeliefs: current.retiredBeliefs, retiredSources: current.retiredSources)
    return try next.successor(of: current)
  }

  /// `definition` with `fitted`'s base rates, and its `W` as `priorWeights` says.
  private func publishing(
    _ fitted: FittedBelief, into definition: BeliefDefinition,
    priorWeights: PublishedPriorWeights
  ) throws(ModelError) -> BeliefDefinition {
    let keepsWeights = priorWeights == .keepCurrent
    var contexts = definition.contexts
    for (context, prior) in fitted.contexts {
      let declared = definition.contexts[context]
      contexts[context] = ContextPrior(
        baseRates: prior.baseRates,
        priorWeight: keepsWeights ? declared?.priorWeight : prior.priorWeight,
        parent: declared?.parent ?? prior.parent)
    }
    return try definition.replacingPriors(
      baseRates: fitted.prior.baseRates,
      priorWeight: keepsWeights ? definition.priorWeight : fitted.prior.priorWeight,
      contexts: contexts)
  }
}
