public import Foundation

extension UserModel {
  /// An evidence item checked against the model and reduced to table indices.
  struct ResolvedEvidence {
    var belief: Int
    var source: Int
    var outcome: Int?
    var masses: [Double]
    /// Set for likelihood-ratio and Jeffrey evidence, which is not counted.
    var virtual: VirtualEvidence.Kind?
    var weight: Double
    var observedAt: Double
    var outcomeCount: Int
    /// Set for an item about a dynamic belief: its id, which orders the filter's answers.
    var dynamicID: EvidenceID? = nil
  }

  /// Records one piece of evidence and revises its belief.
  ///
  /// Recording an id that the ledger already holds with the same content changes nothing and is
  /// reported in ``ObservationResult/duplicates``.
  ///
  /// - Parameters:
  ///   - evidence: The evidence.
  ///   - now: The current time: evidence times may not lie more than the policy's
  ///     ``RevisionPolicy/futureTolerance`` after it, and the returned change is evaluated at it.
  /// - Returns: What was recorded and how the belief moved.
  /// - Throws: ``ModelError`` naming what was wrong (unknown belief, outcome or source, bad
  ///   weight or distribution, a time from the future, an id reused for other content); the
  ///   model is unchanged.
  @discardableResult
  public mutating func record(_ evidence: Evidence, at now: Date) throws(ModelError)
    -> ObservationResult
  {
    // The batch of one, without the batch's bookkeeping (B1b), with the batch's result (see
    // `resolveUnlessRepeated`). The id is looked up after the item is checked, so that its
    // index slot loads meanwhile.
    ledger.prefetch(evidence.id)
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    let duplicate = { ObservationResult(recorded: [], duplicates: [evidence.id], changes: []) }
    guard let resolved = try resolveUnlessRepeated(evidence, now: now) else { return duplicate() }
    if let earlier = ledger.item(withID: evidence.id) {
      guard earlier == evidence else { throw .evidenceIDReused(evidence.id) }
      return duplicate()
    }
    let before = estimate(atIndex: resolved.belief, time: now)
    append(evidence, resolved)
    let after = estimate(atIndex: resolved.belief, time: now)
    return ObservationResult(
      recorded: [evidence.id], duplicates: [], changes: [BeliefChange(before: before, after: after)]
    )
  }

  /// Records a batch of evidence atomically: either every item is valid and recorded (or
  /// recognised as a duplicate), or the call throws and the model is unchanged.
  ///
  /// - Parameters:
  ///   - batch: The evidence, in the order to record it.
  ///   - now: The current time (see ``record(_:at:)-(Evidence,_)``).
  /// - Returns: What was recorded, the duplicates, and one change per affected belief (before
  ///   the batch and after it, both at `now`).
  /// - Throws: The ``ModelError`` for the first invalid item; the model is unchanged.
  @discardableResult
  public mutating func record(_ batch: [Evidence], at now: Date) throws(ModelError)
    -> ObservationResult
  {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    var accepted: [(Evidence, ResolvedEvidence)] = []
    var duplicates: [EvidenceID] = []
    var batchIDs: [EvidenceID: Int] = [:]
    for item in batch {
      if let earlier = ledger.item(withID: item.id)
        ?? batchIDs[item.id].map({ accepted[$0].0 })
      {
        guard earlier == item else { throw .evidenceIDReused(item.id) }
        duplicates.append(item.id)
        continue
      }
      batchIDs[item.id] = accepted.count
      accepted.append((item, try resolve(item, now: now)))
    }
    let touched = orderedUnique(accepted.map(\.1.belief))
    let before = touched.map { estimate(atIndex: $0, time: now) }
    for (item, resolved) in accepted { append(item, resolved) }
    let changes = zip(touched, before).map { index, old in
      BeliefChange(before: old, after: estimate(atIndex: index, time: now))
    }
    return ObservationResult(
      recorded: accepted.map(\.0.id), duplicates: duplicates, changes: changes)
  }

  /// Validates `item` against the model; `now == nil` skips the clock checks (replay).
  func resolve(_ item: Evidence, now: Date?) throws(ModelError) -> ResolvedEvidence {
    guard let beliefIndex = beliefIndex(of: item.belief) else {
      throw .unknownBelief(item.belief)
    }
    guard let sourceIndex = sourceIndex(of: item.source) else {
      throw .unknownSource(item.source)
    }
    try checkOwnValues(item, now: now)
    return try resolveContent(item, beliefIndex, sourceIndex)
  }

  /// Resolves evidence being replayed from a ledger: like ``resolve(_:now:)``, but evidence
  /// about a retired belief or from a retired source is valid and returns `nil` (kept,
  /// hidden).
  func resolveForReplay(_ item: Evidence) throws(ModelError) -> ResolvedEvidence? {
    let beliefIndex = beliefIndex(of: item.belief)
    let sourceIndex = sourceIndex(of: item.source)
    if let beliefIndex, let sourceIndex {
      try checkOwnValues(item, now: nil)
      return try resolveContent(item, beliefIndex, sourceIndex)
    }
    guard
      let definition = beliefIndex.map(definition(at:))
        ?? catalogue.retiredDefinition(for: item.belief)
    else { throw .unknownBelief(item.belief) }
    guard sourceIndex != nil || catalogue.retiredSource(item.source) != nil else {
      throw .unknownSource(item.source)
    }
    // Validate it as if it counted, so that it counts correctly once its entry is back.
    try checkOwnValues(item, now: nil)
    try checkContent(item, against: definition)
    return nil
  }

  /// Checks what depends on the item alone (and the clock, when `now` is given): weight,
  /// times, note, metadata.
  @inline(__always)
  func checkOwnValues(_ item: Evidence, now: Date?) throws(ModelError) {
    try Check.positive(item.weight, field: "weight of evidence \(item.id)")
    guard item.weight <= Check.maximumWeight else {
      throw .numberOutOfRange(
        field: "weight of evidence \(item.id)", value: item.weight,
        allowed: "0 < weight <= \(Int(Check.maximumWeight))")
    }
    try checkTimes(item, now: now)
    try checkAnnotations(item)
  }

  /// Resolves the item's content against the belief in force at `beliefIndex`: its outcome,
  /// distribution or virtual evidence must fit the definition's outcomes. (Inlined: as a call
  /// of its own it cost B1 about 40 instructions per record. It reads the definition in place
  /// and takes no optional retired definition: each test of one copied the 200-byte optional.)
  @inline(__always)
  func resolveContent(
    _ item: Evidence, _ beliefIndex: Int, _ sourceIndex: Int
  ) throws(ModelError) -> ResolvedEvidence {
    if isDynamic(at: beliefIndex) {
      return try resolveDynamic(item, beliefIndex, sourceIndex, definition(at: beliefIndex))
    }
    var outcome: Int?
    var masses: [Double] = []
    var virtual: VirtualEvidence.Kind?
    switch item.content {
    case .outcome(let name):
      guard let found = outcomeIndex(of: name, at: beliefIndex) else {
        throw .unknownOutcome(belief: item.belief, outcome: name)
      }
      outcome = found
    case .distribution:
      masses = try item.content.masses(for: definition(at: beliefIndex))
    case .likelihoodRatio, .jeffrey:
      virtual = try item.content.virtualEvidence(for: definition(at: beliefIndex))
    }
    return ResolvedEvidence(
      belief: beliefIndex, source: sourceIndex, outcome: outcome, masses: masses,
      virtual: virtual, weight: item.weight,
      observedAt: item.observedAt.timeIntervalSinceReferenceDate,
      outcomeCount: outcomeCount(at: beliefIndex))
  }

  /// Checks the item's content against `definition` (a retired entry's, or one in force when
  /// the item's source is retired) exactly as ``resolveContent(_:_:_:)`` would if it were in
  /// force: evidence kept hidden must count correctly once its entry is back.
  func checkContent(_ item: Evidence, against definition: BeliefDefinition) throws(ModelError) {
    if definition.kind.isDynamic {
      _ = try resolveDynamic(item, 0, 0, definition)
      return
    }
    switch item.content {
    case .outcome(let name):
      guard definition.index(of: name) != nil else {
        throw .unknownOutcome(belief: item.belief, outcome: name)
      }
    case .distribution: _ = try item.content.masses(for: definition)
    case .likelihoodRatio, .jeffrey: _ = try item.content.virtualEvidence(for: definition)
    }
  }

  private func checkTimes(_ item: Evidence, now: Date?) throws(ModelError) {
    try checkTime(item.observedAt, field: "observedAt", of: item.id, now: now)
    try checkTime(item.recordedAt, field: "recordedAt", of: item.id, now: now)
  }

  private func checkTime(
    _ time: Date, field: String, of id: EvidenceID, now: Date?
  ) throws(ModelError) {
    try Check.time(time.timeIntervalSinceReferenceDate, field: "\(field) of evidence \(id)")
    guard let now else { return }
    let ahead = time.timeIntervalSince(now)
    if ahead > policy.futureTolerance {
      throw .evidenceFromFuture(evidence: id, field: field, secondsAhead: ahead)
    }
  }

  private func checkAnnotations(_ item: Evidence) throws(ModelError) {
    guard item.hasAnnotations else { return }
    if item.note == nil && item.metadata.isEmpty { return }
    if let note = item.note {
      try Check.text(note, field: "note of evidence \(item.id)", maximum: Check.maximumNoteLength)
    }
    guard item.metadata.count <= Check.maximumMetadataEntries else {
      throw .invalidText(
        field: "metadata of evidence \(item.id)",
        reason: "\(item.metadata.count) entries; the maximum is \(Check.maximumMetadataEntries)")
    }
    for (key, value) in item.metadata.sorted(by: { $0.key < $1.key }) {
      try Check.text(
        key, field: "metadata key of evidence \(item.id)", maximum: Check.maximumMetadataKeyLength)
      if value.utf8.count > Check.maximumMetadataValueLength {
        throw .invalidText(
          field: "metadata value \"\(key)\" of evidence \(item.id)",
          reason:
            "it is \(value.utf8.count) bytes; the maximum is \(Check.maximumMetadataValueLength)")
      }
    }
  }

  /// Adds a validated item to the ledger and the tallies.
  mutating func append(_ item: Evidence, _ resolved: ResolvedEvidence) {
    ledger.append(item)
    apply(resolved)
  }

  mutating func apply(_ resolved: ResolvedEvidence) {
    if let id = resolved.dynamicID { return applyDynamic(resolved, id: id) }
    let (belief, source) = (resolved.belief, resolved.source)
    if let virtual = resolved.virtual {
      let item = VirtualEvidence.Item(
        source: source, halfLife: self.halfLife(belief: belief, source: source),
        observedAt: resolved.observedAt, weight: resolved.weight, kind: virtual)
      tallies.modify(belief) { $0.virtual.items.append(item) }
      return
    }
    let halfLife =
      tallies.hasSlot(for: source, at: belief) ? nil : self.halfLife(belief: belief, source: source)
    tallies.modify(belief) {
      $0.add(
        source: source, halfLifeIfNew: halfLife, observedAt: resolved.observedAt,
        weight: resolved.weight, outcome: resolved.outcome, masses: resolved.masses,
        outcomeCount: resolved.outcomeCount)
    }
  }

  /// The half-life that applies to an item from `source` about `belief`.
  func halfLife(belief: Int, source: Int) -> Double? {
    let entry = self.source(at: source)
    return policy.halfLife(
      for: definition(at: belief).key, source: entry.id, sourceKind: entry.kind)
  }

  /// Appends ledger items being replayed, in order: ids must be new; evidence about retired
  /// entries is kept but not folded.
  mutating func replay(_ items: [Evidence]) throws(ModelError) {
    reserveCapacity(forAdditionalEvidence: items.count)
    for item in items {
      guard ledger.position(of: item.id) == nil else {
        throw .corruptSnapshot(reason: "evidence \(item.id) is listed twice")
      }
      try appendReplayed(item)
    }
  }

  mutating func appendReplayed(_ item: Evidence) throws(ModelError) {
    if let resolved = try resolveForReplay(item) {
      append(item, resolved)
    } else {
      ledger.append(item)
    }
  }

  /// Records evidence from a store's journal: as ``append(_:at:)`` (a duplicate is counted
  /// once, a reused id refused), but evidence about an entry the catalogue has retired since
  /// it was recorded is kept, hidden, and what the item passed before it was written is not
  /// checked again (see `appendFromJournal(_:)`).
  ///
  /// - Parameters:
  ///   - items: The evidence, in recording order.
  ///   - now: The time it was recorded at (checked, with the items' times, when it was
  ///     recorded).
  /// - Throws: ``ModelError`` for evidence that fits neither an entry in force nor a retired
  ///   one.
  package mutating func replayRecord(_ items: [Evidence], at now: Date) throws(ModelError) {
    for item in items { try replayRecord(item, at: now) }
  }

  /// Records one evidence item from a store's journal (see ``replayRecord(_:at:)-([Evidence],_)``):
  /// a record of one item, with no array around it.
  ///
  /// - Parameters:
  ///   - item: The evidence.
  ///   - now: The time it was recorded at.
  /// - Throws: ``ModelError`` for evidence that fits neither an entry in force nor a retired
  ///   one.
  package mutating func replayRecord(_ item: Evidence, at now: Date) throws(ModelError) {
    do {
      try appendFromJournal(item)
    } catch {
      switch error {
      case .unknownBelief, .unknownSource: break
      default: throw error
      }
      if let earlier = ledger.item(withID: item.id) {
        guard earlier == item else { throw .evidenceIDReused(item.id) }
        return
      }
      try appendReplayed(item)
    }
  }

  private func orderedUnique(_ values: [Int]) -> [Int] {
    var seen = Set<Int>()
    return values.filter { seen.insert($0).inserted }
  }
}
