public import Foundation

/// Scores and ranks candidates against one user's model at one moment.
///
/// The scorer evaluates every belief once when it is created (probabilities, base rates,
/// evidence share and the credible interval of each outcome) and indexes them by a hash each
/// ``Stance`` computes when it is made, so scoring a stance costs one table probe and a few
/// multiplications. Create one scorer per model and moment, then score or rank as many
/// candidates as you like.
///
/// **The formula.** For a stance with compatibility vector `q` (see ``Stance``) about a belief
/// with posterior `p`, base rates `a`, evidence `T` and prior weight `W`:
///
///     A = sum_k p_k q_k,   C = sum_k a_k q_k
///     s = (A - C) / (max q - C) if A > C;  (A - C) / (C - min q) if A < C;  0 otherwise
///       = (T / (T + W)) * ŝ     (ŝ: the same formula on the evidence frequencies t_k / T)
///     score = sum_known w_i s_i / sum_known w_i
///
/// `s` is the agreement above (or below) chance as a fraction of the most that is possible on
/// that side, so 0 means "no information either way" and the sign flips exactly when a stance
/// is negated. See ``AlignmentReport`` for the range and coverage and `Docs/Alignment.md` for a
/// worked example.
///
/// ```swift
/// let scorer = try AlignmentScorer(model: model, at: now)
/// let ranking = try scorer.rank([replyA, replyB, replyC])
/// ranking[0].candidate.label  // the best-aligned reply
/// ```
public struct AlignmentScorer: Sendable {
  /// One belief, evaluated once.
  struct Summary: Sendable {
    var outcomes: [String]
    var probabilities: [Double]
    var baseRates: [Double]
    var lower: [Double]
    var upper: [Double]
    var confidence: Double
    var concentration: Double
  }

  /// The moment the model is evaluated at.
  public let evaluatedAt: Date
  /// The probability mass of the credible intervals behind ``AlignmentReport/range``.
  public let credibleLevel: Double
  let summaries: [Summary]
  let table: BeliefKeyTable

  /// Evaluates every belief of `model` at `now`, ready to score candidates.
  ///
  /// Runs in `O(B K)` time for `B` beliefs of `K` outcomes (two Beta quantiles per outcome).
  ///
  /// ```swift
  /// let scorer = try AlignmentScorer(model: model, at: now, credibleLevel: 0.9)
  /// ```
  ///
  /// - Parameters:
  ///   - model: The user's model.
  ///   - now: The moment to evaluate decay at.
  ///   - credibleLevel: The mass of the credible intervals, in `(0, 1)` (default 0.95).
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad level or `now`.
  public init(model: UserModel, at now: Date, credibleLevel: Double = 0.95) throws(ModelError) {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    try Check.finite(credibleLevel, field: "credibleLevel")
    guard credibleLevel > 0 && credibleLevel < 1 else {
      throw .numberOutOfRange(field: "credibleLevel", value: credibleLevel, allowed: "(0, 1)")
    }
    var summaries: [Summary] = []
    summaries.reserveCapacity(model.definitions.count)
    for estimate in model.estimates(at: now) {
      summaries.append(try Self.summary(of: estimate, level: credibleLevel))
    }
    self.evaluatedAt = now
    self.credibleLevel = credibleLevel
    self.summaries = summaries
    self.table = BeliefKeyTable(keys: model.definitions.map(\.key))
  }

  private static func summary(of estimate: BeliefEstimate, level: Double) throws(ModelError)
    -> Summary
  {
    let total = estimate.totalEvidence
    let weight = estimate.priorWeight
    var lower: [Double] = []
    var upper: [Double] = []
    for k in estimate.outcomes.indices {
      let alpha = estimate.evidence[k] + weight * estimate.baseRates[k]
      let beta = max(total - estimate.evidence[k], 0) + weight * (1 - estimate.baseRates[k])
      let interval = try BetaDistribution(alpha: alpha, beta: beta)
        .equalTailedInterval(level: level)
      lower.append(interval.lowerBound)
      upper.append(interval.upperBound)
    }
    return Summary(
      outcomes: estimate.outcomes, probabilities: estimate.probabilities,
      baseRates: estimate.baseRates, lower: lower, upper: upper,
      confidence: total > 0 ? estimate.confidence : 0, concentration: total + weight)
  }

  /// Scores one candidate.
  ///
  /// ```swift
  /// let report = try scorer.score(reply)
  /// print(report.score, report.coverage)
  /// ```
  ///
  /// - Parameter candidate: The candidate.
  /// - Returns: Its report (see ``AlignmentReport`` for the formulas).
  /// - Throws: ``ModelError/unknownOutcome(belief:outcome:)`` when a stance names an outcome its
  ///   (declared) belief does not have, or a ``ModelError`` from the interval computation.
  public func score(_ candidate: Candidate) throws(ModelError) -> AlignmentReport {
    var parts: [Part] = []
    parts.reserveCapacity(candidate.stances.count)
    var unknown: [Stance] = []
    var knownWeight = 0.0
    var evidencedWeight = 0.0
    var totalWeight = 0.0
    for stance in candidate.stances {
      totalWeight += stance.importance
      guard let index = table.index(of: stance.belief, hash: stance.keyHash) else {
        unknown.append(stance)
        continue
      }
      let summary = summaries[index]
      knownWeight += stance.importance
      if summary.confidence > 0 { evidencedWeight += stance.importance }
      parts.append(try assess(stance, summary))
    }
    return report(
      for: candidate, parts: parts, unknown: unknown,
      weights: (knownWeight, evidencedWeight, totalWeight))
  }

  /// Scores every candidate and orders them: highest score first, then highest coverage, then
  /// by id.
  ///
  /// This is the common call: the model is evaluated once (when the scorer was made), and each
  /// stance costs one hash-table probe and a few arithmetic operations.
  ///
  /// ```swift
  /// let ranking = try scorer.rank([replyA, replyB, replyC])
  /// for entry in ranking { print(entry.rank, entry.candidate.label, entry.report.score) }
  /// ```
  ///
  /// - Parameter candidates: The candidates (any number, including none).
  /// - Returns: One entry per candidate, best first, ranks `1...n`.
  /// - Throws: The first ``ModelError`` that ``score(_:)`` throws.
  public func rank(_ candidates: [Candidate]) throws(ModelError) -> [RankedCandidate] {
    var scored: [(Candidate, AlignmentReport)] = []
    scored.reserveCapacity(candidates.count)
    for candidate in candidates { scored.append((candidate, try score(candidate))) }
    scored.sort { left, right in
      if left.1.score != right.1.score { return left.1.score > right.1.score }
      if left.1.coverage != right.1.coverage { return left.1.coverage > right.1.coverage }
      return left.0.id < right.0.id
    }
    return scored.enumerated().map {
      RankedCandidate(rank: $0.offset + 1, candidate: $0.element.0, report: $0.element.1)
    }
  }
}
