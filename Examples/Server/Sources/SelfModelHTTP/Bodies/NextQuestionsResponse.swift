import SelfModel

/// `GET /v1/users/{user}/next-questions`: the beliefs most worth asking about, best first.
struct NextQuestionsResponse: Sendable, Codable, Equatable {
  /// The user.
  var user: UserID
  /// The questions, most valuable first.
  var questions: [QuestionResponse]
}
