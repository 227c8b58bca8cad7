/// Why a belief stands where it does; see ``UserModel/explain(_:at:)``.
public struct BeliefExplanation: Sendable, Hashable, Codable {
  /// The belief's estimate at the moment asked.
  public let estimate: BeliefEstimate
  /// Every evidence item about the belief, largest current weight first.
  public let contributions: [EvidenceContribution]

  /// Creates an explanation.
  ///
  /// - Parameters:
  ///   - estimate: The estimate.
  ///   - contributions: The ranked contributions.
  public init(estimate: BeliefEstimate, contributions: [EvidenceContribution]) {
    self.estimate = estimate
    self.contributions = contributions
  }
}

/// One evidence item's part in a belief at one moment.
public struct EvidenceContribution: Sendable, Hashable, Codable {
  /// The evidence.
  public let evidence: Evidence
  /// The reliability applied to its source.
  public let reliability: Double
  /// `2^(-(now - observedAt)/h)`, or 1 without decay.
  public let decayFactor: Double
  /// The factor its source's cap applied (1 when under the cap).
  public let capScale: Double
  /// Its current contribution to each outcome's tally, in plain observations.
  public let tallies: [Double]
  /// `p_k - p_k(without this item)` for each outcome: how far it moved the belief.
  public let probabilityShift: [Double]
  /// For likelihood-ratio and Jeffrey evidence, its current log-likelihood per outcome
  /// (`w * decay * ln(r λ_k + 1 - r)`, see ``EvidenceContent``); `nil` for counted evidence,
  /// whose ``tallies`` are then all 0.
  public let logLikelihoods: [Double]?
  /// For an answer about a dynamic belief (``BeliefKind/dynamic(_:)``), the filter at that
  /// answer: mastery before it, the predicted chance of a right answer, mastery after it, and
  /// after the transition to the next answer; `nil` for a counted belief.
  public let knowledgeTracingStep: KnowledgeTracing.Step?

  /// Creates a contribution.
  ///
  /// - Parameters:
  ///   - evidence: The evidence.
  ///   - reliability: The reliability applied.
  ///   - decayFactor: The decay factor.
  ///   - capScale: The cap factor.
  ///   - tallies: Per-outcome contribution.
  ///   - probabilityShift: Per-outcome leave-one-out shift.
  ///   - logLikelihoods: Per-outcome log-likelihood of virtual evidence, or `nil` (default).
  ///   - knowledgeTracingStep: The filter's step at a dynamic belief's answer, or `nil`
  ///     (default).
  public init(
    evidence: Evidence, reliability: Double, decayFactor: Double, capScale: Double,
    tallies: [Double], probabilityShift: [Double], logLikelihoods: [Double]? = nil,
    knowledgeTracingStep: KnowledgeTracing.Step? = nil
  ) {
    self.knowledgeTracingStep = knowledgeTracingStep
    self.logLikelihoods = logLikelihoods
    self.evidence = evidence
    self.reliability = reliability
    self.decayFactor = decayFactor
    self.capScale = capScale
    self.tallies = tallies
    self.probabilityShift = probabilityShift
  }

  /// The item's total current weight, `sum_k tallies_k`.
  public var currentWeight: Double { tallies.reduce(0, +) }
}
