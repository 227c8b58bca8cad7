public import Foundation

/// The question worth asking the user next: beliefs ranked by the expected information gain
/// (in bits) of asking about them, given how reliable the user's answers are, times importance.
///
/// For a belief `B` with probabilities `p` and a question whose answer `A` passes through a
/// noisy channel, the gain is the mutual information `I(B; A) = H(A) - H(A | B)` in bits:
///
/// - Yes/no about outcome `m` with `π = p_m`: exactly ``QuestionValue``'s
///   `h(π s + (1 - π)(1 - c)) - [π h(s) + (1 - π) h(c)]`.
/// - Which outcome, with `ρ = (s + c) / 2` and `K` outcomes:
///   `P(A = j) = ρ p_j + (1 - ρ)(1 - p_j) / (K - 1)`,
///   `I = H(P(A)) - [-ρ log2 ρ - (1 - ρ) log2((1 - ρ) / (K - 1))]`.
///   For `K = 2` and `s = c` this equals the yes/no gain.
///
/// `value = importance * gain`. The ranking is by value (highest first), then gain, then key.
///
/// A dynamic belief (``BeliefKind/dynamic(_:)``) is asked through its own answer model, not
/// `answers`: sensitivity `1 - slip`, specificity `1 - guess`, with `π` its mastery, so the gain
/// is `I(L; A) = h(P(correct)) - [π h(slip) + (1 - π) h(guess)]`.
///
/// ```swift
/// let answers = try AnswerReliability(sensitivity: 0.9, specificity: 0.85)
/// let next = try NextQuestion.rank(model, at: now, answers: answers,
///                                  importance: ["preference.tone": 2])
/// next.first?.belief  // ask about this
/// next.first?.expectedInformationGain  // bits
/// ```
public struct NextQuestion: Sendable, Hashable, Codable {
  /// The belief to ask about.
  public let belief: BeliefKey
  /// The question's form.
  public let form: QuestionForm
  /// The belief's probabilities before asking.
  public let probabilities: [Double]
  /// The expected information gain `I(B; A)` in bits.
  public let expectedInformationGain: Double
  /// The belief's importance.
  public let importance: Double
  /// `importance * expectedInformationGain`.
  public let value: Double

  /// Creates a ranked question from its parts; ``rank(_:in:at:answers:importance:defaultImportance:categoricalStyle:)`` is the
  /// usual maker.
  ///
  /// ```swift
  /// let question = NextQuestion(
  ///   belief: "preference.concise", form: .yesNo(outcome: "true"), probabilities: [0.5, 0.5],
  ///   expectedInformationGain: 0.53, importance: 1)
  /// ```
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - form: The question's form.
  ///   - probabilities: The belief's probabilities.
  ///   - expectedInformationGain: The gain in bits.
  ///   - importance: The importance.
  public init(
    belief: BeliefKey, form: QuestionForm, probabilities: [Double],
    expectedInformationGain: Double, importance: Double
  ) {
    self.belief = belief
    self.form = form
    self.probabilities = probabilities
    self.expectedInformationGain = expectedInformationGain
    self.importance = importance
    self.value = importance * expectedInformationGain
  }

  /// Ranks every declared belief of `model` by the value of asking about it at `now`.
  ///
  /// ```swift
  /// let next = try NextQuestion.rank(model, at: now, answers: .perfect)
  /// ```
  ///
  /// - Parameters:
  ///   - model: The user's model.
  ///   - context: The context to ask in (``UserModel/estimates(beliefs:in:at:)``: beliefs that list
  ///     it start from its prior, the others from their own), or `nil` (default).
  ///   - now: The moment to evaluate the beliefs at.
  ///   - answers: How reliable the user's answers are.
  ///   - importance: Importance per belief, each finite and `>= 0`; keys must be declared.
  ///   - defaultImportance: The importance of beliefs not in `importance` (default 1).
  ///   - categoricalStyle: How to ask about beliefs with more than two outcomes (default
  ///     ``CategoricalQuestionStyle/whichOutcome``).
  /// - Returns: One question per declared belief, most valuable first.
  /// - Throws: ``ModelError/unknownBelief(_:)`` for an importance key the model does not
  ///   declare; ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad importance or `now`;
  ///   ``ModelError/unknownContext(belief:context:)`` when no belief lists `context`.
  public static func rank(
    _ model: UserModel, in context: ContextID? = nil, at now: Date, answers: AnswerReliability,
    importance: [BeliefKey: Double] = [:], defaultImportance: Double = 1,
    categoricalStyle: CategoricalQuestionStyle = .whichOutcome
  ) throws(ModelError) -> [NextQuestion] {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    try validate(importance, defaultImportance: defaultImportance, model: model)
    let questions = try model.estimates(beliefs: nil, in: context, at: now).map { estimate in
      question(
        estimate, answers: answers, importance: importance[estimate.key] ?? defaultImportance,
        style: categoricalStyle)
    }
    return questions.sorted {
      if $0.value != $1.value { return $0.value > $1.value }
      if $0.expectedInformationGain != $1.expectedInformationGain {
        return $0.expectedInformationGain > $1.expectedInformationGain
      }
      return $0.belief < $1.belief
    }
  }

  private static func validate(
    _ importance: [BeliefKey: Double], defaultImportance: Double, model: UserModel
  ) throws(ModelError) {
    var entries = importance.sorted { $0.key < $1.key }.map { ("importance[\($0.key)]", $0.value) }
    entries.append(("defaultImportance", defaultImportance))
    for (field, value) in entries {
      try Check.finite(value, field: field)
      guard value >= 0 else { throw .numberOutOfRange(field: field, value: value, allowed: ">= 0") }
    }
    for key in importance.keys.sorted() where model.definition(for: key) == nil {
      throw .unknownBelief(key)
    }
  }

  private static func question(
    _ estimate: BeliefEstimate, answers: AnswerReliability, importance: Double,
    style: CategoricalQuestionStyle
  ) -> NextQuestion {
    let p = estimate.probabilities
    let form: QuestionForm
    let gain: Double
    if p.count > 2 && style == .whichOutcome {
      form = .whichOutcome
      gain = whichOutcomeGain(p, accuracy: (answers.sensitivity + answers.specificity) / 2)
    } else {
      let asked = p.count == 2 ? 0 : (p.indices.max { p[$0] < p[$1] } ?? 0)
      form = .yesNo(outcome: estimate.outcomes[asked])
      let prior = min(max(p[asked], 0), 1)
      let channel = estimate.mastery.flatMap(\.answerReliability) ?? answers
      gain = (try? QuestionValue(prior: prior, answers: channel))?.expectedInformationGain ?? 0
    }
    return NextQuestion(
      belief: estimate.key, form: form, probabilities: p, expectedInformationGain: gain,
      importance: importance)
  }

  /// `I(B; A)` in bits for the symmetric channel with accuracy `ρ` over `K = p.count` outcomes.
  static func whichOutcomeGain(_ p: [Double], accuracy rho: Double) -> Double {
    let k = Double(p.count)
    let wrong = (1 - rho) / (k - 1)
    var answerEntropy = 0.0
    for value in p {
      let answer = rho * value + wrong * (1 - value)
      if answer > 0 { answerEntropy -= answer * log2(answer) }
    }
    var noise = 0.0
    if rho > 0 { noise -= rho * log2(rho) }
    if wrong > 0 { noise -= (1 - rho) * log2(wrong) }
    return min(max(0, answerEntropy - noise), log2(k))
  }
}
