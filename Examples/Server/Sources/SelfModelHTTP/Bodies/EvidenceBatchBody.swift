import SelfModel

/// `POST /v1/users/{user}/evidence`: a batch recorded all or none. Retrying it is safe: items
/// the ledger already holds come back as `duplicates`.
struct EvidenceBatchBody: Sendable, Codable {
  /// The evidence, in the order to record it.
  var evidence: [Evidence]
}
