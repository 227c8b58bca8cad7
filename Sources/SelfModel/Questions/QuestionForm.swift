/// What question ``NextQuestion`` would ask about a belief.
///
/// - ``yesNo(outcome:)``: "Does `outcome` hold for you?", answered yes or no through the
///   ``AnswerReliability`` channel (`P(yes | it holds) = s`, `P(no | it does not) = c`). Binary
///   beliefs are always asked this way, about ``BeliefDefinition/trueOutcome``; for a
///   categorical belief it asks about the most likely outcome.
/// - ``whichOutcome``: "Which of these holds for you?", answered with one outcome through a
///   symmetric noisy channel: the right outcome with probability `ρ = (s + c) / 2` (the
///   channel's balanced accuracy), each of the `K - 1` others with `(1 - ρ) / (K - 1)`.
///
/// ```swift
/// let form = QuestionForm.yesNo(outcome: "true")
/// ```
public enum QuestionForm: Sendable, Hashable, Codable {
  /// A yes/no question about one outcome.
  case yesNo(outcome: String)
  /// A question asking which outcome holds.
  case whichOutcome
}

/// How ``NextQuestion`` asks about categorical beliefs (those with more than two outcomes).
///
/// ```swift
/// let questions = try NextQuestion.rank(
///   model, at: now, answers: answers, categoricalStyle: .mostLikelyOutcome)
/// ```
public enum CategoricalQuestionStyle: Sendable, Hashable, Codable {
  /// Ask which outcome holds (``QuestionForm/whichOutcome``): the full question.
  case whichOutcome
  /// Ask yes/no about the most likely outcome (``QuestionForm/yesNo(outcome:)``).
  case mostLikelyOutcome
}
