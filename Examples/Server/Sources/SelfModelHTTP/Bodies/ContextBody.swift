import SelfModel

/// `POST /v1/users/{user}/context`: what a request is about, for the prompt context of the
/// user's beliefs (`ContextSelector`). Naming nothing considers every belief.
struct ContextBody: Sendable, Codable {
  /// Belief keys the request names.
  var keys: [BeliefKey]?
  /// Key prefixes.
  var keyPrefixes: [String]?
  /// Tags.
  var tags: [String]?
  /// The budget (default 20 beliefs, no character limit).
  var budget: ContextBudget?
  /// How many relevant but excluded beliefs to list (default 0).
  var excludedLimit: Int?

  /// The library's request.
  var request: ContextRequest {
    ContextRequest(
      keys: keys ?? [], keyPrefixes: keyPrefixes ?? [], tags: tags ?? [],
      budget: budget ?? ContextBudget(beliefs: 20), excludedLimit: excludedLimit ?? 0)
  }
}
