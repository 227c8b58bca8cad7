/// What one request to an AI product is about: the beliefs it names (by key, key prefix or
/// tag), an optional relevance function, and the budget for its context.
///
/// A belief is considered when the request names its key, a prefix of its key or one of its
/// tags, or when ``relevance`` returns a value above 0 for it. A request that names nothing
/// and has no relevance function considers every belief.
///
/// ```swift
/// var request = PromptQuery(
///   keyPrefixes: ["coding."], tags: ["style"], budget: PromptBudget(beliefs: 10))
/// request.relevance = { definition in similarity(embedding(of: definition.statement), query) }
/// ```
public struct PromptQuery: Sendable {
  /// Belief keys the request names; each must be declared.
  public var keys: [BeliefKey]
  /// Key prefixes (`"coding."` selects `coding.language`, `coding.tests`, …).
  public var keyPrefixes: [String]
  /// Tags (see ``BeliefDefinition/tags``).
  public var tags: [String]
  /// An optional relevance score in `0...1` the application computes (for example from
  /// embeddings); `nil` or 0 means "not relevant by this measure".
  public var relevance: (@Sendable (BeliefDefinition) -> Double?)?
  /// The budget.
  public var budget: PromptBudget
  /// How many relevant but excluded beliefs to list in ``PromptContext/excluded``, at least 0
  /// (default 0).
  public var excludedLimit: Int

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - keys: Belief keys (default none).
  ///   - keyPrefixes: Key prefixes (default none).
  ///   - tags: Tags (default none).
  ///   - relevance: A relevance function (default none).
  ///   - budget: The budget (default 20 beliefs, no character limit).
  ///   - excludedLimit: How many excluded beliefs to list (default 0).
  public init(
    keys: [BeliefKey] = [], keyPrefixes: [String] = [], tags: [String] = [],
    relevance: (@Sendable (BeliefDefinition) -> Double?)? = nil,
    budget: PromptBudget = PromptBudget(beliefs: 20), excludedLimit: Int = 0
  ) {
    self.keys = keys
    self.keyPrefixes = keyPrefixes
    self.tags = tags
    self.relevance = relevance
    self.budget = budget
    self.excludedLimit = excludedLimit
  }

  /// Whether the request names no key, prefix or tag and has no relevance function.
  public var namesNothing: Bool {
    keys.isEmpty && keyPrefixes.isEmpty && tags.isEmpty && relevance == nil
  }
}
