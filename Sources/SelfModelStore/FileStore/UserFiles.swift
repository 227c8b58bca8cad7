import SelfModel

/// The file operations on one user's folder: create, load (snapshot then journal replay),
/// write a snapshot, purge, delete. Every call runs on the worker that owns the user.
struct UserFiles: Sendable {
  let user: UserID
  let folder: UserFolder
  let fileSystem: any FileSystem
  let salvage: Bool
  var observer: StoreObserver? = nil

  /// Whether the user exists: the snapshot is the commit point of creation and the first file
  /// removed on deletion.
  var exists: Bool { fileSystem.exists(folder.snapshotPath) }

  /// Creates the folder and files of a new user holding `model`, removing leftovers of an
  /// interrupted create or delete first.
  func create(_ model: UserModel) throws(StoreError) -> UserSlot {
    try checkFolders(operation: "createUser")
    try makeDirectory(folder.shardPath, parent: FileIO.parent(of: folder.shardPath))
    try makeDirectory(folder.path, parent: folder.shardPath)
    for name in try fileSystem.contents(ofDirectory: folder.path) {
      try fileSystem.removeTree(folder.path + "/" + name)
    }
    try FileIO.replaceDurably(
      folder.idPath, bytes: Array(user.rawValue.utf8), fileSystem: fileSystem)
    // The journal before the snapshot, the commit point: a user that exists can always load
    // without writing, even on a full disk.
    let (journal, _) = try JournalFile.open(
      path: folder.journalPath, fileSystem: fileSystem, baseSequence: 1, binding: journalBinding)
    do {
      try writeSnapshot(model, covering: 0)
    } catch {
      journal.close()  // a descriptor must not leak: a shortage of them may be the error
      throw error
    }
    return UserSlot(
      user: user, files: self, model: model, journal: journal, coveredSequence: 0,
      journalRecords: 0)
  }

  /// Checks that `users/`, the shard and the user's folder are real folders (or missing, but
  /// `users/`), before anything of the user is read or written.
  ///
  /// - Throws: ``StoreError/Code/corruptFile`` naming the first entry that is a symbolic link,
  ///   a file or anything else but a folder.
  func checkFolders(operation: String) throws(StoreError) {
    try fileSystem.requireFolder(folder.usersPath, operation: operation, allowMissing: false)
    try fileSystem.requireFolder(folder.shardPath, operation: operation)
    try fileSystem.requireFolder(folder.path, operation: operation)
  }

  private func makeDirectory(_ path: String, parent: String) throws(StoreError) {
    guard !fileSystem.exists(path) else { return }
    try fileSystem.makeDirectory(path, permissions: 0o700)
    try fileSystem.synchronizeDirectory(parent)
  }

  /// Durably replaces the snapshot with `model`, covering journal records up to `sequence`.
  func writeSnapshot(_ model: UserModel, covering sequence: UInt64) throws(StoreError) {
    let stored = StoredSnapshot(
      model: model.snapshot, coveredSequence: sequence, journalBinding: journalBinding)
    let payload = try stored.encoded(path: folder.snapshotPath)
    try SnapshotFile.write(payload, to: folder.snapshotPath, fileSystem: fileSystem)
  }

  /// Removes every entry of the folder but the id, snapshot and journal: damaged copies kept
  /// aside by salvage, stray temporary files, which may hold forgotten data, and anything
  /// foreign (a stray folder is removed with its contents; a link, never what it points to).
  func purgeExtras() throws(StoreError) {
    let kept: Set = ["user", "snapshot", "journal"]
    for name in try fileSystem.contents(ofDirectory: folder.path) where !kept.contains(name) {
      try fileSystem.removeTree(folder.path + "/" + name)
    }
  }

  /// Removes the snapshot (and syncs the user's folder), then the other files and the folder,
  /// then syncs the shard folder.
  ///
  /// - Returns: Whether the user existed.
  func delete() throws(StoreError) -> Bool {
    try checkFolders(operation: "deleteUser")
    guard fileSystem.exists(folder.path) else { return false }
    let existed = exists
    try fileSystem.remove(folder.snapshotPath)
    // The snapshot decides whether the user exists: make its removal durable before the
    // journal's, so a crash can never leave a snapshot without the journal it relies on.
    try fileSystem.synchronizeDirectory(folder.path)
    for name in try fileSystem.contents(ofDirectory: folder.path) {
      try fileSystem.removeTree(folder.path + "/" + name)
    }
    try fileSystem.removeDirectory(folder.path)
    try fileSystem.synchronizeDirectory(folder.shardPath)
    return existed
  }

  /// Reads and checks the snapshot and rebuilds its model on `catalogue`; `nil` if the user
  /// does not exist. Shared by ``load(catalogue:)`` and the read-only inspection.
  func readSnapshot(catalogue: Catalogue) throws(StoreError) -> (StoredSnapshot, UserModel)? {
    try checkFolders(operation: "load")
    guard let bytes = try SnapshotFile.read(from: folder.snapshotPath, fileSystem: fileSystem)
    else { return nil }
    let stored = try StoredSnapshot.decode(bytes, path: folder.snapshotPath)
    guard stored.model.user == user else {
      throw corrupt(folder.snapshotPath, "it holds user \(stored.model.user), not \(user)")
    }
    do {
      return (stored, try UserModel(snapshot: stored.model, catalogue: catalogue))
    } catch {
      let code: StoreError.Code
      if case .incompatibleCatalogue = error {
        code = .catalogueConflict
      } else {
        code = .corruptFile
      }
      throw StoreError(
        code, operation: "load", user: user, path: folder.snapshotPath, modelError: error)
    }
  }

  /// Loads the user: snapshot, then the journal records after it.
  ///
  /// - Returns: The slot, or `nil` if the user does not exist.
  func load(catalogue: Catalogue) throws(StoreError) -> UserSlot? {
    guard let (stored, snapshotModel) = try readSnapshot(catalogue: catalogue) else { return nil }
    var model = snapshotModel
    let covered = stored.coveredSequence
    if !salvage, stored.journal != nil, !fileSystem.exists(folder.journalPath) {
      throw missingJournal()
    }
    let (journal, recovery) = try JournalFile.open(
      path: folder.journalPath, fileSystem: fileSystem, baseSequence: covered + 1,
      salvage: salvage, binding: journalBinding)
    observer?.reportRecovery(recovery, user: user, path: folder.journalPath)
    do {
      let replayed = try replay(recovery.records, after: covered, into: &model)
      try align(journal, covered: covered, firstReplayed: replayed.first)
      return UserSlot(
        user: user, files: self, model: model, journal: journal, coveredSequence: covered,
        journalRecords: replayed.count)
    } catch {
      journal.close()
      throw error
    }
  }

  /// Makes the journal continue right after the snapshot, or reports lost records.
  private func align(_ journal: JournalFile, covered: UInt64, firstReplayed: UInt64?)
    throws(StoreError)
  {
    if journal.nextSequence <= covered {
      // The journal ends before the snapshot does. Compaction syncs the journal before it
      // writes a snapshot, so no crash leaves this: strict loading refuses it and writes
      // nothing. Salvage restarts the journal after the snapshot so that new records are
      // never mistaken for covered ones.
      guard salvage else {
        throw endsBeforeSnapshot(covered: covered, next: journal.nextSequence)
      }
      try journal.reset(baseSequence: covered + 1)
    }
    let first = firstReplayed ?? journal.nextSequence
    guard first == covered + 1 else {
      throw corrupt(
        folder.journalPath,
        "the snapshot covers records up to \(covered) but the journal continues at \(first)")
    }
  }

  /// Applies the records after `covered`; returns their sequence numbers.
  func replay(
    _ records: [JournalRecord], after covered: UInt64, into model: inout UserModel
  )
    throws(StoreError) -> [UInt64]
  {
    var replayed: [UInt64] = []
    replayed.reserveCapacity(records.count)
    // Most records carry one evidence item: reserve for them up front.
    model.reserveCapacity(forAdditionalEvidence: records.count)
    // Belief keys, sources and outcome names repeat from record to record: made once (B4c).
    var strings = JournalStrings()
    for record in records where record.sequence > covered {
      // The common record, one evidence item, is folded as it is decoded, without an
      // operation value or an array around the item; the same bytes give the same errors.
      switch OperationCodec.replaySingleEvidence(record.bytes, strings: &strings, into: &model) {
      case .replayed: replayed.append(record.sequence)
      case .malformed(let error):
        throw corrupt(folder.journalPath, "record \(record.sequence): \(error.description)")
      case .notApplying(let error): throw notApplying(record.sequence, error)
      case .notSingle:
        try replayDecoded(record, strings: &strings, into: &model)
        replayed.append(record.sequence)
      }
    }
    return replayed
  }

  /// Applies a record through its ``JournalOperation`` (any record but one evidence item).
  private func replayDecoded(
    _ record: JournalRecord, strings: inout JournalStrings, into model: inout UserModel
  ) throws(StoreError) {
    let operation: JournalOperation
    do {
      operation = try OperationCodec.decode(record.bytes, strings: &strings)
    } catch {
      throw corrupt(folder.journalPath, "record \(record.sequence): \(error.description)")
    }
    do {
      try apply(operation, to: &model)
    } catch {
      throw notApplying(record.sequence, error)
    }
  }

  private func notApplying(_ sequence: UInt64, _ error: ModelError) -> StoreError {
    StoreError(
      .corruptFile, operation: "load", user: user, path: folder.journalPath,
      modelError: error, detail: "record \(sequence) does not apply")
  }

  private func apply(_ operation: JournalOperation, to model: inout UserModel) throws(ModelError) {
    switch operation {
    case .create(_, let policy): try model.replacePolicy(policy)
    case .record(let evidence, let now):
      // The lean path: same validation and idempotence as `observe`, no change report; and
      // evidence about an entry the catalogue retired since is kept, hidden.
      try model.replayRecord(evidence, at: now)
    case .declare(let definition): try model.replayDeclare(definition)
    case .redeclare(let definition): try model.replayRedeclare(definition)
    case .register(let source): model.replayRegister(source)
    case .replacePolicy(let policy): try model.replacePolicy(policy)
    }
  }

  func corrupt(_ path: String, _ detail: String) -> StoreError {
    StoreError(.corruptFile, operation: "load", user: user, path: path, detail: detail)
  }
}
