public import SelfModel

/// The questions most worth asking, best first: the answer to ``NextQuestionsRequest``.
///
/// An object on every edge (MCP's structured content must be one).
public struct NextQuestionsResponse: Sendable, Hashable, Codable {
  /// The user.
  public var user: UserID
  /// The questions, best first.
  public var questions: [QuestionResponse]

  /// Creates a response.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - questions: The questions.
  public init(user: UserID, questions: [QuestionResponse]) {
    self.user = user
    self.questions = questions
  }
}
