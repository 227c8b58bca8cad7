import SelfModel

/// One entry of `GET /v1/users/{user}/next-questions`: a belief worth asking about, with
/// named outcomes (the library's `NextQuestion` keeps them positional).
struct QuestionResponse: Sendable, Codable, Equatable {
  /// One outcome's probability before asking.
  struct OutcomeProbability: Sendable, Codable, Equatable {
    /// The outcome.
    var outcome: String
    /// Its probability.
    var probability: Double
  }

  /// The belief to ask about.
  var belief: BeliefKey
  /// `yesNo` (about ``askedOutcome``) or `whichOutcome`.
  var form: String
  /// The outcome a yes/no question asks about.
  var askedOutcome: String?
  /// The belief's outcomes and their probabilities.
  var outcomes: [OutcomeProbability]
  /// The expected information gain of asking, in bits.
  var expectedInformationGain: Double
  /// The belief's importance.
  var importance: Double
  /// `importance * expectedInformationGain`.
  var value: Double

  init(_ question: NextQuestion, outcomes names: [String]) {
    belief = question.belief
    switch question.form {
    case .yesNo(let outcome):
      form = "yesNo"
      askedOutcome = outcome
    case .whichOutcome:
      form = "whichOutcome"
      askedOutcome = nil
    }
    outcomes = zip(names, question.probabilities).map {
      OutcomeProbability(outcome: $0, probability: $1)
    }
    expectedInformationGain = question.expectedInformationGain
    importance = question.importance
    value = question.value
  }
}
