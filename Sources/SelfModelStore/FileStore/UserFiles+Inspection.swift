import SelfModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension UserFiles {
  /// How many times ``inspect(catalogue:)`` reads a user again before it reports an
  /// inconsistency between the snapshot and the journal as damage.
  static let inspectionAttempts = 40

  /// Loads the user without writing anything and without the store's lock, for tools and
  /// verification: the snapshot, then the journal records after it, checked as
  /// ``load(catalogue:)`` checks them (checksums, the journal's binding to the user, a missing
  /// journal, continuity, every record decoding and applying). A torn tail is read past, not
  /// erased.
  ///
  /// Beside a live writer the two files are read journal first: a compaction between the two
  /// reads then leaves a snapshot that covers the whole journal read, which is consistent. Any
  /// other inconsistency (a compaction racing the reads twice, a user being created) is read
  /// again, up to ``inspectionAttempts`` times with a short pause, before it is reported.
  ///
  /// - Parameter catalogue: The catalogue in force.
  /// - Returns: The model, or `nil` if the user does not exist.
  /// - Throws: ``StoreError/Code/corruptFile`` naming the damaged file,
  ///   ``StoreError/Code/newerFormat``, or I/O errors.
  func inspect(catalogue: Catalogue) throws(StoreError) -> UserModel? {
    var attempt = 1
    while true {
      do {
        return try inspectOnce(catalogue: catalogue)
      } catch  where error.code == .corruptFile && attempt < Self.inspectionAttempts {
        attempt += 1
        usleep(UInt32(min(attempt, 10)) * 500)
      }
    }
  }

  private func inspectOnce(catalogue: Catalogue) throws(StoreError) -> UserModel? {
    let inspected = try JournalFile.inspect(
      path: folder.journalPath, fileSystem: fileSystem, binding: journalBinding)
    guard let (stored, snapshotModel) = try readSnapshot(catalogue: catalogue) else { return nil }
    if inspected == nil, stored.journal != nil { throw missingJournal() }
    let recovery = inspected ?? JournalRecovery(records: [], truncatedBytes: 0)
    var model = snapshotModel
    let covered = stored.coveredSequence
    let replayed = try replay(recovery.records, after: covered, into: &model)
    let next = recovery.nextSequence ?? covered + 1
    let first = replayed.first ?? next
    guard first == covered + 1 || (replayed.isEmpty && next == covered + 1) else {
      throw corrupt(
        folder.journalPath,
        "the snapshot covers records up to \(covered) but the journal continues at \(first)")
    }
    guard next > covered else { throw endsBeforeSnapshot(covered: covered, next: next) }
    return model
  }

  /// The error for a journal whose last record comes before the end of the snapshot: the
  /// snapshot claims records the journal never held (compaction syncs the journal before it
  /// writes the snapshot, so no crash leaves this). Strict loading refuses it and writes
  /// nothing; salvage restarts the journal after the snapshot.
  func endsBeforeSnapshot(covered: UInt64, next: UInt64) -> StoreError {
    corrupt(
      folder.journalPath,
      "the snapshot covers records up to \(covered) but the journal ends at \(next - 1)")
  }

  /// The error for a user whose snapshot names the journal that continues it
  /// (``StoredSnapshot/journal``) but whose journal does not exist: the snapshot is the commit
  /// point of creation and the journal is created before it and removed after it, so the
  /// journal was deleted, and any record after the snapshot with it.
  func missingJournal() -> StoreError {
    corrupt(
      folder.journalPath,
      "the journal is missing: the snapshot exists, so records written after it may be lost")
  }
}
