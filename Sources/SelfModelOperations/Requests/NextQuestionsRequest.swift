public import SelfModel

/// The beliefs most worth asking the user about, by expected information gain times importance: `GET /v1/users/{user}/next-questions`, the MCP tool `next_question`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct NextQuestionsRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// How many questions (default 5).
  public var limit: Int?
  /// How often the user's answer is yes when the truth is yes (default 0.9).
  public var sensitivity: Double?
  /// How often the user's answer is no when the truth is no (default 0.9).
  public var specificity: Double?
  /// The situation to estimate in.
  public var context: ContextID?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - limit: How many questions.
  ///   - sensitivity: The answers' sensitivity.
  ///   - specificity: The answers' specificity.
  ///   - context: The situation.
  public init(
    user: UserID, limit: Int? = nil, sensitivity: Double? = nil, specificity: Double? = nil,
    context: ContextID? = nil
  ) {
    self.user = user
    self.limit = limit
    self.sensitivity = sensitivity
    self.specificity = specificity
    self.context = context
  }
}
