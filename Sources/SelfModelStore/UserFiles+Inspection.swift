import SelfModel

extension UserFiles {
  /// Loads the user without writing anything and without the store's lock, for tools and
  /// verification: the snapshot, then the journal records after it, checked as
  /// ``load()`` checks them (checksums, the journal's binding to the user, continuity, every
  /// record decoding and applying). A torn tail is read past, not erased.
  ///
  /// - Parameter catalogue: The catalogue in force.
  /// - Returns: The model, or `nil` if the user does not exist.
  /// - Throws: ``StoreError/Code/corruptFile`` naming the damaged file,
  ///   ``StoreError/Code/newerFormat``, or I/O errors.
  func inspect(catalogue: Catalogue) throws(StoreError) -> UserModel? {
    guard let (stored, snapshotModel) = try readSnapshot(catalogue: catalogue) else { return nil }
    var model = snapshotModel
    let covered = stored.coveredSequence
    let recovery = try JournalFile.inspect(
      path: folder.journalPath, fileSystem: fileSystem, binding: journalBinding)
    let replayed = try replay(recovery?.records ?? [], after: covered, into: &model)
    if let first = replayed.first, first != covered + 1 {
      throw corrupt(
        folder.journalPath,
        "the snapshot covers records up to \(covered) but the journal continues at \(first)")
    }
    return model
  }
}
