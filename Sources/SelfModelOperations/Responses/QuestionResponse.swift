public import SelfModel

/// One question worth asking, with the numbers behind its rank.
///
/// ```json
/// {"belief": "preference.concise", "form": "yesNo", "askedOutcome": "true",
///  "outcomes": [{"outcome": "true", "probability": 0.5}, ...],
///  "expectedInformationGain": 0.53, "importance": 1, "value": 0.53}
/// ```
public struct QuestionResponse: Sendable, Hashable, Codable {
  /// An outcome and its current probability.
  public struct OutcomeProbability: Sendable, Hashable, Codable {
    /// The outcome.
    public var outcome: String
    /// Its probability now.
    public var probability: Double
  }

  /// The belief to ask about.
  public var belief: BeliefKey
  /// How to ask: `yesNo` (about `askedOutcome`) or `whichOutcome`.
  public var form: String
  /// The outcome a yes/no question asks about.
  public var askedOutcome: String?
  /// Each outcome's probability now.
  public var outcomes: [OutcomeProbability]
  /// The expected information gain of the answer, in bits.
  public var expectedInformationGain: Double
  /// The belief's importance.
  public var importance: Double
  /// Gain times importance: what the rank is by.
  public var value: Double

  /// Creates a response from a ranked question.
  ///
  /// - Parameters:
  ///   - question: The question.
  ///   - names: The belief's outcomes, in order.
  public init(_ question: NextQuestion, outcomes names: [String]) {
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
