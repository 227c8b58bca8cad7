extension UserModel {
  /// The number of belief indices: the catalogue's listed beliefs, then the model's own.
  var beliefIndexCount: Int { catalogue.storage.beliefs.count + ownDefinitions.count }

  /// The indices of the beliefs in force, in the order of ``beliefs``.
  var beliefIndices: [Int] {
    let listed = catalogue.storage.beliefs
    var indices: [Int] = []
    indices.reserveCapacity(beliefIndexCount)
    for index in listed.indices where !isHidden(catalogueBelief: index) { indices.append(index) }
    indices.append(contentsOf: listed.count..<beliefIndexCount)
    return indices
  }

  /// Whether this user's own belief with the same key hides catalogue belief `index`.
  func isHidden(catalogueBelief index: Int) -> Bool {
    !ownBeliefIndex.isEmpty && ownBeliefIndex[catalogue.storage.beliefs[index].key] != nil
  }

  /// The index of the belief in force with `key`: the user's own first, then the catalogue's.
  func beliefIndex(of key: BeliefKey) -> Int? {
    if !ownBeliefIndex.isEmpty, let index = ownBeliefIndex[key] { return index }
    return catalogue.storage.beliefIndex[key]
  }

  /// The definition at a belief index.
  func definition(at index: Int) -> BeliefDefinition {
    let listed = catalogue.storage.beliefs
    return index < listed.count ? listed[index] : ownDefinitions[index - listed.count]
  }

  /// The index of the source with `id`: the catalogue's, then the model's own.
  func sourceIndex(of id: SourceID) -> Int? {
    if let index = catalogue.storage.sourceIndex[id] { return index }
    return ownSourceIndex.isEmpty ? nil : ownSourceIndex[id]
  }

  /// The source at a source index.
  func source(at index: Int) -> Source {
    let listed = catalogue.storage.sources
    return index < listed.count ? listed[index] : ownSources[index - listed.count]
  }

  /// Recomputes every source's reliability under ``policy``, sharing the catalogue's table
  /// when the model follows the catalogue's policy and has no sources of its own.
  mutating func resetReliabilities() {
    if policyOverride == nil && ownSources.isEmpty {
      reliabilities = catalogue.storage.reliabilities
    } else {
      reliabilities = sources.map { policy.reliability(of: $0) }
    }
  }

  /// Declares a new belief of this user's own.
  ///
  /// - Parameter definition: The belief's definition.
  /// - Throws: ``ModelError/duplicateBelief(_:)`` if a belief with that key is in force (the
  ///   catalogue's included), or ``ModelError/incompatibleCatalogue(reason:)`` if the
  ///   catalogue retired that key with other outcomes.
  public mutating func declare(_ definition: BeliefDefinition) throws(ModelError) {
    guard beliefIndex(of: definition.key) == nil else { throw .duplicateBelief(definition.key) }
    if let retired = catalogue.retiredDefinition(for: definition.key),
      retired.outcomes != definition.outcomes
    {
      throw .incompatibleCatalogue(
        reason:
          "belief \(definition.key) was retired by the catalogue with outcomes "
          + "\(retired.outcomes); evidence about it may exist, so it cannot come back with others")
    }
    appendOwn(definition)
    refold(where: { $0.belief == definition.key })
  }

  /// Changes one of this user's own beliefs: its statement, base rates or (while no evidence
  /// refers to the belief) outcomes.
  ///
  /// - Parameter definition: The new definition; its key must be declared by the model.
  /// - Throws: ``ModelError/unknownBelief(_:)``, ``ModelError/definedByCatalogue(_:)`` for a
  ///   catalogue belief, or ``ModelError/incompatibleRedeclaration(belief:reason:)`` when the
  ///   outcomes change while evidence exists.
  public mutating func redeclare(_ definition: BeliefDefinition) throws(ModelError) {
    guard let index = ownBeliefIndex[definition.key] else {
      if catalogue.definition(for: definition.key) != nil {
        throw .definedByCatalogue("belief \(definition.key)")
      }
      throw .unknownBelief(definition.key)
    }
    let own = index - catalogue.storage.beliefs.count
    if ownDefinitions[own].outcomes != definition.outcomes {
      guard !ledger.contains(where: { $0.belief == definition.key }) else {
        throw .incompatibleRedeclaration(
          belief: definition.key, reason: "evidence refers to its outcomes; forget it first")
      }
      tallies[index] = nil
    }
    ownDefinitions[own] = definition
  }

  /// Registers a source of this user's own, or replaces an own source with the same id.
  ///
  /// Replacing a source's kind can change the half-life of its evidence, so the affected
  /// beliefs are refolded from the ledger.
  ///
  /// - Parameter source: The source.
  /// - Throws: ``ModelError/definedByCatalogue(_:)`` if the catalogue lists a source with
  ///   that id.
  public mutating func register(_ source: Source) throws(ModelError) {
    guard catalogue.source(source.id) == nil else {
      throw .definedByCatalogue("source \(source.id)")
    }
    merge(source)
  }

  /// Moves the model to another catalogue version and refolds its ledger under it.
  ///
  /// Adopting the successor of the model's catalogue (see ``Catalogue/successor(of:)``)
  /// equals having built the model on it from the start. Own entries the new catalogue
  /// lists are merged into it, as in ``init(user:catalogue:policy:beliefs:sources:evidence:)``.
  ///
  /// - Parameter catalogue: The catalogue to move to.
  /// - Throws: ``ModelError`` if the ledger does not fit it (for example, evidence about a
  ///   belief the catalogue does not know); the model is unchanged.
  public mutating func adopt(_ catalogue: Catalogue) throws(ModelError) {
    self = try UserModel(
      user: user, catalogue: catalogue, policy: policyOverride, beliefs: ownDefinitions,
      sources: ownSources, evidence: ledger)
  }

  /// Adds an own belief unless the catalogue lists the key with the same outcomes, in which
  /// case the catalogue's definition takes over for good.
  mutating func merge(_ definition: BeliefDefinition) throws(ModelError) {
    if let listed = catalogue.definition(for: definition.key),
      listed.outcomes == definition.outcomes
    {
      return
    }
    if let retired = catalogue.retiredDefinition(for: definition.key),
      retired.outcomes != definition.outcomes
    {
      throw .incompatibleCatalogue(
        reason:
          "the user's belief \(definition.key) has outcomes \(definition.outcomes) but the "
          + "catalogue retired it with \(retired.outcomes)")
    }
    guard ownBeliefIndex[definition.key] == nil else { throw .duplicateBelief(definition.key) }
    appendOwn(definition)
  }

  /// Adds or replaces an own source unless the catalogue lists its id, in which case the
  /// catalogue's source takes over for good.
  mutating func merge(_ source: Source) {
    guard catalogue.source(source.id) == nil else { return }
    if let index = ownSourceIndex[source.id] {
      let own = index - catalogue.storage.sources.count
      let kindChanged = ownSources[own].kind != source.kind
      ownSources[own] = source
      resetReliabilities()
      if kindChanged { refold(where: { $0.source == source.id }) }
      return
    }
    ownSourceIndex[source.id] = catalogue.storage.sources.count + ownSources.count
    ownSources.append(source)
    resetReliabilities()
  }

  private mutating func appendOwn(_ definition: BeliefDefinition) {
    ownBeliefIndex[definition.key] = beliefIndexCount
    ownDefinitions.append(definition)
  }

  /// Rebuilds the tallies of every belief that has evidence matching `predicate`, replaying
  /// that belief's ledger items in order.
  mutating func refold(where predicate: (Evidence) -> Bool) {
    var affected = Set<Int>()
    for item in ledger where predicate(item) {
      if let index = beliefIndex(of: item.belief) { affected.insert(index) }
    }
    guard !affected.isEmpty else { return }
    for index in affected { tallies[index] = nil }
    for item in ledger {
      guard let index = beliefIndex(of: item.belief), affected.contains(index),
        let resolved = try? resolve(item, now: nil)
      else { continue }
      apply(resolved)
    }
  }
}

extension UserModel {
  /// Declares an own belief from a store's journal: as ``declare(_:)``, but a key the
  /// catalogue has come to list with the same outcomes since is merged into it.
  ///
  /// - Parameter definition: The definition.
  /// - Throws: ``ModelError`` as ``declare(_:)`` for a key the model itself already declared.
  package mutating func replayDeclare(_ definition: BeliefDefinition) throws(ModelError) {
    try merge(definition)
    refold(where: { $0.belief == definition.key })
  }

  /// Redeclares an own belief from a store's journal: as ``redeclare(_:)``, but a belief the
  /// catalogue has taken over since is left to the catalogue.
  ///
  /// - Parameter definition: The definition.
  /// - Throws: ``ModelError`` as ``redeclare(_:)``.
  package mutating func replayRedeclare(_ definition: BeliefDefinition) throws(ModelError) {
    if ownBeliefIndex[definition.key] == nil,
      catalogue.definition(for: definition.key)?.outcomes == definition.outcomes
    {
      return
    }
    try redeclare(definition)
  }
}

extension UserModel {
  /// Registers an own source from a store's journal: as ``register(_:)``, but an id the
  /// catalogue has come to list since is left to the catalogue.
  ///
  /// - Parameter source: The source.
  package mutating func replayRegister(_ source: Source) {
    merge(source)
  }
}
