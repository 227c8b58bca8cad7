/// Bayesian knowledge tracing (Corbett and Anderson 1995; pyBKT's forward pass): a hidden
/// binary "knows it" state that can be learnt and forgotten between observations, seen through
/// answers that slip or guess, filtered exactly.
///
/// One step is one observation (pyBKT's convention). With `P(L_t)` the probability of mastery
/// before observation `t`:
///
///     P(correct_t)      = P(L_t) (1 - slip) + (1 - P(L_t)) guess
///     P(L_t | correct)  = P(L_t) (1 - slip) / P(correct_t)
///     P(L_t | wrong)    = P(L_t) slip / (1 - P(correct_t))
///     P(L_{t+1})        = P(L_t | obs_t) (1 - forget) + (1 - P(L_t | obs_t)) learn
///
/// starting from `P(L_1) = prior`. A dynamic belief of a ``UserModel``
/// (``BeliefKind/dynamic(_:)``) runs this filter over its evidence (see `Docs/Math.md`).
///
/// ```swift
/// let parameters = try KnowledgeTracing.Parameters(
///   prior: 0.3, learn: 0.1, forget: 0, guess: 0.2, slip: 0.1)
/// let steps = KnowledgeTracing.filter([true, false, true], parameters: parameters)
/// steps.last?.masteryNext
/// ```
public enum KnowledgeTracing {
  /// The five parameters of the model.
  public struct Parameters: Sendable, Hashable, Codable {
    /// `P(L_1)`: mastery before the first observation.
    public let prior: Double
    /// `P(L_{t+1} | not L_t)`: learning between two observations.
    public let learn: Double
    /// `P(not L_{t+1} | L_t)`: forgetting between two observations.
    public let forget: Double
    /// `P(correct | not L)`.
    public let guess: Double
    /// `P(wrong | L)`.
    public let slip: Double

    /// Creates parameters after checking them.
    ///
    /// - Parameters:
    ///   - prior: In `0...1`.
    ///   - learn: In `0...1`.
    ///   - forget: In `0...1`.
    ///   - guess: Strictly between 0 and 1 (pyBKT keeps emissions inside (0, 1)).
    ///   - slip: Strictly between 0 and 1.
    /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
    ///   ``ModelError/numberOutOfRange(field:value:allowed:)``.
    public init(prior: Double, learn: Double, forget: Double, guess: Double, slip: Double)
      throws(ModelError)
    {
      for (field, value) in [("prior", prior), ("learn", learn), ("forget", forget)] {
        try Check.unitInterval(value, field: field)
      }
      for (field, value) in [("guess", guess), ("slip", slip)] {
        try Check.unitInterval(value, field: field)
        guard value > 0, value < 1 else {
          throw .numberOutOfRange(field: field, value: value, allowed: "strictly between 0 and 1")
        }
      }
      self.prior = prior
      self.learn = learn
      self.forget = forget
      self.guess = guess
      self.slip = slip
    }

    private enum CodingKeys: String, CodingKey {
      case prior, learn, forget, guess, slip
    }

    /// Decodes parameters and validates them like
    /// ``init(prior:learn:forget:guess:slip:)``.
    ///
    /// - Throws: A `DecodingError`; a value out of range is `dataCorrupted` with the
    ///   ``ModelError`` as underlying error.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let values = try [CodingKeys.prior, .learn, .forget, .guess, .slip].map {
        try container.decode(Double.self, forKey: $0)
      }
      self = try DecodingError.validating(decoder) {
        try Self(
          prior: values[0], learn: values[1], forget: values[2], guess: values[3],
          slip: values[4])
      }
    }
  }

  /// What the filter knew at one observation.
  public struct Step: Sendable, Hashable, Codable {
    /// `P(L_t | observations before t)`.
    public let masteryBefore: Double
    /// `P(correct_t | observations before t)`: the prediction of this answer.
    public let correctProbability: Double
    /// `P(L_t | observations up to t)`.
    public let masteryAfterObservation: Double
    /// `P(L_{t+1} | observations up to t)`: mastery before the next observation.
    public let masteryNext: Double
  }

  /// Filters a sequence of answers, one step per answer.
  ///
  /// - Parameters:
  ///   - observations: The answers in time order, `true` for correct.
  ///   - parameters: The model.
  /// - Returns: One step per observation; the last `masteryNext` is the current mastery
  ///   (`parameters.prior` when there are no observations).
  public static func filter(_ observations: [Bool], parameters: Parameters) -> [Step] {
    var mastery = parameters.prior
    var steps: [Step] = []
    steps.reserveCapacity(observations.count)
    for correct in observations {
      let step = self.step(from: mastery, correct: correct, parameters: parameters)
      steps.append(step)
      mastery = step.masteryNext
    }
    return steps
  }

  /// One step of the filter from mastery `before`.
  ///
  /// - Parameters:
  ///   - before: `P(L_t)`.
  ///   - correct: The answer.
  ///   - parameters: The model.
  /// - Returns: The step.
  public static func step(from before: Double, correct: Bool, parameters: Parameters) -> Step {
    let predicted = before * (1 - parameters.slip) + (1 - before) * parameters.guess
    let after =
      correct
      ? before * (1 - parameters.slip) / predicted
      : before * parameters.slip / (1 - predicted)
    return Step(
      masteryBefore: before, correctProbability: predicted, masteryAfterObservation: after,
      masteryNext: after * (1 - parameters.forget) + (1 - after) * parameters.learn)
  }
}
