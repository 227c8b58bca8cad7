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

  /// The distinct sequences of `sequences` with how many times each occurs, in a fixed order
  /// (shorter first, then lexicographic) so that sums do not depend on hashing.
  static func distinct(_ sequences: [[Bool]]) -> [(sequence: [Bool], weight: Double)] {
    var counts: [[Bool]: Double] = [:]
    for sequence in sequences where !sequence.isEmpty { counts[sequence, default: 0] += 1 }
    return counts.sorted { left, right in
      left.key.count != right.key.count
        ? left.key.count < right.key.count
        : left.key.lexicographicallyPrecedes(right.key) { !$0 && $1 }
    }.map { ($0.key, $0.value) }
  }

  /// The E-step of one sequence counted `weight` times: the scaled forward pass (the filter's
  /// steps), then the scaled backward pass, adding the expected occupancies and transitions to
  /// `counts` and reporting each step's smoothed mastery `gamma_t(L)` to `smoothed`.
  ///
  /// With `a_t` the filtered distribution, `c_t = P(o_t | o_<t)` and `b_T = (1, 1)`:
  /// `b_t(r) = sum_s A(r, s) e_s(o_{t+1}) b_{t+1}(s) / c_{t+1}`, `gamma_t = a_t b_t`, and
  /// `xi_t(r, s) = a_t(r) A(r, s) e_s(o_{t+1}) b_{t+1}(s) / c_{t+1}`.
  static func accumulate(
    _ sequence: [Bool], weight: Double = 1, _ parameters: KnowledgeTracing.Parameters,
    into counts: inout ExpectedCounts, buffer: inout [Double], smoothed: (Int, Double) -> Void
  ) {
    guard !sequence.isEmpty else { return }
    let n = sequence.count
    if buffer.count < 2 * n { buffer = [Double](repeating: 0, count: 2 * n) }
    var mastery = parameters.prior
    var logLikelihood = 0.0
    for t in 0..<n {
      let step = KnowledgeTracing.step(from: mastery, correct: sequence[t], parameters: parameters)
      buffer[t] = step.masteryAfterObservation
      buffer[n + t] = sequence[t] ? step.correctProbability : 1 - step.correctProbability
      logLikelihood += log(buffer[n + t])
      mastery = step.masteryNext
    }
    var backward = (unmastered: 1.0, mastered: 1.0)
    for t in stride(from: n - 1, through: 0, by: -1) {
      let alpha = buffer[t]
      if t + 1 < n {
        let (e0, e1) = emissions(sequence[t + 1], parameters)
        let w0 = e0 * backward.unmastered / buffer[n + t + 1]
        let w1 = e1 * backward.mastered / buffer[n + t + 1]
        counts.learnt += weight * (1 - alpha) * parameters.learn * w1
        counts.forgot += weight * alpha * parameters.forget * w0
        backward = (
          (1 - parameters.learn) * w0 + parameters.learn * w1,
          parameters.forget * w0 + (1 - parameters.forget) * w1
        )
      }
      let gamma = alpha * backward.mastered
      counts.add(gamma, weight: weight, correct: sequence[t], isFirst: t == 0, isLast: t + 1 == n)
      smoothed(t, gamma)
    }
    counts.sequences += weight
    counts.logLikelihood += weight * logLikelihood
  }

  /// `value` moved into `bounds`.
  static func clamp(_ value: Double, _ bounds: ClosedRange<Double>) -> Double {
    min(max(value, bounds.lowerBound), bounds.upperBound)
  }

  /// `P(answer | not L)` and `P(answer | L)`.
  private static func emissions(_ correct: Bool, _ parameters: KnowledgeTracing.Parameters)
    -> (Double, Double)
  {
    correct ? (parameters.guess, 1 - parameters.slip) : (1 - parameters.guess, parameters.slip)
  }
}

extension KnowledgeTracingFit.ExpectedCounts {
  /// Adds one step's smoothed mastery `gamma`, counted `weight` times.
  fileprivate mutating func add(
    _ gamma: Double, weight: Double, correct: Bool, isFirst: Bool, isLast: Bool
  ) {
    let (off, on) = (weight * (1 - gamma), weight * gamma)
    if !isLast {
      unmasteredBeforeStep += off
      masteredBeforeStep += on
    }
    unmastered += off
    mastered += on
    if correct { guessed += off } else { slipped += on }
    if isFirst { startMastered += on }
  }
}
