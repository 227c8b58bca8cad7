import SelfModel

/// `DELETE /v1/users/{user}/evidence/{evidence}` and
/// `DELETE /v1/users/{user}/sources/{source}/evidence`: what was forgotten.
struct ForgetResponse: Sendable, Codable, Equatable {
  /// The user.
  var user: UserID
  /// The ids of the forgotten items, in ledger order.
  var forgotten: [EvidenceID]
}
