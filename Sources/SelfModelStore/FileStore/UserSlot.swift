import SelfModel

/// A loaded user: the model, its open journal and where the snapshot stands. Confined to the
/// worker that owns the user, like the journal it holds.
final class UserSlot {
  let user: UserID
  let files: UserFiles
  var model: UserModel
  let journal: JournalFile
  /// The last journal sequence number the snapshot on disk covers.
  var coveredSequence: UInt64
  /// Journal records after the snapshot.
  var journalRecords: Int
  /// The cache's use counter at the last access, for LRU eviction.
  var lastUse: UInt64 = 0
  /// Whether a read has asked for this user, so its durable model is published to the
  /// worker's ``ReadViews`` after each write.
  var isRead = false

  init(
    user: UserID, files: UserFiles, model: UserModel, journal: JournalFile,
    coveredSequence: UInt64, journalRecords: Int
  ) {
    self.user = user
    self.files = files
    self.model = model
    self.journal = journal
    self.coveredSequence = coveredSequence
    self.journalRecords = journalRecords
  }
}
