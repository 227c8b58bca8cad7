import Foundation

/// Fits the five ``KnowledgeTracing/Parameters`` of one skill to many answer sequences by
/// expectation-maximisation (Baum-Welch): an exact, scaled forward-backward pass gives each
/// sequence's expected state occupancies and transitions, and the M-step sets every parameter
/// to its expected frequency, clamped to ``Options/transitionBounds`` or
/// ``Options/emissionBounds``. One step is one observation, as in ``KnowledgeTracing``.
///
/// EM climbs to a local optimum of the likelihood, so the fit starts from
/// ``Options/restarts`` points (the first fixed, the others drawn from a seeded SplitMix64 in
/// pyBKT's ranges) and keeps the one with the highest log-likelihood: the same input and
/// options give the same result on every platform.
///
/// ```swift
/// let fit = try KnowledgeTracingFit.fit([[false, true, true], [true, true], [false, false, true]])
/// fit.parameters.learn
/// fit.logLikelihood
/// ```
public enum KnowledgeTracingFit {
  /// How to fit.
  public struct Options: Sendable, Hashable, Codable {
    /// Whether forgetting is fitted; when `false` it is fixed at 0 (pyBKT's default).
    public var fitsForget: Bool
    /// The number of starting points, at least 1.
    public var restarts: Int
    /// The seed of the generator that draws the starting points after the first.
    public var seed: UInt64
    /// The most EM iterations per start, at least 1.
    public var maximumIterations: Int
    /// A start stops when an iteration raises the total log-likelihood by less than this
    /// many nats per observation (positive).
    public var tolerance: Double
    /// Where prior, learn and forget are kept (forget is 0 when not fitted).
    public var transitionBounds: ClosedRange<Double>
    /// Where guess and slip are kept. An upper bound of at most 0.5 (the default) keeps
    /// "mastered" the state more likely to answer correctly, which removes the label swap.
    public var emissionBounds: ClosedRange<Double>

    /// Creates options; the defaults are the ones `Docs/Evaluation.md` pre-registers.
    ///
    /// - Parameters:
    ///   - fitsForget: Fit forgetting (default) or fix it at 0.
    ///   - restarts: Starting points (default 5).
    ///   - seed: The seed of the later starting points (default 20130201).
    ///   - maximumIterations: Iterations per start (default 200).
    ///   - tolerance: Nats per observation (default 1e-6).
    ///   - transitionBounds: Default `1e-6...(1 - 1e-6)`.
    ///   - emissionBounds: Default `1e-6...0.5`.
    public init(
      fitsForget: Bool = true, restarts: Int = 5, seed: UInt64 = 20_130_201,
      maximumIterations: Int = 200, tolerance: Double = 1e-6,
      transitionBounds: ClosedRange<Double> = 1e-6...(1 - 1e-6),
      emissionBounds: ClosedRange<Double> = 1e-6...0.5
    ) {
      self.fitsForget = fitsForget
      self.restarts = restarts
      self.seed = seed
      self.maximumIterations = maximumIterations
      self.tolerance = tolerance
      self.transitionBounds = transitionBounds
      self.emissionBounds = emissionBounds
    }
  }

  /// A fitted model and how it was reached.
  public struct Result: Sendable, Hashable, Codable {
    /// The fitted parameters.
    public let parameters: KnowledgeTracing.Parameters
    /// The total log-likelihood (nats) of every sequence at ``parameters``.
    public let logLikelihood: Double
    /// The number of observations fitted.
    public let observations: Int
    /// The index of the start that won (0 is the fixed one).
    public let start: Int
    /// The EM iterations the winning start took.
    public let iterations: Int
    /// Whether the winning start met the tolerance before ``Options/maximumIterations``.
    public let converged: Bool
  }

  /// Fits one skill's parameters to `sequences`.
  ///
  /// - Parameters:
  ///   - sequences: One sequence of answers per student, each in time order, `true` for
  ///     correct. Empty sequences are ignored.
  ///   - options: How to fit.
  /// - Returns: The start with the highest log-likelihood (ties to the earlier start).
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` for invalid options;
  ///   ``ModelError/undefined(quantity:reason:)`` when there are no observations or every
  ///   answer is the same (guess and slip cannot then be told apart).
  public static func fit(_ sequences: [[Bool]], options: Options = Options()) throws(ModelError)
    -> Result
  {
    try check(options)
    let sequences = sequences.filter { !$0.isEmpty }
    let observations = sequences.reduce(0) { $0 + $1.count }
    let correct = sequences.reduce(0) { $0 + $1.filter { $0 }.count }
    guard observations > 0 else {
      throw .undefined(quantity: "knowledge-tracing fit", reason: "there are no observations")
    }
    guard correct > 0, correct < observations else {
      throw .undefined(
        quantity: "knowledge-tracing fit",
        reason:
          "every answer is \(correct > 0 ? "correct" : "wrong"); guess and slip cannot be told apart"
      )
    }
    var best: Result?
    for (index, start) in try starts(options).enumerated() {
      let result = try climb(sequences, from: start, index: index, options: options)
      if best.map({ result.logLikelihood > $0.logLikelihood }) ?? true { best = result }
    }
    guard let best else { throw .undefined(quantity: "knowledge-tracing fit", reason: "no start") }
    return best
  }

  /// The total log-likelihood (nats) of `sequences` under `parameters`, summed over every
  /// observation's `log P(answer | earlier answers)`.
  ///
  /// - Parameters:
  ///   - sequences: Answer sequences, each in time order.
  ///   - parameters: The model.
  /// - Returns: The log-likelihood (0 for no observations).
  public static func logLikelihood(
    _ sequences: [[Bool]], parameters: KnowledgeTracing.Parameters
  ) -> Double {
    var counts = ExpectedCounts()
    var buffer: [Double] = []
    for (sequence, weight) in distinct(sequences) {
      accumulate(sequence, weight: weight, parameters, into: &counts, buffer: &buffer) { _, _ in }
    }
    return counts.logLikelihood
  }

  /// The smoothed mastery of every step, `P(L_t | every answer of the sequence)`, by the
  /// scaled forward-backward pass the fit uses.
  ///
  /// - Parameters:
  ///   - sequence: The answers in time order.
  ///   - parameters: The model.
  /// - Returns: One probability per answer.
  public static func smoothedMastery(
    _ sequence: [Bool], parameters: KnowledgeTracing.Parameters
  ) -> [Double] {
    var mastery = [Double](repeating: 0, count: sequence.count)
    var counts = ExpectedCounts()
    var buffer: [Double] = []
    accumulate(sequence, parameters, into: &counts, buffer: &buffer) { t, gamma in
      mastery[t] = gamma
    }
    return mastery
  }

  /// Runs EM from one start until the tolerance or the iteration limit.
  private static func climb(
    _ sequences: [[Bool]], from start: KnowledgeTracing.Parameters, index: Int, options: Options
  ) throws(ModelError) -> Result {
    let observations = sequences.reduce(0) { $0 + $1.count }
    let distinct = distinct(sequences)
    var buffer: [Double] = []
    var parameters = start
    var previous = -Double.infinity
    for iteration in 1...options.maximumIterations {
      var counts = ExpectedCounts()
      for (sequence, weight) in distinct {
        accumulate(sequence, weight: weight, parameters, into: &counts, buffer: &buffer) { _, _ in }
      }
      if counts.logLikelihood - previous < options.tolerance * Double(observations) {
        return Result(
          parameters: parameters, logLikelihood: counts.logLikelihood, observations: observations,
          start: index, iterations: iteration - 1, converged: true)
      }
      previous = counts.logLikelihood
      parameters = try counts.maximised(from: parameters, options: options)
    }
    return Result(
      parameters: parameters, logLikelihood: logLikelihood(sequences, parameters: parameters),
      observations: observations, start: index, iterations: options.maximumIterations,
      converged: false)
  }

  /// The first start fixed, the others drawn from SplitMix64 in pyBKT's ranges, all clamped.
  private static func starts(_ options: Options) throws(ModelError) -> [KnowledgeTracing.Parameters]
  {
    var state = options.seed
    func uniform() -> Double {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Double((z ^ (z >> 31)) >> 11) * 0x1p-53
    }
    var values: [[Double]] = [[0.5, 0.1, 0.05, 0.2, 0.1]]
    for _ in 1..<options.restarts {
      values.append([uniform(), 0.4 * uniform(), 0.2 * uniform(), 0.4 * uniform(), 0.3 * uniform()])
    }
    return try values.map { value throws(ModelError) in
      let t = options.transitionBounds
      let e = options.emissionBounds
      return try KnowledgeTracing.Parameters(
        prior: clamp(value[0], t), learn: clamp(value[1], t),
        forget: options.fitsForget ? clamp(value[2], t) : 0,
        guess: clamp(value[3], e), slip: clamp(value[4], e))
    }
  }

  private static func check(_ options: Options) throws(ModelError) {
    guard options.restarts >= 1 else {
      throw .numberOutOfRange(field: "restarts", value: Double(options.restarts), allowed: ">= 1")
    }
    guard options.maximumIterations >= 1 else {
      throw .numberOutOfRange(
        field: "maximumIterations", value: Double(options.maximumIterations), allowed: ">= 1")
    }
    guard options.tolerance > 0, options.tolerance.isFinite else {
      throw .numberOutOfRange(field: "tolerance", value: options.tolerance, allowed: "> 0")
    }
    for (field, bounds) in [
      ("transitionBounds", options.transitionBounds), ("emissionBounds", options.emissionBounds),
    ] where !(bounds.lowerBound > 0 && bounds.upperBound < 1) {
      throw .numberOutOfRange(field: field, value: bounds.upperBound, allowed: "inside (0, 1)")
    }
  }
}
