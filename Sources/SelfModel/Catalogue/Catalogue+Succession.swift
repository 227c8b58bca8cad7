extension Catalogue {
  /// What changed from `older` to this catalogue.
  ///
  /// - Parameter older: The catalogue compared from.
  /// - Returns: The entries added, changed and removed.
  public func changes(from older: Catalogue) -> CatalogueDiff {
    CatalogueDiff(from: older, to: self)
  }

  /// This catalogue as the successor of `current`: checked for compatibility, with every entry
  /// that `current` listed or retired and this one does not list carried into the retired
  /// lists.
  ///
  /// A change is compatible when no evidence a user may have recorded under `current` becomes
  /// invalid. Statements, base rates, tags, importance, source kinds and reliabilities and the
  /// default policy may change freely (models are refolded when they next load). What is
  /// refused:
  /// - a belief whose outcomes differ from those it has, or had when it was retired: evidence
  ///   names outcomes, so changing them would invalidate it (declare a new key instead);
  /// - a belief whose kind changes between counted and dynamic (``BeliefKind``): a dynamic
  ///   belief refuses weighted, soft and virtual evidence a counted one holds (a dynamic
  ///   belief's parameters may change freely);
  /// - a version that is not newer than `current`'s.
  ///
  /// Removing a belief or source is compatible: it is retired and its evidence hidden, not
  /// deleted (see ``Catalogue``).
  ///
  /// - Parameter current: The catalogue in force.
  /// - Returns: The catalogue to put in force: this one, with the retired lists merged.
  /// - Throws: ``ModelError/incompatibleCatalogue(reason:)`` naming the first problem.
  public func successor(of current: Catalogue) throws(ModelError) -> Catalogue {
    guard version > current.version else {
      throw .incompatibleCatalogue(
        reason: "version \(version) is not newer than the current version \(current.version)")
    }
    for definition in beliefs + retiredBeliefs {
      guard
        let earlier = current.definition(for: definition.key)
          ?? current.retiredDefinition(for: definition.key)
      else { continue }
      guard earlier.outcomes == definition.outcomes else {
        throw .incompatibleCatalogue(
          reason:
            "belief \(definition.key) would change its outcomes from \(earlier.outcomes) to "
            + "\(definition.outcomes); evidence names outcomes, so declare a new key instead")
      }
      guard earlier.kind.isDynamic == definition.kind.isDynamic else {
        throw .incompatibleCatalogue(
          reason:
            "belief \(definition.key) would change its kind between counted and dynamic; "
            + "evidence recorded under one kind may not fit the other, so declare a new key")
      }
    }
    var retiredBeliefs = self.retiredBeliefs
    var retiredKeys = Set(retiredBeliefs.map(\.key))
    for definition in current.retiredBeliefs + current.beliefs
    where self.definition(for: definition.key) == nil && !retiredKeys.contains(definition.key) {
      retiredBeliefs.append(definition)
      retiredKeys.insert(definition.key)
    }
    var retiredSources = self.retiredSources
    var retiredIDs = Set(retiredSources.map(\.id))
    for source in current.retiredSources + current.sources
    where self.source(source.id) == nil && !retiredIDs.contains(source.id) {
      retiredSources.append(source)
      retiredIDs.insert(source.id)
    }
    return try Catalogue(
      version: version, beliefs: beliefs, sources: sources, policy: policy,
      retiredBeliefs: retiredBeliefs, retiredSources: retiredSources)
  }
}
