/// A ``RankedCandidate`` as a response body: its rank and its alignment report.
///
/// ```swift
/// let ranked = try scorer.rank(candidates)
/// let body = try JSONEncoder().encode(ranked.map(\.response))
/// ```
///
/// The JSON is specified, with an example, in `Docs/JSON.md`.
public struct RankedCandidateResponse: Sendable, Hashable, Codable {
  /// The rank, from 1.
  public let rank: Int
  /// The candidate's report (which names the candidate and its stances).
  public let report: AlignmentResponse

  /// Builds the response of `ranked`.
  ///
  /// ```swift
  /// let response = RankedCandidateResponse(ranked[0])
  /// ```
  ///
  /// - Parameter ranked: The ranked candidate.
  public init(_ ranked: RankedCandidate) {
    rank = ranked.rank
    report = AlignmentResponse(ranked.report)
  }
}
