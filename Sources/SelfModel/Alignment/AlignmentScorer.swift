public import Foundation

/// Scores and ranks candidates against one user's model at one moment.
///
/// The scorer evaluates every belief once when it is created (probabilities, base rates,
/// evidence share, the credible interval of each outcome, and the full agreement of a stance
/// that asserts or denies each outcome) and indexes them by a hash each ``Stance`` computes
/// when it is made, so scoring a single-outcome stance costs one table probe and one copy; a
/// distribution costs a few multiplications more. Create one scorer per model and moment, then
/// score or rank as many candidates as you like.
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
  /// One belief, evaluated once: where its outcomes start in the flat per-outcome arrays,
  /// how many there are, its evidence share and its Dirichlet concentration `T + W`.
  struct Summary: Sendable {
    var start: Int
    var count: Int
    var confidence: Double
    var concentration: Double
  }

  /// The moment the model is evaluated at.
  public let evaluatedAt: Date
  /// The probability mass of the credible intervals behind ``AlignmentReport/range``.
  public let credibleLevel: Double
  var summaries: [Summary] = []
  let table: BeliefKeyTable
  var outcomeNames: [String] = []
  var probabilities: [Double] = []
  var baseRates: [Double] = []
  var lower: [Double] = []
  var upper: [Double] = []
  /// The ``Part`` of asserting (at `2 i`) and of denying (at `2 i + 1`) outcome slot `i`.
  var pointParts: [Part] = []

  /// Evaluates every belief of `model` at `now`, ready to score candidates.
  ///
  /// Runs in `O(B K)` time for `B` beliefs of `K` outcomes (two Beta quantiles per outcome,
  /// and the agreement of asserting and of denying each outcome).
  ///
  /// ```swift
  /// let scorer = try AlignmentScorer(model: model, at: now, credibleLevel: 0.9)
  /// ```
  ///
  /// - Parameters:
  ///   - model: The user's model.
  ///   - context: The context to score in (``UserModel/estimates(beliefs:in:at:)``: beliefs that
  ///     list it start from its prior, the others from their own), or `nil` (default).
  ///   - now: The moment to evaluate decay at.
  ///   - credibleLevel: The mass of the credible intervals, in `(0, 1)` (default 0.95).
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad level or `now`;
  ///   ``ModelError/unknownContext(belief:context:)`` when no belief lists `context`.
  public init(
    model: UserModel, in context: ContextID? = nil, at now: Date,
    credibleLevel: Double = BeliefEstimate.defaultCredibleLevel
  ) throws(ModelError) {
    try Check.finite(now.timeIntervalSinceReferenceDate, field: "now")
    try Check.finite(credibleLevel, field: "credibleLevel")
    guard credibleLevel > 0 && credibleLevel < 1 else {
      throw .numberOutOfRange(field: "credibleLevel", value: credibleLevel, allowed: "(0, 1)")
    }
    self.evaluatedAt = now
    self.credibleLevel = credibleLevel
    let estimates = try model.estimates(beliefs: nil, in: context, at: now)
    self.table = BeliefKeyTable(keys: estimates.map(\.key))
    summaries.reserveCapacity(estimates.count)
    for estimate in estimates {
      summaries.append(try add(estimate))
    }
  }

  /// Appends one belief's outcomes to the flat arrays and returns its summary.
  private mutating func add(_ estimate: BeliefEstimate) throws(ModelError) -> Summary {
    let start = outcomeNames.count
    let total = estimate.totalEvidence
    let weight = estimate.priorWeight
    for k in estimate.outcomes.indices {
      let interval = try estimate.credibleInterval(atIndex: k, level: credibleLevel)
      lower.append(interval.lowerBound)
      upper.append(interval.upperBound)
    }
    outcomeNames.append(contentsOf: estimate.outcomes)
    probabilities.append(contentsOf: estimate.probabilities)
    baseRates.append(contentsOf: estimate.baseRates)
    let summary = Summary(
      start: start, count: estimate.outcomes.count,
      confidence: total > 0 ? estimate.confidence : 0, concentration: total + weight)
    for k in 0..<summary.count {
      pointParts.append(pointPart(isDenial: false, summary, k))
      pointParts.append(pointPart(isDenial: true, summary, k))
    }
    return summary
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
    var collected = Collected()
    return try score(candidate, into: &collected)
  }

  /// Scores one candidate, using `collected` (emptied first) for the per-stance work.
  func score(_ candidate: Candidate, into collected: inout Collected) throws(ModelError)
    -> AlignmentReport
  {
    collected.reset()
    var unknown: [Stance] = []
    var weights = Weights()
    let stances = candidate.stances
    for position in stances.indices {
      let importance = stances[position].importance
      weights.total += importance
      guard let index = table.index(of: stances[position].belief, hash: stances[position].keyHash)
      else {
        unknown.append(stances[position])
        continue
      }
      let summary = summaries[index]
      weights.known += importance
      if summary.confidence > 0 { weights.evidenced += importance }
      collected.add(try assess(stances[position], summary), position: position, weight: importance)
    }
    return collected.report(
      for: candidate, unknown: unknown, weights: weights, evaluatedAt: evaluatedAt)
  }

  /// Scores every candidate and orders them: highest score first, then highest coverage, then
  /// by id.
  ///
  /// This is the common call: the model is evaluated once (when the scorer was made), each
  /// stance costs one hash-table probe and a few arithmetic operations, and the working
  /// buffers are reused from one candidate to the next.
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
    var reports: [AlignmentReport] = []
    reports.reserveCapacity(candidates.count)
    var collected = Collected()
    for candidate in candidates { reports.append(try score(candidate, into: &collected)) }
    let order = reports.indices.sorted { a, b in
      if reports[a].score != reports[b].score { return reports[a].score > reports[b].score }
      if reports[a].coverage != reports[b].coverage {
        return reports[a].coverage > reports[b].coverage
      }
      return reports[a].candidate < reports[b].candidate
    }
    return order.enumerated().map { rank, index in
      RankedCandidate(rank: rank + 1, candidate: candidates[index], report: reports[index])
    }
  }
}
