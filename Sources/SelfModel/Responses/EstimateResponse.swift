public import Foundation

/// A ``BeliefEstimate`` as a response body: each outcome by name with its probability,
/// credible interval, base rate and evidence tally, plus the confidence, the most likely
/// outcome and, for a binary belief, the opinion. Dates are ``Timestamp`` strings.
///
/// ```swift
/// let body = try JSONEncoder().encode(try estimate.response())
/// ```
///
/// The JSON is specified, with an example, in `Docs/JSON.md`.
public struct EstimateResponse: Sendable, Hashable, Codable {
  /// One outcome of the belief.
  public struct Outcome: Sendable, Hashable, Codable {
    /// The outcome's name.
    public let outcome: String
    /// Its probability `p_k`.
    public let probability: Double
    /// Its equal-tailed credible interval.
    public let interval: CredibleInterval
    /// Its base rate `a_k` (the prior).
    public let baseRate: Double
    /// Its evidence tally `t_k` (decayed, reliability-weighted).
    public let evidence: Double
  }

  /// The belief.
  public let belief: BeliefKey
  /// The context whose prior the estimate starts from, or `nil` (omitted) for the belief's own.
  public let context: ContextID?
  /// When the estimate was evaluated.
  @TimestampCoded public var evaluatedAt: Date
  /// The most probable outcome.
  public let mostLikely: String
  /// `1 - uncertainty`.
  public let confidence: Double
  /// `W / (T + W)`.
  public let uncertainty: Double
  /// The total evidence `T`.
  public let totalEvidence: Double
  /// The prior weight `W`.
  public let priorWeight: Double
  /// The outcomes, in the belief's order.
  public let outcomes: [Outcome]
  /// The subjective-logic opinion of a binary belief, else `nil` (omitted).
  public let opinion: Opinion?

  /// Builds the response of `estimate` with intervals at `level`.
  ///
  /// ```swift
  /// let response = try EstimateResponse(estimate, level: 0.95)
  /// ```
  ///
  /// - Parameters:
  ///   - estimate: The estimate.
  ///   - level: The credibility of the intervals, in `(0, 1)`; default ``BeliefEstimate/defaultCredibleLevel`` (0.95).
  /// - Throws: A number error for an invalid `level`.
  public init(_ estimate: BeliefEstimate, level: Double = BeliefEstimate.defaultCredibleLevel)
    throws(ModelError)
  {
    var outcomes: [Outcome] = []
    let probabilities = estimate.probabilities
    for (index, name) in estimate.outcomes.enumerated() {
      outcomes.append(
        Outcome(
          outcome: name, probability: probabilities[index],
          interval: CredibleInterval(
            try estimate.credibleInterval(for: name, level: level), level: level),
          baseRate: estimate.baseRates[index], evidence: estimate.evidence[index]))
    }
    belief = estimate.key
    context = estimate.context
    evaluatedAt = estimate.evaluatedAt
    mostLikely = estimate.mostLikelyOutcome
    confidence = estimate.confidence
    uncertainty = estimate.uncertainty
    totalEvidence = estimate.totalEvidence
    priorWeight = estimate.priorWeight
    self.outcomes = outcomes
    opinion = estimate.opinion
  }
}
