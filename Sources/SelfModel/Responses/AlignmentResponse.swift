public import Foundation

/// An ``AlignmentReport`` as a response body: the score with its range, the coverage, and the
/// supporting, conflicting and neutral stances, each with its agreement, chance, credible
/// interval and impact. Dates are ``Timestamp`` strings.
///
/// ```swift
/// let report = try AlignmentScorer(model: model, at: now).score(reply)
/// let body = try JSONEncoder().encode(report.response)
/// ```
///
/// The JSON is specified, with an example, in `Docs/JSON.md`.
public struct AlignmentResponse: Sendable, Hashable, Codable {
  /// How one stance fits the model (see ``StanceAlignment``).
  public struct StanceFit: Sendable, Hashable, Codable {
    /// The stance's belief.
    public let belief: BeliefKey
    /// What the stance asserts.
    public let assertion: EvidenceContent
    /// Whether it denies the assertion.
    public let isDenial: Bool
    /// Its importance weight.
    public let importance: Double
    /// `P(user holds what it asserts)`.
    public let agreement: Double
    /// The agreement at the base rates.
    public let chance: Double
    /// The credible interval of ``agreement``.
    public let agreementInterval: CredibleInterval
    /// The model's confidence in the belief.
    public let confidence: Double
    /// The signed agreement `s` in `-1...1`.
    public let signedAgreement: Double
    /// The range of `s`.
    public let range: CredibleInterval
    /// Its weighted effect on the score.
    public let impact: Double

    init(_ fit: StanceAlignment) {
      belief = fit.stance.belief
      assertion = fit.stance.assertion
      isDenial = fit.stance.isDenial
      importance = fit.stance.importance
      agreement = fit.agreement
      chance = fit.chance
      agreementInterval = CredibleInterval(fit.agreementInterval)
      confidence = fit.confidence
      signedAgreement = fit.signedAgreement
      range = CredibleInterval(fit.range)
      impact = fit.impact
    }
  }

  /// The candidate.
  public let candidate: CandidateID
  /// Its label.
  public let label: String
  /// The score in `-1...1`.
  public let score: Double
  /// The score's range.
  public let range: CredibleInterval
  /// The share of the candidate's importance the model has evidence about.
  public let coverage: Double
  /// When it was scored.
  @TimestampCoded public var evaluatedAt: Date
  /// The stances that raise the score, largest impact first.
  public let supporting: [StanceFit]
  /// The stances that lower it, largest impact first.
  public let conflicting: [StanceFit]
  /// The stances at chance.
  public let neutral: [StanceFit]
  /// The stances about beliefs the model does not declare.
  public let unknown: [Stance]

  /// Builds the response of `report`.
  ///
  /// ```swift
  /// let response = AlignmentResponse(report)
  /// ```
  ///
  /// - Parameter report: The report.
  public init(_ report: AlignmentReport) {
    candidate = report.candidate
    label = report.label
    score = report.score
    range = CredibleInterval(report.range)
    coverage = report.coverage
    evaluatedAt = report.evaluatedAt
    supporting = report.supporting.map(StanceFit.init)
    conflicting = report.conflicting.map(StanceFit.init)
    neutral = report.neutral.map(StanceFit.init)
    unknown = report.unknown
  }
}
