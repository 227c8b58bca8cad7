public import SelfModel

/// Candidates ranked by alignment, best first: the answer to ``RankRequest``.
public struct RankingResponse: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// The candidates, best first.
  public var ranked: [RankedCandidateResponse]

  /// Creates a response.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - ranked: The ranked candidates.
  public init(user: UserID, ranked: [RankedCandidateResponse]) {
    self.user = user
    self.ranked = ranked
  }
}
