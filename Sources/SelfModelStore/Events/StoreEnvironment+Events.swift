import SelfModel

extension StoreEnvironment {
  /// Delivers `event` to the store's observer, if any.
  func report(_ event: StoreEvent) { options.observer?.report(event) }

  /// Syncs `journal` and, with an observer, reports a sync that took at least
  /// ``FileStore/Options/slowSyncThreshold`` (measured with `ContinuousClock`).
  func synchronize(_ journal: JournalFile, of user: UserID) throws(StoreError) {
    guard let observer = options.observer else { return try journal.synchronize() }
    let clock = ContinuousClock()
    let start = clock.now
    try journal.synchronize()
    let elapsed = start.duration(to: clock.now)
    if elapsed >= options.slowSyncThreshold {
      observer.report(StoreEvent(.slowSync, user: user, path: journal.path, duration: elapsed))
    }
  }

  /// Runs a compaction of `user`'s journal and reports it with its figures and duration.
  func compacting(
    _ user: UserID, journal: JournalFile, records: Int, _ body: () throws(StoreError) -> Void
  ) throws(StoreError) {
    let bytes = journal.length
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    report(
      StoreEvent(
        .compacted, user: user, path: journal.path, bytes: bytes, records: records,
        duration: start.duration(to: clock.now)))
  }

  /// Marks the store failed and, for the first failure, reports it.
  func markFailed(_ error: StoreError, user: UserID) {
    if health.markFailed(error) {
      report(StoreEvent(.storeFailed, user: error.user ?? user, path: error.path, error: error))
    }
  }
}

extension StoreObserver {
  /// Reports what opening `user`'s journal at `path` repaired or salvaged, if anything.
  func reportRecovery(_ recovery: JournalRecovery, user: UserID, path: String) {
    guard recovery.truncatedBytes > 0 || recovery.salvagedFrom != nil else { return }
    let kind: StoreEvent.Kind = recovery.salvagedFrom == nil ? .tornTailRepaired : .journalSalvaged
    report(
      StoreEvent(
        kind, user: user, path: path, bytes: recovery.truncatedBytes,
        records: recovery.records.count, offset: recovery.salvagedFrom,
        copy: recovery.damagedCopy))
  }
}
