public import Foundation

/// What a ``UserModel`` believes about one belief at one moment: the evidence tallies behind
/// it and everything derived from them.
///
/// With evidence tallies `t_k` (decayed, reliability-weighted, capped), `T = sum_k t_k`, prior
/// weight `W` and base rates `a_k`:
///
///     p_k = (t_k + W a_k) / (T + W)           (posterior mean of Dirichlet(t + W a))
///     u   = W / (T + W),  confidence = 1 - u
///     interval_k = equal-tailed interval of Beta(t_k + W a_k, T - t_k + W (1 - a_k))
///
/// Only the tallies are stored; probabilities are computed, so they never drift from the
/// evidence. Because `W > 0` and every `a_k > 0`, each `p_k` lies strictly between 0 and 1.
///
/// Likelihood-ratio and Jeffrey evidence (virtual evidence) arrive as ``logLikelihoods``
/// `ℓ_k`, which tilt the counted mean: `p'_k ∝ p_k exp(ℓ_k)`, with `max ℓ - ℓ_k` saturated at
/// 30 nats so that no probability reaches 0 or 1. They move the mean, not the count: `u`,
/// ``confidence`` and ``opinion`` describe the counted evidence only, and ``marginal(for:)``
/// becomes the Beta with mean `p'_k` and the same concentration `T + W` (moment-matched).
///
/// A dynamic belief (``BeliefKind/dynamic(_:)``) carries ``mastery``: its probabilities are
/// `[mastery, 1 - mastery]`, the knowledge-tracing filter's state, exact given its parameters.
/// Its ``evidence`` is the number of `.holds` and `.doesNotHold` answers filtered (unweighted,
/// undecayed), so `u` and ``confidence`` say how many answers stand behind the mastery, not
/// how sure it is; it has no ``marginal(for:)`` (there is no posterior over a proportion),
/// its ``credibleInterval(for:level:)`` is the single point `p_k...p_k`, and its ``opinion`` is
/// `nil`.
///
/// ```swift
/// let estimate = try model.estimate(for: "preference.concise", at: now)
/// let p = try estimate.probability(of: "true")
/// let range = try estimate.credibleInterval(for: "true", level: 0.9)
/// ```
public struct BeliefEstimate: Sendable, Hashable, Codable {
  /// The credibility of every interval the package reports when the caller names none: 0.95.
  ///
  /// The one default of the package: ``credibleInterval(for:level:)``, the response bodies,
  /// ``AlignmentScorer`` and every edge that reports an interval use it.
  public static let defaultCredibleLevel = 0.95

  /// The belief's key.
  public let key: BeliefKey
  /// The belief's outcomes, in order.
  public let outcomes: [String]
  /// The base rates `a_k`.
  public let baseRates: [Double]
  /// The prior weight `W`.
  public let priorWeight: Double
  /// The evidence tallies `t_k`, in plain observations.
  public let evidence: [Double]
  /// The moment the estimate describes.
  public let evaluatedAt: Date
  /// The context whose prior the estimate starts from, or `nil` for the belief's own
  /// (``UserModel/estimate(for:in:at:)``).
  public let context: ContextID?
  /// The log-likelihood `ℓ_k` per outcome from likelihood-ratio and Jeffrey evidence
  /// (tempered, weighted, decayed), or `nil` when the belief has none. Only differences
  /// between outcomes matter.
  public let logLikelihoods: [Double]?
  /// The knowledge-tracing state of a dynamic belief (``BeliefKind/dynamic(_:)``), `nil` for
  /// a counted one.
  public let mastery: MasteryEstimate?

  /// Creates an estimate from tallies (normally obtained from ``UserModel/estimate(for:at:)``).
  ///
  /// - Parameters:
  ///   - key: The belief's key.
  ///   - outcomes: Its outcomes.
  ///   - baseRates: Its base rates.
  ///   - priorWeight: `W`.
  ///   - evidence: `t_k` per outcome.
  ///   - evaluatedAt: The moment described.
  ///   - context: The context of the prior, or `nil` (default) for the belief's own.
  ///   - logLikelihoods: `ℓ_k` from virtual evidence, or `nil` (default) for none.
  ///   - mastery: The filter's state for a dynamic belief, or `nil` (default) for a counted
  ///     one.
  public init(
    key: BeliefKey, outcomes: [String], baseRates: [Double], priorWeight: Double,
    evidence: [Double], evaluatedAt: Date, context: ContextID? = nil,
    logLikelihoods: [Double]? = nil, mastery: MasteryEstimate? = nil
  ) {
    self.mastery = mastery
    self.logLikelihoods = logLikelihoods
    self.key = key
    self.outcomes = outcomes
    self.baseRates = baseRates
    self.priorWeight = priorWeight
    self.evidence = evidence
    self.evaluatedAt = evaluatedAt
    self.context = context
  }

  /// `T`, the total evidence in plain observations.
  public var totalEvidence: Double { evidence.reduce(0, +) }

  /// `p_k = (t_k + W a_k) / (T + W)` for each outcome, in order, tilted by
  /// ``logLikelihoods`` when there are any.
  public var probabilities: [Double] {
    if let mastery { return [mastery.mastery, 1 - mastery.mastery] }
    let denominator = totalEvidence + priorWeight
    let means = zip(evidence, baseRates).map { ($0 + priorWeight * $1) / denominator }
    guard let logLikelihoods, logLikelihoods.count == means.count else { return means }
    return VirtualEvidence.tilt(means, by: logLikelihoods)
  }

  /// `u = W / (T + W)`: 1 with no evidence, approaching 0 as evidence accumulates.
  public var uncertainty: Double { priorWeight / (totalEvidence + priorWeight) }

  /// `1 - u`.
  public var confidence: Double { 1 - uncertainty }

  /// The outcome with the highest probability (the first one on a tie).
  public var mostLikelyOutcome: String {
    let probabilities = probabilities
    var best = 0
    for index in probabilities.indices where probabilities[index] > probabilities[best] {
      best = index
    }
    return outcomes[best]
  }

  /// The probability of one outcome.
  ///
  /// - Parameter outcome: An outcome name.
  /// - Returns: `p_k`.
  /// - Throws: ``ModelError/unknownOutcome(belief:outcome:)``.
  public func probability(of outcome: String) throws(ModelError) -> Double {
    probabilities[try index(of: outcome)]
  }

  /// The marginal posterior of one outcome, `Beta(t_k + W a_k, T - t_k + W (1 - a_k))`; with
  /// virtual evidence, `Beta(p'_k (T + W), (1 - p'_k) (T + W))`.
  ///
  /// - Parameter outcome: An outcome name.
  /// - Returns: The Beta distribution.
  /// - Throws: ``ModelError/unknownOutcome(belief:outcome:)``, or
  ///   ``ModelError/unsupportedForDynamicBelief(belief:reason:)`` for a dynamic belief.
  public func marginal(for outcome: String) throws(ModelError) -> BetaDistribution {
    try marginal(atIndex: try index(of: outcome))
  }

  /// ``credibleInterval(for:level:)`` of the outcome at index `k`.
  func credibleInterval(atIndex k: Int, level: Double) throws(ModelError) -> ClosedRange<Double> {
    try credibleInterval(for: outcomes[k], level: level)
  }

  /// ``marginal(for:)`` of the outcome at index `k`.
  func marginal(atIndex k: Int) throws(ModelError) -> BetaDistribution {
    if mastery != nil {
      throw .unsupportedForDynamicBelief(
        belief: key,
        reason: "its probability is the filter's mastery, exact given its parameters; "
          + "there is no posterior distribution over it")
    }
    let total = totalEvidence
    if logLikelihoods != nil {
      let mean = probabilities[k]
      let concentration = total + priorWeight
      return try BetaDistribution(
        alpha: mean * concentration, beta: (1 - mean) * concentration)
    }
    let alpha = evidence[k] + priorWeight * baseRates[k]
    let beta = max(total - evidence[k], 0) + priorWeight * (1 - baseRates[k])
    return try BetaDistribution(alpha: alpha, beta: beta)
  }

  /// The equal-tailed credible interval of one outcome's probability.
  ///
  /// The bounds are the `(1 - level)/2` and `(1 + level)/2` quantiles of ``marginal(for:)``.
  /// For a dynamic belief (``mastery`` set) the interval is the point `p_k...p_k`: given its
  /// parameters the mastery is exact.
  ///
  /// - Parameters:
  ///   - outcome: An outcome name.
  ///   - level: The credibility in `(0, 1)`, default ``defaultCredibleLevel`` (0.95).
  /// - Returns: The interval.
  /// - Throws: ``ModelError/unknownOutcome(belief:outcome:)`` or a number error for `level`.
  public func credibleInterval(
    for outcome: String, level: Double = BeliefEstimate.defaultCredibleLevel
  ) throws(ModelError) -> ClosedRange<Double> {
    if mastery != nil {
      guard level.isFinite else { throw .nonFiniteNumber(field: "level") }
      guard level > 0 && level < 1 else {
        throw .numberOutOfRange(field: "level", value: level, allowed: "(0, 1)")
      }
      let p = try probability(of: outcome)
      return p...p
    }
    return try marginal(for: outcome).equalTailedInterval(level: level)
  }

  /// The subjective-logic opinion of a binary belief (``BeliefDefinition/isBinary``), `nil`
  /// for a categorical or dynamic one: `r = t_true`, `s = t_false`, `a = a_true`.
  public var opinion: Opinion? {
    guard mastery == nil, outcomes == [BeliefDefinition.trueOutcome, BeliefDefinition.falseOutcome]
    else {
      return nil
    }
    return try? Opinion(
      positiveEvidence: evidence[0], negativeEvidence: evidence[1], baseRate: baseRates[0],
      priorWeight: priorWeight)
  }

  private func index(of outcome: String) throws(ModelError) -> Int {
    guard let index = outcomes.firstIndex(of: outcome) else {
      throw .unknownOutcome(belief: key, outcome: outcome)
    }
    return index
  }
}
