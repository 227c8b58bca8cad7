import SelfModel

/// `POST /v1/users/{user}/rankings`: the candidates, best first.
struct RankingResponse: Sendable, Codable, Equatable {
  /// The user.
  var user: UserID
  /// The ranked candidates with their alignment reports.
  var ranked: [RankedCandidateResponse]
}
