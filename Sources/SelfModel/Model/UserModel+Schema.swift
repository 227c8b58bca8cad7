/// Which definitions and sources are in force for a model: a pure function of its catalogue,
/// the entries it declared itself and nothing else, so every path to the same catalogue,
/// own entries and ledger gives the same model.
///
/// - A catalogue belief is in force unless the user declared a belief with the same key and
///   other outcomes (the user's then hides it for this user).
/// - A belief the user declared is in force unless the catalogue lists its key with the same
///   outcomes (the catalogue's definition is then used; the user's is kept, dormant, and is in
///   force again if the catalogue retires the key).
/// - A source the user registered is in force unless the catalogue lists its id.
extension UserModel {
  /// The number of belief indices: the catalogue's listed beliefs, then one per own belief
  /// (dormant ones included, never used).
  var beliefIndexCount: Int { catalogue.storage.beliefs.count + ownDefinitions.count }

  /// The indices of the beliefs in force, in the order of ``beliefs``.
  var beliefIndices: [Int] {
    let listed = catalogue.storage.beliefs
    var indices: [Int] = []
    indices.reserveCapacity(beliefIndexCount)
    for index in listed.indices where !isHidden(catalogueBelief: index) { indices.append(index) }
    indices.append(contentsOf: ownBeliefIndex.values.sorted())
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

  /// The index of the source in force with `id`: the catalogue's, then the model's own.
  func sourceIndex(of id: SourceID) -> Int? {
    let listed = catalogue.storage.sourceIndex
    if !listed.isEmpty, let index = listed[id] { return index }
    return ownSourceIndex.isEmpty ? nil : ownSourceIndex[id]
  }

  /// The source at a source index.
  func source(at index: Int) -> Source {
    let listed = catalogue.storage.sources
    return index < listed.count ? listed[index] : ownSources[index - listed.count]
  }

  /// The position of the own belief with `key` in ``ownDefinitions``, in force or dormant.
  func ownPosition(of key: BeliefKey) -> Int? {
    ownDefinitions.firstIndex { $0.key == key }
  }

  /// The number of outcomes of the belief at `index`, without copying its definition.
  func outcomeCount(at index: Int) -> Int {
    let listed = catalogue.storage.beliefs
    return index < listed.count
      ? listed[index].outcomes.count : ownDefinitions[index - listed.count].outcomes.count
  }

  /// The position of `outcome` in the outcomes of the belief at `index`, without copying its
  /// definition (the hot path of recording).
  func outcomeIndex(of outcome: String, at index: Int) -> Int? {
    let listed = catalogue.storage.beliefs
    return index < listed.count
      ? listed[index].index(of: outcome) : ownDefinitions[index - listed.count].index(of: outcome)
  }

  /// Recomputes which own entries are in force and every source's reliability under
  /// ``policy``.
  mutating func reindexOwnEntries() {
    ownBeliefIndex = [:]
    for position in ownDefinitions.indices { indexOwnBelief(at: position) }
    reindexOwnSources()
  }

  /// Puts the own belief at `position` in force unless the catalogue lists its key with the
  /// same outcomes and kind (counted or dynamic: the evidence of one may not fit the other).
  mutating func indexOwnBelief(at position: Int) {
    let definition = ownDefinitions[position]
    if let listed = catalogue.definition(for: definition.key),
      listed.outcomes == definition.outcomes,
      listed.kind.isDynamic == definition.kind.isDynamic
    {
      return
    }
    ownBeliefIndex[definition.key] = catalogue.storage.beliefs.count + position
  }

  /// Recomputes which own sources are in force and every source's reliability under
  /// ``policy``. The reliability table is the catalogue's own (shared) when the model follows
  /// the catalogue's policy and registered no source itself.
  mutating func reindexOwnSources() {
    let listedSources = catalogue.storage.sources.count
    ownSourceIndex = [:]
    for (position, source) in ownSources.enumerated() where catalogue.source(source.id) == nil {
      ownSourceIndex[source.id] = listedSources + position
    }
    if policyOverride == nil && ownSources.isEmpty {
      reliabilities = catalogue.storage.reliabilities
    } else {
      reliabilities = (catalogue.sources + ownSources).map { policy.reliability(of: $0) }
    }
  }

  /// Declares a new belief of this user's own.
  ///
  /// Evidence the ledger already holds about `definition.key` (kept, hidden, because the
  /// catalogue retired that key) counts again at once.
  ///
  /// - Parameter definition: The belief's definition.
  /// - Throws: ``ModelError/duplicateBelief(_:)`` if a belief with that key is in force (the
  ///   catalogue's included) or was declared before, or
  ///   ``ModelError/incompatibleCatalogue(reason:)`` if the catalogue retired that key with
  ///   other outcomes (evidence about it may exist).
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
    try replayDeclare(definition)
  }

  /// Changes one of this user's own beliefs: its statement, base rates or (while no evidence
  /// refers to the belief) outcomes.
  ///
  /// - Parameter definition: The new definition; its key must be one the model declared.
  /// - Throws: ``ModelError/unknownBelief(_:)``, ``ModelError/definedByCatalogue(_:)`` for a
  ///   catalogue belief the user did not declare, or
  ///   ``ModelError/incompatibleRedeclaration(belief:reason:)`` when the outcomes change while
  ///   evidence exists.
  public mutating func redeclare(_ definition: BeliefDefinition) throws(ModelError) {
    guard ownPosition(of: definition.key) != nil else {
      if catalogue.definition(for: definition.key) != nil {
        throw .definedByCatalogue("belief \(definition.key)")
      }
      throw .unknownBelief(definition.key)
    }
    try replayRedeclare(definition)
  }

  /// Registers a source of this user's own, or replaces an own source with the same id.
  ///
  /// The beliefs with evidence from the source are refolded: its kind sets the half-life, and
  /// evidence kept hidden because the catalogue retired that id counts again.
  ///
  /// - Parameter source: The source.
  /// - Throws: ``ModelError/definedByCatalogue(_:)`` if the catalogue lists a source with
  ///   that id.
  public mutating func register(_ source: Source) throws(ModelError) {
    guard catalogue.source(source.id) == nil else {
      throw .definedByCatalogue("source \(source.id)")
    }
    replayRegister(source)
  }

  /// Moves the model to a newer catalogue version and refolds its ledger under it.
  ///
  /// Adopting the successor of the model's catalogue (see ``Catalogue/successor(of:)``)
  /// equals having built the model on it from the start.
  ///
  /// - Parameter catalogue: The catalogue to move to, of the model's version or newer.
  /// - Throws: ``ModelError/incompatibleCatalogue(reason:)`` for an older catalogue, or
  ///   ``ModelError`` if the ledger does not fit it (for example, evidence about a belief the
  ///   catalogue does not know); the model is unchanged.
  public mutating func adopt(_ catalogue: Catalogue) throws(ModelError) {
    guard catalogue.version >= self.catalogue.version else {
      throw .incompatibleCatalogue(
        reason:
          "version \(catalogue.version) is older than version \(self.catalogue.version), "
          + "which the model is on")
    }
    self = try UserModel(
      user: user, catalogue: catalogue, policy: policyOverride, beliefs: ownDefinitions,
      sources: ownSources, evidence: ledger.items)
  }

  /// Rebuilds the tallies of every belief that has evidence matching `predicate`, replaying
  /// that belief's ledger items in order.
  mutating func refold(where predicate: (Evidence) -> Bool) {
    var affected = Set<Int>()
    for item in ledger where predicate(item) {
      if let index = beliefIndex(of: item.belief) { affected.insert(index) }
    }
    guard !affected.isEmpty else { return }
    for index in affected { (tallies[index], dynamicStates[index]) = (nil, nil) }
    for item in ledger {
      guard let index = beliefIndex(of: item.belief), affected.contains(index),
        let resolved = try? resolve(item, now: nil)
      else { continue }
      apply(resolved)
    }
  }
}
