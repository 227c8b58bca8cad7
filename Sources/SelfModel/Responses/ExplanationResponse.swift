public import Foundation

/// A ``BeliefExplanation`` as a response body: the estimate, then each evidence item's part in
/// it, per outcome by name (its tally and how far it moves the probability).
///
/// ```swift
/// let body = try JSONEncoder().encode(try model.explain("preference.concise", at: now).response())
/// ```
///
/// The JSON is specified, with an example, in `Docs/JSON.md`.
public struct ExplanationResponse: Sendable, Hashable, Codable {
  /// One outcome's share of an evidence item.
  public struct OutcomeShare: Sendable, Hashable, Codable {
    /// The outcome's name.
    public let outcome: String
    /// The item's current tally for the outcome.
    public let tally: Double
    /// How much the item raises (or, if negative, lowers) the outcome's probability compared
    /// with leaving it out.
    public let probabilityShift: Double
  }

  /// One evidence item's part in the belief.
  public struct Contribution: Sendable, Hashable, Codable {
    /// The evidence id.
    public let evidence: EvidenceID
    /// Its source.
    public let source: SourceID
    /// When it was observed.
    @TimestampCoded public var observedAt: Date
    /// Its stated weight.
    public let weight: Double
    /// The reliability applied to its source.
    public let reliability: Double
    /// The decay factor `2^(-(now - observedAt)/h)`.
    public let decayFactor: Double
    /// The per-source cap's scale (1 when not capped).
    public let capScale: Double
    /// Its total current weight, the sum of its tallies.
    public let currentWeight: Double
    /// Its share per outcome, in the belief's order.
    public let outcomes: [OutcomeShare]
  }

  /// The estimate explained.
  public let estimate: EstimateResponse
  /// The evidence items, ranked by their current contribution as in the explanation.
  public let contributions: [Contribution]

  /// Builds the response of `explanation`.
  ///
  /// ```swift
  /// let response = try ExplanationResponse(explanation)
  /// ```
  ///
  /// - Parameters:
  ///   - explanation: The explanation.
  ///   - level: The credibility of the estimate's intervals; default ``BeliefEstimate/defaultCredibleLevel`` (0.95).
  /// - Throws: A number error for an invalid `level`.
  public init(_ explanation: BeliefExplanation, level: Double = BeliefEstimate.defaultCredibleLevel)
    throws(ModelError)
  {
    let names = explanation.estimate.outcomes
    estimate = try EstimateResponse(explanation.estimate, level: level)
    contributions = explanation.contributions.map { item in
      let shares = names.indices.map { index in
        OutcomeShare(
          outcome: names[index], tally: item.tallies.element(at: index),
          probabilityShift: item.probabilityShift.element(at: index))
      }
      return Contribution(
        evidence: item.evidence.id, source: item.evidence.source,
        observedAt: item.evidence.observedAt, weight: item.evidence.weight,
        reliability: item.reliability, decayFactor: item.decayFactor, capScale: item.capScale,
        currentWeight: item.currentWeight, outcomes: shares)
    }
  }
}

extension Array where Element == Double {
  /// The element at `index`, or 0 past the end.
  func element(at index: Int) -> Double { index < count ? self[index] : 0 }
}
