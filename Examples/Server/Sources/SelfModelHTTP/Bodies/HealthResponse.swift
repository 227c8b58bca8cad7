/// `GET /v1/health` and `GET /v1/ready`: whether the service can serve, and if not, why.
struct HealthResponse: Sendable, Codable, Equatable {
  /// `ok`, `ready`, `failed` (a tenant's store stopped writing: restart to reopen it) or
  /// `draining` (shutting down: send new requests elsewhere).
  var status: String
  /// Each tenant whose store failed, and why (no file paths); absent when none did.
  var failures: [TenantFailure]?
}

/// A tenant whose store stopped accepting writes.
struct TenantFailure: Sendable, Codable, Equatable {
  /// The tenant.
  var tenant: String
  /// The store's error code for the first failure, such as `ioFailure`.
  var code: String
  /// The failed operation and system error, such as `sync failed: errno 5`.
  var reason: String
}
