import Foundation

extension KnowledgeTracingFit {
  /// The expected sufficient statistics of one E-step, summed over sequences.
  struct ExpectedCounts {
    /// Sequences, and the expected number that start mastered.
    var sequences = 0.0
    var startMastered = 0.0
    /// Expected unmastered steps followed by another step, and how many of them learn.
    var unmasteredBeforeStep = 0.0
    var learnt = 0.0
    /// Expected mastered steps followed by another step, and how many of them forget.
    var masteredBeforeStep = 0.0
    var forgot = 0.0
    /// Expected unmastered answers, and how many of them are correct (guesses).
    var unmastered = 0.0
    var guessed = 0.0
    /// Expected mastered answers, and how many of them are wrong (slips).
    var mastered = 0.0
    var slipped = 0.0
    /// The log-likelihood of the sequences at the parameters of the E-step.
    var logLikelihood = 0.0

    /// The M-step: each parameter its expected frequency, clamped; a parameter with no
    /// expected opportunity keeps its value.
    func maximised(from current: KnowledgeTracing.Parameters, options: Options) throws(ModelError)
      -> KnowledgeTracing.Parameters
    {
      func ratio(_ part: Double, _ whole: Double, _ fallback: Double, _ bounds: ClosedRange<Double>)
        -> Double
      {
        KnowledgeTracingFit.clamp(whole > 0 ? part / whole : fallback, bounds)
      }
      let t = options.transitionBounds
      let e = options.emissionBounds
      return try KnowledgeTracing.Parameters(
        prior: ratio(startMastered, sequences, current.prior, t),
        learn: ratio(learnt, unmasteredBeforeStep, current.learn, t),
        forget: options.fitsForget ? ratio(forgot, masteredBeforeStep, current.forget, t) : 0,
        guess: ratio(guessed, unmastered, current.guess, e),
        slip: ratio(slipped, mastered, current.slip, e))
    }
  }

  /// The scaled forward pass: `P(L_t | answers up to t)` and `c_t = P(answer_t | earlier)`.
  static func forward(_ sequence: [Bool], _ parameters: KnowledgeTracing.Parameters)
    -> (filtered: [Double], scales: [Double])
  {
    let steps = KnowledgeTracing.filter(sequence, parameters: parameters)
    return (
      steps.map(\.masteryAfterObservation),
      zip(sequence, steps).map { $0 ? $1.correctProbability : 1 - $1.correctProbability }
    )
  }

  /// The E-step of one sequence: the scaled backward pass over the forward pass, adding the
  /// expected occupancies and transitions to `counts` and reporting each step's smoothed
  /// mastery `gamma_t(L)` to `smoothed`.
  ///
  /// With `a_t` the filtered distribution, `c_t` the scales and `b_T = (1, 1)`:
  /// `b_t(r) = sum_s A(r, s) e_s(o_{t+1}) b_{t+1}(s) / c_{t+1}`, `gamma_t = a_t b_t`, and
  /// `xi_t(r, s) = a_t(r) A(r, s) e_s(o_{t+1}) b_{t+1}(s) / c_{t+1}`.
  static func accumulate(
    _ sequence: [Bool], _ parameters: KnowledgeTracing.Parameters, into counts: ExpectedCounts,
    smoothed: (Int, Double) -> Void
  ) -> ExpectedCounts {
    guard !sequence.isEmpty else { return counts }
    var counts = counts
    let (filtered, scales) = forward(sequence, parameters)
    let transition = [
      [1 - parameters.learn, parameters.learn], [parameters.forget, 1 - parameters.forget],
    ]
    var backward = [1.0, 1.0]
    for t in stride(from: sequence.count - 1, through: 0, by: -1) {
      let alpha = [1 - filtered[t], filtered[t]]
      if t + 1 < sequence.count {
        let next = emissions(sequence[t + 1], parameters)
        let weighted = [next[0] * backward[0], next[1] * backward[1]].map { $0 / scales[t + 1] }
        counts.learnt += alpha[0] * transition[0][1] * weighted[1]
        counts.forgot += alpha[1] * transition[1][0] * weighted[0]
        backward = transition.map { $0[0] * weighted[0] + $0[1] * weighted[1] }
      }
      let gamma = alpha[1] * backward[1]
      counts.add(
        gamma: gamma, correct: sequence[t], isFirst: t == 0, isLast: t + 1 == sequence.count)
      smoothed(t, gamma)
    }
    counts.sequences += 1
    counts.logLikelihood += scales.reduce(0) { $0 + log($1) }
    return counts
  }

  /// `value` moved into `bounds`.
  static func clamp(_ value: Double, _ bounds: ClosedRange<Double>) -> Double {
    min(max(value, bounds.lowerBound), bounds.upperBound)
  }

  /// `P(answer | not L)` and `P(answer | L)`.
  private static func emissions(_ correct: Bool, _ parameters: KnowledgeTracing.Parameters)
    -> [Double]
  {
    correct
      ? [parameters.guess, 1 - parameters.slip] : [1 - parameters.guess, parameters.slip]
  }
}

extension KnowledgeTracingFit.ExpectedCounts {
  /// Adds one step's smoothed mastery `gamma`.
  fileprivate mutating func add(gamma: Double, correct: Bool, isFirst: Bool, isLast: Bool) {
    if !isLast {
      unmasteredBeforeStep += 1 - gamma
      masteredBeforeStep += gamma
    }
    unmastered += 1 - gamma
    mastered += gamma
    if correct { guessed += 1 - gamma } else { slipped += gamma }
    if isFirst { startMastered += gamma }
  }
}
