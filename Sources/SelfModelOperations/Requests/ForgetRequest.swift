public import SelfModel

/// What to forget of a user: one evidence item, or every item of one source (exactly one of the two): `DELETE /v1/users/{user}/evidence/{id}` and `.../sources/{source}/evidence`, the MCP tool `forget`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct ForgetRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// One evidence item.
  public var evidence: EvidenceID?
  /// Every item of this source.
  public var source: SourceID?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - evidence: One item to forget.
  ///   - source: The source whose items to forget.
  public init(user: UserID, evidence: EvidenceID? = nil, source: SourceID? = nil) {
    self.user = user
    self.evidence = evidence
    self.source = source
  }
}
