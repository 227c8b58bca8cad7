extension UserModel {
  /// Declares an own belief as a store's journal replays it: as ``declare(_:)`` but without
  /// the checks against the catalogue, which may have changed since (a key the catalogue has
  /// come to list stays declared, dormant).
  ///
  /// - Parameter definition: The definition.
  /// - Throws: ``ModelError/duplicateBelief(_:)`` for a key the model itself declared before.
  package mutating func replayDeclare(_ definition: BeliefDefinition) throws(ModelError) {
    guard ownPosition(of: definition.key) == nil else { throw .duplicateBelief(definition.key) }
    let hidesListed = beliefIndex(of: definition.key) != nil
    ownDefinitions.append(definition)
    if hidesListed {
      reindexAndRefold(where: { $0.belief == definition.key })
    } else {
      // The common case: a new key. Index it alone and fold any evidence kept hidden for it.
      indexOwnBelief(at: ownDefinitions.count - 1)
      refold(where: { $0.belief == definition.key })
    }
  }

  /// Redeclares an own belief as a store's journal replays it: as ``redeclare(_:)``, also for
  /// a belief that is dormant because the catalogue lists it.
  ///
  /// - Parameter definition: The definition.
  /// - Throws: ``ModelError/unknownBelief(_:)`` for a key the model did not declare, or
  ///   ``ModelError/incompatibleRedeclaration(belief:reason:)``.
  package mutating func replayRedeclare(_ definition: BeliefDefinition) throws(ModelError) {
    guard let position = ownPosition(of: definition.key) else {
      throw .unknownBelief(definition.key)
    }
    if ownDefinitions[position].outcomes != definition.outcomes,
      ledger.contains(where: { $0.belief == definition.key })
    {
      throw .incompatibleRedeclaration(
        belief: definition.key, reason: "evidence refers to its outcomes; forget it first")
    }
    ownDefinitions[position] = definition
    reindexAndRefold(where: { $0.belief == definition.key })
  }

  /// Registers an own source as a store's journal replays it: as ``register(_:)`` but also
  /// for an id the catalogue has come to list since (kept, dormant).
  ///
  /// - Parameter source: The source.
  package mutating func replayRegister(_ source: Source) {
    if let position = ownSources.firstIndex(where: { $0.id == source.id }) {
      ownSources[position] = source
    } else {
      ownSources.append(source)
    }
    reindexAndRefold(where: { $0.source == source.id })
  }

  /// Recomputes which own entries are in force, then refolds the beliefs with evidence
  /// matching `predicate`, under the old indices (their tallies dropped) and the new ones.
  mutating func reindexAndRefold(where predicate: (Evidence) -> Bool) {
    for item in ledger where predicate(item) {
      if let index = beliefIndex(of: item.belief) { tallies[index] = nil }
    }
    reindexOwnEntries()
    refold(where: predicate)
  }
}
