public import SelfModel

/// What a ``ForgetRequest`` removed; no file of the store keeps it afterwards.
public struct ForgetResponse: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// The evidence items forgotten (empty when there was nothing to forget).
  public var forgotten: [EvidenceID]

  /// Creates a response.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - forgotten: The items forgotten.
  public init(user: UserID, forgotten: [EvidenceID]) {
    self.user = user
    self.forgotten = forgotten
  }
}
