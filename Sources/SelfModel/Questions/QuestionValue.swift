/// The value of asking the user a yes/no question about a binary belief `H`: how much the
/// answer is expected to reduce our uncertainty, in bits.
///
/// The answer model is an ``AnswerReliability``: `P(yes | H) = s` (sensitivity) and
/// `P(no | not H) = c` (specificity). With prior `π = P(H)`:
///
/// - `P(yes) = π s + (1 - π)(1 - c)`, `P(no) = π (1 - s) + (1 - π) c`
/// - `P(H | yes) = π s / P(yes)`, `P(H | no) = π (1 - s) / P(no)` (undefined when the answer
///   has probability 0)
/// - expected information gain `EIG = I(H; answer) = H(answer) - H(answer | H)
///   = h(P(yes)) - [π h(s) + (1 - π) h(c)]`, which equals the prior entropy `h(π)` minus the
///   expected posterior entropy `P(yes) h(P(H | yes)) + P(no) h(P(H | no))`.
///
/// Here `h` is the binary entropy in bits (`scipy.stats.entropy([p, 1 - p], base=2)`). The gain
/// lies in `0...h(π)`: a question cannot tell us more than we do not know.
///
/// ```swift
/// let value = try QuestionValue(
///   prior: 0.5, answers: try AnswerReliability(sensitivity: 0.9, specificity: 0.9))
/// value.expectedInformationGain  // 0.531 bits
/// value.posteriorIfYes  // 0.9
/// ```
public struct QuestionValue: Sendable, Hashable, Codable {
  /// The prior probability `P(H)` that the belief holds, in `0...1`.
  public let prior: Double
  /// How reliable the user's answer is.
  public let answers: AnswerReliability

  /// Creates the question's value for a belief with the given prior.
  ///
  /// - Parameters:
  ///   - prior: `P(H)` before asking, in `0...1`.
  ///   - answers: The answer model.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` when `prior` is NaN, infinite or
  ///   outside `0...1`.
  public init(prior: Double, answers: AnswerReliability) throws(ModelError) {
    try Information.validateProbability(prior, field: "prior")
    self.prior = prior
    self.answers = answers
  }

  /// The probability that the user answers yes: `π s + (1 - π)(1 - c)`.
  public var probabilityOfYes: Double {
    prior * answers.sensitivity + (1 - prior) * (1 - answers.specificity)
  }

  /// The probability that the user answers no: `π (1 - s) + (1 - π) c`.
  public var probabilityOfNo: Double {
    prior * (1 - answers.sensitivity) + (1 - prior) * answers.specificity
  }

  /// `P(H | yes) = π s / P(yes)`, or `nil` when a yes answer is impossible.
  public var posteriorIfYes: Double? {
    let evidence = probabilityOfYes
    guard evidence > 0 else { return nil }
    return min(1, prior * answers.sensitivity / evidence)
  }

  /// `P(H | no) = π (1 - s) / P(no)`, or `nil` when a no answer is impossible.
  public var posteriorIfNo: Double? {
    let evidence = probabilityOfNo
    guard evidence > 0 else { return nil }
    return min(1, prior * (1 - answers.sensitivity) / evidence)
  }

  /// The entropy of the belief before asking, `h(π)`, in bits.
  public var priorEntropy: Double { Information.binaryEntropy(prior) }

  /// The entropy of the belief after the answer, averaged over the answers,
  /// `P(yes) h(P(H | yes)) + P(no) h(P(H | no))`, in bits. An impossible answer contributes 0.
  public var expectedPosteriorEntropy: Double {
    let yes = probabilityOfYes * Information.binaryEntropy(posteriorIfYes ?? 0)
    let no = probabilityOfNo * Information.binaryEntropy(posteriorIfNo ?? 0)
    return min(max(0, yes + no), priorEntropy)
  }

  /// The expected information gain `I(H; answer) = h(P(yes)) - [π h(s) + (1 - π) h(c)]`, in
  /// bits, in `0...priorEntropy`.
  public var expectedInformationGain: Double {
    let answerEntropy = Information.binaryEntropy(probabilityOfYes)
    let noiseIfTrue = prior * Information.binaryEntropy(answers.sensitivity)
    let noiseIfFalse = (1 - prior) * Information.binaryEntropy(answers.specificity)
    return min(max(0, answerEntropy - noiseIfTrue - noiseIfFalse), priorEntropy)
  }
}
