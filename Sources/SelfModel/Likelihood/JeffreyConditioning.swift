import Foundation

/// Jeffrey conditioning on uncertain evidence, and its conversion to virtual evidence (Pearl),
/// which is how a ``UserModel`` applies ``EvidenceContent/jeffrey(target:)``.
///
/// An observation `E` is not certain: afterwards we hold it with probability `q`. Jeffrey's
/// rule keeps the conditional probabilities given `E` and given not-`E`:
///
///     P(E)   = sum_k P(k) P(E | k)
///     P'(k)  = q P(k | E) + (1 - q) P(k | not E)
///            = P(k) λ_k,   λ_k = q P(E | k) / P(E) + (1 - q) (1 - P(E | k)) / (1 - P(E))
///
/// `λ` is the update as virtual evidence; for a binary belief the equivalent Bayes factor is
/// `λ_true / λ_false = posterior odds / prior odds`. Applied twice, Jeffrey's rule with a new
/// `q` each time is not commutative (the second sets `P(E)` regardless of the first); the
/// virtual-evidence form, with `λ` computed once against the prior it was elicited under, is.
///
/// ```swift
/// let update = try JeffreyConditioning.update(
///   prior: 0.25, likelihoodIfTrue: 0.9, likelihoodIfFalse: 0.2, newEvidenceProbability: 0.2)
/// update.posterior  // 0.152
/// ```
public enum JeffreyConditioning {
  /// The result of one binary Jeffrey update.
  public struct Update: Sendable, Hashable, Codable {
    /// `P(E)` under the prior.
    public let priorEvidenceProbability: Double
    /// `P'(H)`.
    public let posterior: Double
    /// `(P'(H) / (1 - P'(H))) / (P(H) / (1 - P(H)))`: the likelihood ratio that moves the prior
    /// to the posterior (0 or infinity when the posterior is certain).
    public let equivalentBayesFactor: Double
  }

  /// The virtual-evidence likelihoods `λ_k` of a Jeffrey update on the partition {E, not E}.
  ///
  /// - Parameters:
  ///   - prior: `P(k)` for each outcome; values in `0...1` summing to 1.
  ///   - evidenceLikelihoods: `P(E | k)` for each outcome, each in `0...1`.
  ///   - newEvidenceProbability: `q`, the probability of `E` afterwards, in `0...1`.
  /// - Returns: `λ_k`, with `sum_k P(k) λ_k = 1`.
  /// - Throws: ``ModelError/invalidDistribution(field:reason:)`` for a bad prior or lengths that
  ///   differ; number errors for values outside `0...1`; ``ModelError/undefined(quantity:reason:)``
  ///   when `P(E)` is 0 or 1 (then `E` is not uncertain and the rule is undefined).
  public static func virtualLikelihoods(
    prior: [Double], evidenceLikelihoods: [Double], newEvidenceProbability: Double
  ) throws(ModelError) -> [Double] {
    let q = newEvidenceProbability
    guard prior.count == evidenceLikelihoods.count, !prior.isEmpty else {
      throw .invalidDistribution(
        field: "evidenceLikelihoods", reason: "one likelihood per prior outcome is needed")
    }
    for value in prior { try Check.unitInterval(value, field: "prior") }
    try Check.distribution(prior, field: "prior")
    for value in evidenceLikelihoods { try Check.unitInterval(value, field: "P(E | outcome)") }
    try Check.unitInterval(q, field: "newEvidenceProbability")
    let evidence = zip(prior, evidenceLikelihoods).reduce(0) { $0 + $1.0 * $1.1 }
    guard evidence > 0, evidence < 1 else {
      throw .undefined(
        quantity: "Jeffrey update", reason: "P(E) is \(evidence); it must lie strictly in (0, 1)")
    }
    return evidenceLikelihoods.map { l in q * l / evidence + (1 - q) * (1 - l) / (1 - evidence) }
  }

  /// A binary Jeffrey update of `H` on uncertain evidence `E`.
  ///
  /// - Parameters:
  ///   - prior: `P(H)`, strictly between 0 and 1.
  ///   - likelihoodIfTrue: `P(E | H)`.
  ///   - likelihoodIfFalse: `P(E | not H)`.
  ///   - newEvidenceProbability: `q`.
  /// - Returns: `P(E)`, `P'(H)` and the equivalent Bayes factor.
  /// - Throws: As ``virtualLikelihoods(prior:evidenceLikelihoods:newEvidenceProbability:)``,
  ///   and ``ModelError/numberOutOfRange(field:value:allowed:)`` for a prior of 0 or 1 (its
  ///   odds are not finite).
  public static func update(
    prior: Double, likelihoodIfTrue: Double, likelihoodIfFalse: Double,
    newEvidenceProbability: Double
  ) throws(ModelError) -> Update {
    try Check.unitInterval(prior, field: "prior")
    guard prior > 0, prior < 1 else {
      throw .numberOutOfRange(field: "prior", value: prior, allowed: "strictly between 0 and 1")
    }
    let lambda = try virtualLikelihoods(
      prior: [prior, 1 - prior], evidenceLikelihoods: [likelihoodIfTrue, likelihoodIfFalse],
      newEvidenceProbability: newEvidenceProbability)
    return Update(
      priorEvidenceProbability: prior * likelihoodIfTrue + (1 - prior) * likelihoodIfFalse,
      posterior: prior * lambda[0], equivalentBayesFactor: lambda[0] / lambda[1])
  }
}
