public import Foundation

/// How well one ``Candidate`` fits a user's model: a score in `-1...1`, its uncertainty range,
/// how much of the candidate the model knows about, and the stances behind the score.
///
/// With the candidate's stances `i`, importances `w_i`, signed agreements `s_i` (see
/// ``StanceAlignment``), *known* stances those about declared beliefs and *evidenced* stances
/// those whose belief has any evidence (`T > 0`):
///
///     score    = sum_known w_i s_i / sum_known w_i          (0 when sum_known w_i = 0)
///     range    = [sum_known w_i s_i^lo, sum_known w_i s_i^hi] / sum_known w_i, widened to hold score
///     coverage = sum_evidenced w_i / sum_all w_i            (0 when sum_all w_i = 0)
///
/// 1 means fully aligned, -1 fully opposed, 0 no information either way. A stance about a
/// declared belief without evidence counts at chance (`s = 0`), pulling the score towards 0;
/// a stance about an undeclared belief is listed in ``unknown``, lowers ``coverage``, and
/// leaves the score alone: it is never guessed. The range puts every stance at the same end of
/// its credible interval at once, so it is a conservative envelope, wider than a joint
/// credible interval.
///
/// ```swift
/// let report = try AlignmentScorer(model: model, at: now).score(reply)
/// report.score  // 0.41
/// report.range  // -0.12...0.78
/// report.coverage  // 0.8
/// report.conflicting.first?.stance.belief  // the stance that costs the most
/// ```
public struct AlignmentReport: Sendable, Hashable, Codable {
  /// The candidate's identifier.
  public let candidate: CandidateID
  /// The candidate's label.
  public let label: String
  /// The importance-weighted mean signed agreement over known stances, in `-1...1`.
  public let score: Double
  /// The score with every stance at the low and at the high end of its credible interval.
  public let range: ClosedRange<Double>
  /// The importance share of the stances whose belief has any evidence, in `0...1`.
  public let coverage: Double
  /// Stances with positive impact, largest first (ties in the candidate's order).
  public let supporting: [StanceAlignment]
  /// Stances with negative impact, most negative first (ties in the candidate's order).
  public let conflicting: [StanceAlignment]
  /// Known stances with zero impact (no evidence, exactly at chance, or zero importance), in
  /// the candidate's order.
  public let neutral: [StanceAlignment]
  /// Stances about beliefs the model does not declare, in the candidate's order.
  public let unknown: [Stance]
  /// The moment the model was evaluated at.
  public let evaluatedAt: Date

  /// Creates a report from its parts; ``AlignmentScorer`` is the usual maker.
  ///
  /// ```swift
  /// let empty = AlignmentReport(
  ///   candidate: "reply-a", label: "Reply A", score: 0, range: 0...0, coverage: 0,
  ///   supporting: [], conflicting: [], neutral: [], unknown: stances, evaluatedAt: now)
  /// ```
  ///
  /// - Parameters:
  ///   - candidate: The candidate's identifier.
  ///   - label: Its label.
  ///   - score: The score.
  ///   - range: The score's uncertainty range.
  ///   - coverage: The evidenced importance share.
  ///   - supporting: Stances with positive impact.
  ///   - conflicting: Stances with negative impact.
  ///   - neutral: Known stances with zero impact.
  ///   - unknown: Stances about undeclared beliefs.
  ///   - evaluatedAt: The evaluation moment.
  public init(
    candidate: CandidateID, label: String, score: Double, range: ClosedRange<Double>,
    coverage: Double, supporting: [StanceAlignment], conflicting: [StanceAlignment],
    neutral: [StanceAlignment], unknown: [Stance], evaluatedAt: Date
  ) {
    self.candidate = candidate
    self.label = label
    self.score = score
    self.range = range
    self.coverage = coverage
    self.supporting = supporting
    self.conflicting = conflicting
    self.neutral = neutral
    self.unknown = unknown
    self.evaluatedAt = evaluatedAt
  }
}
