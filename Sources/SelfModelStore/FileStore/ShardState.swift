import SelfModel

/// What a job returns: a value to hand back now, or one to hand back once a journal the job
/// appended to has been synced (group commit).
enum ShardOutcome<Value> {
  case done(Value)
  case afterSync(Value, UserSlot)
}

/// The state one worker owns: its LRU cache of loaded users and the journals waiting for the
/// group-commit sync. Only the worker's queue touches it (it lives in the shard's `Mutex`).
struct ShardState {
  private final class PendingSync {
    let journal: JournalFile
    let user: UserID
    var waiters: [(StoreError?) -> Void] = []

    init(journal: JournalFile, user: UserID) {
      self.journal = journal
      self.user = user
    }
  }

  let environment: StoreEnvironment
  let capacity: Int
  let views: ReadViews
  private var slots: [UserID: UserSlot] = [:]
  private var useCounter: UInt64 = 0
  private var pending: [PendingSync] = []
  private var retired: [JournalFile] = []

  init(environment: StoreEnvironment, capacity: Int, views: ReadViews) {
    self.environment = environment
    self.capacity = max(1, capacity)
    self.views = views
  }

  /// The loaded user, if cached.
  mutating func cached(_ user: UserID) -> UserSlot? {
    guard let slot = slots[user] else { return nil }
    useCounter += 1
    slot.lastUse = useCounter
    return slot
  }

  /// The loaded user, loading it on a cache miss.
  ///
  /// - Throws: ``StoreError/Code/userNotFound``, or the load's error.
  mutating func slot(for user: UserID, operation: String) throws(StoreError) -> UserSlot {
    let catalogue = environment.catalogue.catalogue
    if let slot = cached(user) {
      if slot.model.catalogue.version != catalogue.version {
        try adopt(catalogue, in: slot, operation: operation)
      }
      return slot
    }
    guard let slot = try environment.files(for: user).load(catalogue: catalogue) else {
      throw StoreError(.userNotFound, operation: operation, user: user)
    }
    insert(slot)
    return slot
  }

  /// Moves a cached model to the catalogue published since it was loaded. Only the model in
  /// memory changes; the snapshot records the version at its next compaction.
  private func adopt(_ catalogue: Catalogue, in slot: UserSlot, operation: String)
    throws(StoreError)
  {
    try StoreRules.adopt(catalogue, into: &slot.model, operation: operation)
  }

  /// Caches `slot`, evicting the least recently used user when full.
  mutating func insert(_ slot: UserSlot) {
    if let old = slots[slot.user], old !== slot {
      retired.append(old.journal)
      views.withdraw(slot.user)
    }
    while slots.count >= capacity, slots[slot.user] == nil,
      let victim = slots.values.min(by: { $0.lastUse < $1.lastUse })
    {
      evict(victim.user)
    }
    useCounter += 1
    slot.lastUse = useCounter
    slots[slot.user] = slot
  }

  /// Drops a user from the cache; its journal is closed after the pending syncs.
  mutating func evict(_ user: UserID) {
    views.withdraw(user)
    if let slot = slots.removeValue(forKey: user) { retired.append(slot.journal) }
  }

  /// Marks `slot` as read, so its durable model is published after each write, and publishes
  /// it now unless a write of this batch still awaits its sync (``commit()`` publishes then).
  mutating func serveReads(of slot: UserSlot) {
    slot.isRead = true
    if !pending.contains(where: { $0.user == slot.user }) { views.publish(slot.model) }
  }

  /// Publishes the model of `slot` for reads, if reads ask for it: its state is durable.
  func publishDurable(_ slot: UserSlot) {
    if slot.isRead { views.publish(slot.model) }
  }

  /// Records that a write failed after bytes may have reached a file: the store stops
  /// writing and the user is reloaded from disk on next use.
  ///
  /// A transient shortage (``StoreError/Code/unavailable``: out of descriptors or memory,
  /// `EAGAIN`) outside a sync leaves the store writable: the call failed before it could
  /// change what a reload reads (a torn journal tail is truncated when the journal is opened
  /// again, a half-made user has no snapshot and is made anew), so only the user is evicted.
  /// A failed sync always stops the store: the disk may have dropped pages for good.
  mutating func fail(_ user: UserID, _ error: StoreError, whileSyncing: Bool = false) {
    if whileSyncing || error.code != .unavailable { environment.markFailed(error, user: user) }
    evict(user)
  }

  /// Defers `waiter` until the journal of `slot` is synced by ``commit()``.
  mutating func afterSync(of slot: UserSlot, _ waiter: @escaping (StoreError?) -> Void) {
    if let entry = pending.first(where: { $0.journal === slot.journal }) {
      entry.waiters.append(waiter)
    } else {
      let entry = PendingSync(journal: slot.journal, user: slot.user)
      entry.waiters.append(waiter)
      pending.append(entry)
    }
  }

  /// Defers `waiter` until the pending sync of `user`'s journal, if a write earlier in this
  /// batch left one.
  ///
  /// - Returns: `false` (and `waiter` is not kept) when nothing of `user` awaits a sync.
  mutating func afterPendingSync(
    of user: UserID, _ waiter: @escaping (StoreError?) -> Void
  ) -> Bool {
    guard let entry = pending.first(where: { $0.user == user }) else { return false }
    entry.waiters.append(waiter)
    return true
  }

  /// Syncs every journal written since the last commit once, resumes its waiters, and closes
  /// the journals of evicted users.
  mutating func commit() {
    let batch = pending
    pending = []
    for entry in batch {
      var failure: StoreError?
      do {
        try environment.synchronize(entry.journal, of: entry.user)
        // Before the waiters resume: a read after an acknowledged write sees it.
        if let slot = slots[entry.user], slot.journal === entry.journal { publishDurable(slot) }
      } catch {
        failure = error
        fail(entry.user, error, whileSyncing: true)
      }
      for waiter in entry.waiters { waiter(failure) }
    }
    for journal in retired { journal.close() }
    retired = []
  }

  /// Closes every journal; the cache is empty afterwards.
  mutating func closeAll() {
    commit()
    for slot in slots.values { slot.journal.close() }
    slots = [:]
    views.withdrawAll()
  }
}
