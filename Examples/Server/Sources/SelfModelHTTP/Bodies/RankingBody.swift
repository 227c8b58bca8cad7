import SelfModel

/// `POST /v1/users/{user}/rankings`: candidate answers to rank by alignment with the user.
struct RankingBody: Sendable, Codable {
  /// The candidates.
  var candidates: [Candidate]
  /// The credible level of the ranges (default 0.95).
  var credibleLevel: Double?
  /// The context to score in: beliefs that list it start from its prior, the others from
  /// their own (default none).
  var context: ContextID?
}
