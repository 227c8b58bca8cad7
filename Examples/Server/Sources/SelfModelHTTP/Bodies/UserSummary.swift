import SelfModel

/// `GET /v1/users/{user}` and `POST /v1/users`: what a user's model holds, without the
/// ledger.
struct UserSummary: Sendable, Codable, Equatable {
  /// The user.
  var user: UserID
  /// Every belief the user has (the catalogue's and its own), in declaration order.
  var beliefs: [BeliefKey]
  /// Every source the user has.
  var sources: [SourceID]
  /// The number of evidence items in the ledger.
  var evidenceCount: Int
  /// Whether the user has a policy of its own.
  var hasOwnPolicy: Bool

  init(_ model: UserModel) {
    user = model.user
    beliefs = model.beliefs.map(\.key)
    sources = model.sources.map(\.id)
    evidenceCount = model.evidence.count
    hasOwnPolicy = model.policyOverride != nil
  }
}
