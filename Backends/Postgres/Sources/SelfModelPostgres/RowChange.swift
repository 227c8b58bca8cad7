import SelfModel

/// What a write changed in a user's rows.
enum RowChange: Sendable {
  /// Evidence items appended to the ledger, in order.
  case append([Evidence])
  /// The head changed (definitions, sources or policy).
  case head
  /// Evidence items forgotten.
  case forget([EvidenceID])
}
