/// How a ``PromptSelector`` ranks beliefs and words them.
///
/// **Ranking.** Each relevant belief gets
///
///     score = relevance * importance * (informativeness * wI + confidence * wC + freshness * wF)
///
/// - relevance: 1 when the request names the belief's key, a key prefix or a tag; otherwise
///   the request's relevance function value (the larger wins).
/// - importance: ``BeliefDefinition/importance``.
/// - informativeness: the distance of the estimate from the base rates,
///   `0.5 * sum_k |p_k - a_k| / (1 - min_k a_k)`, in `0...1` (0 at the base rate).
/// - confidence: `T / (T + W)`.
/// - freshness: `T(now) / T(last observed)` from ``UserModel/staleBeliefs(at:maximumFreshness:)``
///   (1 without decay).
///
/// Ties are broken by key. Beliefs without evidence are never included (they only restate the
/// base rate); they can be listed as excluded.
///
/// ```swift
/// let options = PromptOptions(informativenessWeight: 0.6, freshnessWeight: 0.1)
/// let selector = try PromptSelector(model: model, at: now, options: options)
/// ```
public struct PromptOptions: Sendable, Hashable, Codable {
  /// `wI`, the weight of informativeness (default 0.5).
  public var informativenessWeight: Double
  /// `wC`, the weight of confidence (default 0.3).
  public var confidenceWeight: Double
  /// `wF`, the weight of freshness (default 0.2).
  public var freshnessWeight: Double
  /// A belief with freshness at or below this is marked stale (default 0.5: one half-life).
  public var staleFreshness: Double
  /// The least total evidence for a belief to count as contested (default 4).
  public var contestedMinimumEvidence: Double
  /// The least conflict for a belief to count as contested (default 0.5); see
  /// ``UserModel/contestedBeliefs(at:minimumEvidence:minimumConflict:)``.
  public var contestedMinimumConflict: Double
  /// The words for probabilities and evidence.
  public var hedging: HedgingBands

  /// Creates options; every argument has the documented default.
  ///
  /// - Parameters:
  ///   - informativenessWeight: `wI`, finite and at least 0.
  ///   - confidenceWeight: `wC`, finite and at least 0.
  ///   - freshnessWeight: `wF`, finite and at least 0.
  ///   - staleFreshness: The stale threshold, in `0...1`.
  ///   - contestedMinimumEvidence: Least evidence to be contested, at least 0.
  ///   - contestedMinimumConflict: Least conflict to be contested, in `0...1`.
  ///   - hedging: The hedging bands.
  public init(
    informativenessWeight: Double = 0.5, confidenceWeight: Double = 0.3,
    freshnessWeight: Double = 0.2, staleFreshness: Double = 0.5,
    contestedMinimumEvidence: Double = 4, contestedMinimumConflict: Double = 0.5,
    hedging: HedgingBands = HedgingBands()
  ) {
    self.informativenessWeight = informativenessWeight
    self.confidenceWeight = confidenceWeight
    self.freshnessWeight = freshnessWeight
    self.staleFreshness = staleFreshness
    self.contestedMinimumEvidence = contestedMinimumEvidence
    self.contestedMinimumConflict = contestedMinimumConflict
    self.hedging = hedging
  }

  /// Checks every number.
  ///
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)``.
  public func validate() throws(ModelError) {
    let weights = [
      ("informativenessWeight", informativenessWeight), ("confidenceWeight", confidenceWeight),
      ("freshnessWeight", freshnessWeight), ("contestedMinimumEvidence", contestedMinimumEvidence),
    ]
    for (field, value) in weights {
      try Check.finite(value, field: field)
      guard value >= 0 else {
        throw .numberOutOfRange(field: field, value: value, allowed: "0 or more")
      }
    }
    try Check.unitInterval(staleFreshness, field: "staleFreshness")
    try Check.unitInterval(contestedMinimumConflict, field: "contestedMinimumConflict")
    try hedging.validate()
  }
}
