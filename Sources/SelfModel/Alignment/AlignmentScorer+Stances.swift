extension AlignmentScorer {
  /// A stance's agreement before it is weighted into a report.
  struct Part {
    var agreement: Double
    var chance: Double
    var interval: ClosedRange<Double>
    var confidence: Double
    var signed: Double
    var range: ClosedRange<Double>
  }

  /// The signed agreement `s` of one stance, from plain vectors.
  ///
  /// This is the per-stance formula of ``AlignmentScorer`` on its own, for checking it by hand
  /// or applying it to probabilities that do not come from a ``UserModel``:
  ///
  ///     A = sum_k p_k q_k,  C = sum_k a_k q_k
  ///     s = (A - C) / (max q - C) if A > C;  (A - C) / (C - min q) if A < C;  0 otherwise
  ///
  /// ```swift
  /// try AlignmentScorer.signedAgreement(
  ///   probabilities: [0.8, 0.2], baseRates: [0.5, 0.5], compatibility: [1, 0])  // 0.6
  /// ```
  ///
  /// - Parameters:
  ///   - probabilities: The user's probabilities `p`, a distribution over `K >= 2` outcomes.
  ///   - baseRates: The base rates `a`, a distribution of the same length.
  ///   - compatibility: The stance's `q`, one entry in `0...1` per outcome (`[1, 0]` asserts
  ///     the first outcome, `[0, 1]` denies it).
  /// - Returns: `s`, in `-1...1`.
  /// - Throws: ``ModelError/invalidDistribution(field:reason:)`` for lengths that differ or are
  ///   below 2, or a distribution that does not sum to 1; ``ModelError/nonFiniteNumber(field:)``
  ///   or ``ModelError/numberOutOfRange(field:value:allowed:)`` for an entry that is NaN,
  ///   infinite or outside `0...1`.
  public static func signedAgreement(
    probabilities: [Double], baseRates: [Double], compatibility: [Double]
  ) throws(ModelError) -> Double {
    let count = probabilities.count
    for (field, values) in [("baseRates", baseRates), ("compatibility", compatibility)]
    where values.count != count {
      throw .invalidDistribution(
        field: field, reason: "it has \(values.count) entries but probabilities has \(count)")
    }
    guard count >= 2 else {
      throw .invalidDistribution(field: "probabilities", reason: "it has fewer than 2 entries")
    }
    try Check.distribution(probabilities, field: "probabilities")
    try Check.distribution(baseRates, field: "baseRates")
    for (index, value) in compatibility.enumerated() {
      try Check.unitInterval(value, field: "compatibility[\(index)]")
    }
    let agreement = zip(probabilities, compatibility).reduce(0) { $0 + $1.0 * $1.1 }
    let chance = zip(baseRates, compatibility).reduce(0) { $0 + $1.0 * $1.1 }
    return signed(
      agreement, chance: chance, lowest: compatibility.min() ?? 0,
      highest: compatibility.max() ?? 1)
  }

  /// `(x - C) / (max q - C)` above chance, `(x - C) / (C - min q)` below, clamped to `-1...1`.
  static func signed(_ x: Double, chance: Double, lowest: Double, highest: Double) -> Double {
    if x > chance {
      return highest > chance ? min(1, (x - chance) / (highest - chance)) : 0
    }
    if x < chance {
      return chance > lowest ? max(-1, (x - chance) / (chance - lowest)) : 0
    }
    return 0
  }

  /// The position of outcome `name` within the belief, by a linear scan of its few names.
  @inline(__always)
  private func outcome(named name: String, in summary: Summary) -> Int? {
    for k in 0..<summary.count where outcomeNames[summary.start + k] == name { return k }
    return nil
  }

  /// The agreement of `stance` with the belief `summary` describes. A single-outcome stance
  /// reads the part that ``init(model:at:credibleLevel:)`` computed for that outcome; a
  /// distribution is assessed from its compatibility vector.
  @inline(__always)
  func assess(_ stance: borrowing Stance, _ summary: Summary) throws(ModelError) -> Part {
    switch stance.assertion {
    case .outcome(let name):
      guard let k = outcome(named: name, in: summary) else {
        throw .unknownOutcome(belief: stance.belief, outcome: name)
      }
      return pointParts[2 * (summary.start + k) + (stance.isDenial ? 1 : 0)]
    case .distribution(let masses):
      return try distributionPart(
        masses, isDenial: stance.isDenial, belief: stance.belief, summary)
    case .likelihoodRatio, .jeffrey:
      throw .invalidDistribution(
        field: "assertion of the stance on \(stance.belief)",
        reason: "a stance asserts an outcome or a distribution")
    }
  }

  private func distributionPart(
    _ masses: [String: Double], isDenial: Bool, belief: BeliefKey, _ summary: Summary
  ) throws(ModelError) -> Part {
    var q = Array(repeating: 0.0, count: summary.count)
    for (name, mass) in masses {
      guard let k = outcome(named: name, in: summary) else {
        throw .unknownOutcome(belief: belief, outcome: name)
      }
      q[k] = isDenial ? 1 - mass : mass
    }
    if isDenial {
      for k in q.indices where masses[outcomeNames[summary.start + k]] == nil { q[k] = 1 }
    }
    return try vectorPart(summary, q)
  }

  /// The part of a stance that asserts (or denies) outcome `k` of the belief; the scorer
  /// computes it for every outcome once, when it is made.
  func pointPart(isDenial: Bool, _ summary: Summary, _ k: Int) -> Part {
    var agreement = probabilities[summary.start + k]
    var chance = baseRates[summary.start + k]
    var interval = lower[summary.start + k]...upper[summary.start + k]
    if isDenial {
      agreement = 1 - agreement
      chance = 1 - chance
      interval = (1 - interval.upperBound)...(1 - interval.lowerBound)
    }
    return part(summary, agreement, chance, interval, lowest: 0, highest: 1)
  }

  private func vectorPart(_ summary: Summary, _ q: [Double]) throws(ModelError)
    -> Part
  {
    var agreement = 0.0
    var chance = 0.0
    var second = 0.0
    for k in q.indices {
      agreement += probabilities[summary.start + k] * q[k]
      chance += baseRates[summary.start + k] * q[k]
      second += probabilities[summary.start + k] * q[k] * q[k]
    }
    let lowest = q.min() ?? 0
    let highest = q.max() ?? 1
    let interval: ClosedRange<Double>
    if q.count == 2 {
      let ends = [lower[summary.start], upper[summary.start]].map { q[0] * $0 + q[1] * (1 - $0) }
      interval = min(ends[0], ends[1])...max(ends[0], ends[1])
    } else {
      let variance = max(0, second - agreement * agreement) / (summary.concentration + 1)
      interval = try momentMatchedInterval(
        mean: agreement, variance: variance, lowest: lowest, highest: highest)
    }
    return part(summary, agreement, chance, interval, lowest: lowest, highest: highest)
  }

  private func part(
    _ summary: Summary, _ agreement: Double, _ chance: Double,
    _ interval: ClosedRange<Double>, lowest: Double, highest: Double
  ) -> Part {
    let s = Self.signed(agreement, chance: chance, lowest: lowest, highest: highest)
    let low = Self.signed(interval.lowerBound, chance: chance, lowest: lowest, highest: highest)
    let high = Self.signed(interval.upperBound, chance: chance, lowest: lowest, highest: highest)
    return Part(
      agreement: agreement, chance: chance, interval: interval,
      confidence: summary.confidence, signed: s, range: min(low, s)...max(high, s))
  }

  /// The credible interval of a quantity in `lowest...highest` with the given mean and
  /// variance, from the Beta with the same first two moments after rescaling to `0...1`.
  private func momentMatchedInterval(
    mean: Double, variance: Double, lowest: Double, highest: Double
  ) throws(ModelError) -> ClosedRange<Double> {
    let width = highest - lowest
    guard width > 0, variance > 0 else { return mean...mean }
    let m = min(max((mean - lowest) / width, 1e-12), 1 - 1e-12)
    let v = variance / (width * width)
    let concentration = m * (1 - m) / v - 1
    guard concentration > 0 else { return lowest...highest }
    let unit = try BetaDistribution(alpha: m * concentration, beta: (1 - m) * concentration)
      .equalTailedInterval(level: credibleLevel)
    return (lowest + width * unit.lowerBound)...(lowest + width * unit.upperBound)
  }
}
