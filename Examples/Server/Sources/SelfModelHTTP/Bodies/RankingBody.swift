import SelfModel

/// `POST /v1/users/{user}/rankings`: candidate answers to rank by alignment with the user.
struct RankingBody: Sendable, Codable {
  /// The candidates.
  var candidates: [Candidate]
  /// The credible level of the ranges (default 0.95).
  var credibleLevel: Double?
}
