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
    try checkKindChange(from: ownDefinitions[position], to: definition)
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
      if let index = beliefIndex(of: item.belief) {
        (tallies[index], dynamicStates[index]) = (nil, nil)
      }
    }
    reindexOwnEntries()
    refold(where: predicate)
  }
}

extension UserModel {
  /// Appends one item read from a store's journal, as ``append(_:at:)`` does but without
  /// checking again what depended on the moment it was written (B4c).
  ///
  /// The journal holds only items that passed ``append(_:at:)``'s checks, so the one check that
  /// read the clock is not made again: an item's time against the policy's future tolerance
  /// from the record's `now` (a later, stricter policy does not turn an accepted record into a
  /// corrupt file). The item's own values are checked again (weight positive and at most
  /// `Check.maximumWeight`, times finite and in range, note and metadata within their limits):
  /// a CRC-32C catches damage, not a file written by someone else, and a NaN weight that came
  /// in through a crafted journal would poison every estimate of the belief. Those checks are
  /// comparisons, a few instructions per record.
  ///
  /// What stays besides, because it can differ between the write and the read, or because
  /// damage that each record's checksum does not see (a snapshot and journal that do not belong
  /// together, a record written twice) would otherwise go unnoticed:
  /// - the belief and source lookups: the catalogue may have retired or changed the entry
  ///   since (the caller keeps such evidence, hidden); an unknown one is a typed error;
  /// - the content against the definition's outcomes (outcome name, distribution, virtual
  ///   evidence): the definition in force now may have other outcomes than when it was written;
  /// - the ledger's id check: a duplicate counts once, an id reused for other content is
  ///   ``ModelError/evidenceIDReused(_:)``, as in ``append(_:at:)``.
  /// The store still checks each record's bytes (length, CRC-32C, sequence), decodes them with
  /// typed errors for malformed fields, and identifiers keep their rules (checked on the bytes:
  /// the check is also what makes the byte-to-string conversion lossless, and a model holding an
  /// invalid identifier would write a snapshot that fails to load).
  ///
  /// - Parameter item: The item.
  /// - Throws: ``ModelError`` as ``append(_:at:)``, for the checks that stay.
  mutating func appendFromJournal(_ item: Evidence) throws(ModelError) {
    ledger.prefetch(item.id)
    let resolved: ResolvedEvidence
    do throws(ModelError) {
      try checkOwnValues(item, now: nil)
      guard let belief = beliefIndex(of: item.belief) else { throw .unknownBelief(item.belief) }
      guard let source = sourceIndex(of: item.source) else { throw .unknownSource(item.source) }
      resolved = try resolveContent(item, belief, source)
    } catch {
      try acceptRepeat(of: item, afterFailing: error)  // as in `append(_:at:)`
      return
    }
    if let earlier = ledger.insert(item) {
      guard ledger[earlier] == item else { throw .evidenceIDReused(item.id) }
      return
    }
    apply(resolved)
  }
}
