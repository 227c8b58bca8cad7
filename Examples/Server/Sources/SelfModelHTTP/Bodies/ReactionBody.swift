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
  /// The context the response was shown in, carried by every evidence item the reaction
  /// becomes (default none). Any valid id is accepted, listed by a belief or not.
  var context: ContextID?
}
