import SelfModel

/// The arguments of `get_context`.
struct GetContextInput: Decodable {
  var user: UserID
  var keys: [BeliefKey]?
  var keyPrefixes: [String]?
  var tags: [String]?
  var budget: Int?
  var characters: Int?
  var excludedLimit: Int?
  /// The situation to estimate in (a `ContextID`, not the prompt context the tool returns).
  var context: ContextID?
}
