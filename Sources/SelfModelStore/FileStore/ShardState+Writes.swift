import SelfModel

extension ShardState {
  /// Loads `user` for a write, after checking the store still accepts writes.
  mutating func writableSlot(for user: UserID, operation: String) throws(StoreError) -> UserSlot {
    try environment.health.checkWritable(operation, user: user)
    return try slot(for: user, operation: operation)
  }

  /// Appends `operations` (which turned the slot's model into `model`) to the user's journal
  /// and syncs it as the durability mode says.
  ///
  /// Any failure after bytes may have reached the journal marks the store failed: a failed
  /// write or sync is never retried.
  mutating func append<Value>(
    _ operations: [JournalOperation], to slot: UserSlot, giving model: UserModel,
    result: Value
  ) throws(StoreError) -> ShardOutcome<Value> {
    var payloads: [[UInt8]] = []
    for operation in operations { payloads.append(try OperationCodec.encode(operation)) }
    try refuseOversized(payloads, of: slot)
    do {
      _ = try slot.journal.append(payloads)
    } catch {
      fail(slot.user, error)
      throw error
    }
    slot.model = model
    slot.journalRecords += payloads.count
    let outcome = try synchronize(slot, result: result)
    compactIfDue(slot)
    // Group commit publishes after its sync; the other modes are as durable as promised now.
    if environment.options.durability != .groupCommit { publishDurable(slot) }
    return outcome
  }

  /// Refuses a write whose record would exceed the journal's 64 MiB limit before anything is
  /// written: the store stays healthy, and the user is evicted so that a change already made to
  /// the cached model in place is dropped and the model reloads from disk.
  private mutating func refuseOversized(_ payloads: [[UInt8]], of slot: UserSlot)
    throws(StoreError)
  {
    let limit = JournalFormat.maximumPayloadLength
    guard let size = payloads.map(\.count).first(where: { $0 > limit }) else { return }
    evict(slot.user)
    throw StoreError(
      .invalidArgument, operation: "append", user: slot.user, path: slot.journal.path,
      detail: "the write encodes to \(size) bytes, over the 64 MiB limit of one journal record;"
        + " nothing was written (split it into smaller calls)")
  }

  private mutating func synchronize<Value>(_ slot: UserSlot, result: Value) throws(StoreError)
    -> ShardOutcome<Value>
  {
    switch environment.options.durability {
    case .groupCommit:
      return .afterSync(result, slot)
    case .deferred:
      return .done(result)
    case .synchronous:
      do {
        try environment.synchronize(slot.journal, of: slot.user)
      } catch {
        fail(slot.user, error, whileSyncing: true)
        throw error
      }
      return .done(result)
    }
  }

  /// Compacts when the journal passed a threshold. A failure marks the store failed but does
  /// not fail the write that triggered it, whose record is already in the journal.
  ///
  /// A snapshot holds the user's whole ledger, so writing one costs O(ledger). Compacting only
  /// once the journal also holds at least half as many records as the ledger has items keeps
  /// that cost amortised O(1) per record (at most two items re-encoded per record written),
  /// however large the user grows; a fixed threshold alone would make it O(ledger) per record.
  private mutating func compactIfDue(_ slot: UserSlot) {
    let options = environment.options
    guard
      slot.journalRecords >= options.compactionRecordThreshold
        || slot.journal.length >= options.compactionByteThreshold,
      slot.journalRecords * 2 >= slot.model.evidenceCount
    else { return }
    try? compact(slot)
  }

  /// Writes a snapshot of `model` (default: the slot's) covering every journal record, then
  /// empties the journal; with `purging`, also removes damaged copies and stray files.
  ///
  /// Once this returns, no file of the user holds data the model no longer has.
  mutating func compact(_ slot: UserSlot, to model: UserModel? = nil, purging: Bool = false)
    throws(StoreError)
  {
    let target = model ?? slot.model
    let covered = slot.journal.nextSequence - 1
    do {
      try environment.compacting(slot.user, journal: slot.journal, records: slot.journalRecords) {
        () throws(StoreError) in
        // The journal first: a crash before its reset must leave a journal that reaches the
        // snapshot's end, so a journal ending before it is always damage (see `UserFiles`).
        try slot.journal.synchronize()
        try slot.files.writeSnapshot(target, covering: covered)
        try slot.journal.reset(baseSequence: covered + 1)
        if purging { try slot.files.purgeExtras() }
      }
    } catch {
      fail(slot.user, error)
      throw error
    }
    slot.model = target
    slot.coveredSequence = covered
    slot.journalRecords = 0
    // The snapshot is synced: whatever the model holds is durable now.
    publishDurable(slot)
  }

  /// Applies `change` to the user's model; if the model accepts it, makes it durable through
  /// `operations` (one journal append) or, for `viaSnapshot`, a compaction.
  ///
  /// With `inPlace`, `change` mutates the cached model directly instead of a copy, so a write
  /// costs O(1) rather than a copy of the whole ledger. Only pass it for a change that is
  /// atomic (a single ``UserModel`` call, which leaves the model unchanged when it throws); if
  /// the journal append then fails, ``fail(_:_:)`` evicts the user, so the unacknowledged change
  /// is dropped with the cached model.
  mutating func mutate<Value>(
    _ user: UserID, _ operation: String, viaSnapshot: Bool = false, inPlace: Bool = false,
    _ change: (inout UserModel) throws(ModelError) -> (Value, [JournalOperation])
  ) throws(StoreError) -> ShardOutcome<Value> {
    let slot = try writableSlot(for: user, operation: operation)
    let (value, operations): (Value, [JournalOperation])
    var copy: UserModel?
    do {
      if inPlace {
        (value, operations) = try change(&slot.model)
      } else {
        var model = slot.model
        (value, operations) = try change(&model)
        copy = model
      }
    } catch {
      throw StoreError(.rejectedByModel, operation: operation, user: user, modelError: error)
    }
    guard !operations.isEmpty else { return .done(value) }
    let model = copy ?? slot.model
    if viaSnapshot {
      try compact(slot, to: model)
      return .done(value)
    }
    return try append(operations, to: slot, giving: model, result: value)
  }
}
