public import SelfModel

/// What a user's model holds, without its evidence: the answer to ``CreateUserRequest`` and
/// to reading a user.
public struct UserSummary: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// Every belief the user has (catalogue and own).
  public var beliefs: [BeliefKey]
  /// Every source the user has (catalogue and own).
  public var sources: [SourceID]
  /// How many evidence items the ledger holds.
  public var evidenceCount: Int
  /// Whether the user has a policy of its own.
  public var hasOwnPolicy: Bool

  /// Summarises a model.
  ///
  /// - Parameter model: The model.
  public init(_ model: UserModel) {
    user = model.user
    beliefs = model.beliefs.map(\.key)
    sources = model.sources.map(\.id)
    evidenceCount = model.evidenceCount
    hasOwnPolicy = model.policyOverride != nil
  }
}
