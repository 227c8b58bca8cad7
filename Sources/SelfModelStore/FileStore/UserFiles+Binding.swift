import SelfModel

extension UserFiles {
  /// The value that binds this user's journal to them: a journal whose header carries
  /// another value belongs to another user and is refused with
  /// ``StoreError/Code/corruptFile`` (see ``JournalFormat``).
  var journalBinding: UInt64 { JournalFormat.binding(of: Array(user.rawValue.utf8)) }
}
