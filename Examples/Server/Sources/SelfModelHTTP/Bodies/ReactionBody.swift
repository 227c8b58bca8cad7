import SelfModel

/// `POST /v1/users/{user}/reactions`: the user's reaction to one candidate of an answer,
/// recorded as evidence on the beliefs its stances touched.
struct ReactionBody: Sendable, Codable {
  /// The answer and its candidates.
  var response: AssistantResponse
  /// The reaction.
  var reaction: Reaction
  /// The likelihood model (default weights, source `reactions`).
  var likelihood: ReactionLikelihood?
}
