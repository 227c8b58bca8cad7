import SelfModel

/// The arguments of `explain_belief` (user and belief) and `next_question` (user, `limit`).
struct UserBeliefInput: Decodable {
  var user: UserID
  var belief: BeliefKey?
  var limit: Int?
}
