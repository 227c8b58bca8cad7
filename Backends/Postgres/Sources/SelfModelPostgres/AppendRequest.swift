import SelfModel

/// One write's evidence rows for ``AppendBatcher``, with the compare-and-set it depends on:
/// the rows are inserted only if the user's row is still at `seenVersion` and the catalogue
/// at `catalogueVersion`.
struct AppendRequest: Sendable {
  var user: UserID
  var seenVersion: Int64
  var catalogueVersion: Int64
  /// The user's `next_sequence` after the append.
  var nextSequence: Int64
  var sequences: [Int64]
  var evidenceIDs: [String]
  var bodies: [String]
}
