public import SelfModel

/// A reaction to a candidate answer, recorded as evidence on the beliefs its stances name, in one step: `POST /v1/users/{user}/reactions`, the MCP tool `record_reaction`.
///
/// Every field but `user` is optional in JSON: an absent one takes the default stated
/// on it. Decoding checks only the shape; Operations checks the values against
/// OperationLimits.
public struct ReactRequest: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// The answer that was shown, with its candidates.
  public var response: AssistantResponse
  /// What the user did with it.
  public var reaction: Reaction
  /// How a reaction becomes evidence (default: `ReactionLikelihood()`).
  public var likelihood: ReactionLikelihood?
  /// The situation, carried by each evidence item.
  public var context: ContextID?
  /// The credible level of the intervals in the answer (default 0.95).
  public var level: Double?

  /// Creates a request.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - response: The answer shown.
  ///   - reaction: The reaction.
  ///   - likelihood: How it becomes evidence.
  ///   - context: The situation.
  ///   - level: The credible level of the answer's intervals.
  public init(
    user: UserID, response: AssistantResponse, reaction: Reaction,
    likelihood: ReactionLikelihood? = nil, context: ContextID? = nil, level: Double? = nil
  ) {
    self.user = user
    self.response = response
    self.reaction = reaction
    self.likelihood = likelihood
    self.context = context
    self.level = level
  }
}
