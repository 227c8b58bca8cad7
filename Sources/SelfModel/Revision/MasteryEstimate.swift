/// What a dynamic belief's estimate knows beyond its probability: the knowledge-tracing
/// filter's state after the belief's last answer (see ``BeliefKind/dynamic(_:)``).
///
/// `mastery` is `P(L_{n+1})`, the probability that the user has mastered the belief before
/// the next answer, and it is the estimate's probability of ``BeliefDefinition/trueOutcome``.
/// One step of the filter is one answer (evidence item), not a unit of time: the mastery does
/// not move while no answer arrives.
///
/// ```swift
/// let estimate = try model.estimate(for: "skill.fractions", at: now)
/// estimate.mastery?.mastery             // P(knows it)
/// estimate.mastery?.correctProbability  // P(the next answer is right)
/// ```
public struct MasteryEstimate: Sendable, Hashable, Codable {
  /// The parameters the filter ran with.
  public let parameters: KnowledgeTracing.Parameters
  /// `P(L_{n+1} | answers 1...n)`.
  public let mastery: Double
  /// `P(the next answer is right) = mastery (1 - slip) + (1 - mastery) guess`.
  public let correctProbability: Double
  /// `n`, the number of answers filtered.
  public let answerCount: Int

  /// Creates a mastery estimate.
  ///
  /// - Parameters:
  ///   - parameters: The model's parameters.
  ///   - mastery: The mastery before the next answer.
  ///   - answerCount: The number of answers filtered.
  public init(parameters: KnowledgeTracing.Parameters, mastery: Double, answerCount: Int) {
    self.parameters = parameters
    self.mastery = mastery
    self.answerCount = answerCount
    correctProbability = mastery * (1 - parameters.slip) + (1 - mastery) * parameters.guess
  }

  /// The filter's answer model as a question channel: sensitivity `1 - slip`, specificity
  /// `1 - guess` (what ``NextQuestion`` asks a dynamic belief through).
  public var answerReliability: AnswerReliability? {
    try? AnswerReliability(sensitivity: 1 - parameters.slip, specificity: 1 - parameters.guess)
  }
}
