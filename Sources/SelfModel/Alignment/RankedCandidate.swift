/// One entry of ``AlignmentScorer/rank(_:)``: a candidate, its place and its report.
///
/// Candidates are ordered by score (highest first), then coverage (highest first), then id,
/// so the ranking is deterministic.
///
/// ```swift
/// let best = try scorer.rank(replies).first
/// best?.rank  // 1
/// best?.report.score  // 0.41
/// ```
public struct RankedCandidate: Sendable, Hashable, Codable {
  /// The 1-based position in the ranking.
  public let rank: Int
  /// The candidate.
  public let candidate: Candidate
  /// Its alignment report.
  public let report: AlignmentReport

  /// Creates a ranking entry.
  ///
  /// ```swift
  /// let entry = RankedCandidate(rank: 1, candidate: reply, report: report)
  /// ```
  ///
  /// - Parameters:
  ///   - rank: The 1-based position.
  ///   - candidate: The candidate.
  ///   - report: Its report.
  public init(rank: Int, candidate: Candidate, report: AlignmentReport) {
    self.rank = rank
    self.candidate = candidate
    self.report = report
  }
}
