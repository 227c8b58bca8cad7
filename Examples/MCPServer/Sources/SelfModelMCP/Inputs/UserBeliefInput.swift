import SelfModel

/// The arguments of `explain_belief` (user and belief) and `next_question` (user, `limit`),
/// both with an optional `context`.
struct UserBeliefInput: Decodable {
  var user: UserID
  var belief: BeliefKey?
  var limit: Int?
  var context: ContextID?
}
