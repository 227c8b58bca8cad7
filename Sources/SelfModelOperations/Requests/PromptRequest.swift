public import SelfModel

/// The user's beliefs selected and rendered for a prompt: `POST /v1/users/{user}/context`, the MCP tool `get_context`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct PromptRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// Beliefs named by key.
  public var keys: [BeliefKey]?
  /// Beliefs named by a key prefix ("preference.").
  public var keyPrefixes: [String]?
  /// Beliefs named by tag.
  public var tags: [String]?
  /// How much to include (default 20 beliefs, no character limit).
  public var budget: PromptBudget?
  /// How many excluded entries to report (default 0).
  public var excludedLimit: Int?
  /// The situation to estimate in.
  public var context: ContextID?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - keys: Beliefs by key.
  ///   - keyPrefixes: Beliefs by key prefix.
  ///   - tags: Beliefs by tag.
  ///   - budget: How much to include.
  ///   - excludedLimit: How many excluded entries to report.
  ///   - context: The situation.
  public init(
    user: UserID, keys: [BeliefKey]? = nil, keyPrefixes: [String]? = nil, tags: [String]? = nil,
    budget: PromptBudget? = nil, excludedLimit: Int? = nil, context: ContextID? = nil
  ) {
    self.user = user
    self.keys = keys
    self.keyPrefixes = keyPrefixes
    self.tags = tags
    self.budget = budget
    self.excludedLimit = excludedLimit
    self.context = context
  }
}
