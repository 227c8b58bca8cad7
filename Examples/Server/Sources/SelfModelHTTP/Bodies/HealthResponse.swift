/// `GET /v1/health`: the service answers.
struct HealthResponse: Sendable, Codable, Equatable {
  /// Always `ok`.
  var status: String
}
