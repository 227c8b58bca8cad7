/// The words a prompt context uses for a probability and for the evidence behind it, tied to
/// documented bands so that a reader (or a model) can tell how sure the user model is.
///
/// **Probability bands**, on `p`, the probability of the belief's most likely outcome:
///
///     p >= almostCertain (0.90)   "almost certainly"
///     p >= veryLikely    (0.75)   "very likely"
///     p >= likely        (0.60)   "likely"
///     otherwise                   "may"
///
/// **Evidence bands**, on the confidence `c = T / (T + W)` (``BeliefEstimate/confidence``):
///
///     c >= strongEvidence (0.80, T >= 4 W)   "strong evidence"
///     c >= someEvidence   (0.50, T >= W)     "some evidence"
///     otherwise                              "little evidence"
///
/// Contested and stale beliefs are never phrased above the weakest band ("may"): their
/// probability is not a fact to state.
///
/// ```swift
/// let bands = HedgingBands()
/// bands.probabilityPhrase(0.8)  // "very likely"
/// bands.evidencePhrase(0.3)     // "little evidence"
/// ```
public struct HedgingBands: Sendable, Hashable, Codable {
  /// The least probability phrased "almost certainly" (default 0.90).
  public var almostCertain: Double
  /// The least probability phrased "very likely" (default 0.75).
  public var veryLikely: Double
  /// The least probability phrased "likely" (default 0.60); below it, "may".
  public var likely: Double
  /// The least confidence phrased "strong evidence" (default 0.80).
  public var strongEvidence: Double
  /// The least confidence phrased "some evidence" (default 0.50); below it, "little evidence".
  public var someEvidence: Double

  /// Creates bands; every threshold has the documented default.
  ///
  /// ```swift
  /// let strict = HedgingBands(almostCertain: 0.95)
  /// ```
  ///
  /// - Parameters:
  ///   - almostCertain: Least probability for "almost certainly".
  ///   - veryLikely: Least probability for "very likely".
  ///   - likely: Least probability for "likely".
  ///   - strongEvidence: Least confidence for "strong evidence".
  ///   - someEvidence: Least confidence for "some evidence".
  public init(
    almostCertain: Double = 0.90, veryLikely: Double = 0.75, likely: Double = 0.60,
    strongEvidence: Double = 0.80, someEvidence: Double = 0.50
  ) {
    self.almostCertain = almostCertain
    self.veryLikely = veryLikely
    self.likely = likely
    self.strongEvidence = strongEvidence
    self.someEvidence = someEvidence
  }

  /// Checks that every threshold is in `0...1` and that each band's is above the next one's.
  ///
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)``.
  public func validate() throws(ModelError) {
    let fields = [
      ("almostCertain", almostCertain), ("veryLikely", veryLikely), ("likely", likely),
      ("strongEvidence", strongEvidence), ("someEvidence", someEvidence),
    ]
    for (field, value) in fields { try Check.unitInterval(value, field: "hedging band \(field)") }
    guard almostCertain >= veryLikely, veryLikely >= likely else {
      throw .numberOutOfRange(
        field: "hedging band veryLikely", value: veryLikely,
        allowed: "likely <= veryLikely <= almostCertain")
    }
    guard strongEvidence >= someEvidence else {
      throw .numberOutOfRange(
        field: "hedging band someEvidence", value: someEvidence, allowed: "<= strongEvidence")
    }
  }

  /// The phrase for the probability `p` of a belief's most likely outcome.
  ///
  /// - Parameter p: A probability.
  /// - Returns: "almost certainly", "very likely", "likely" or "may".
  public func probabilityPhrase(_ p: Double) -> String {
    if p >= almostCertain { return "almost certainly" }
    if p >= veryLikely { return "very likely" }
    if p >= likely { return "likely" }
    return "may"
  }

  /// The phrase for the confidence `c` behind a belief.
  ///
  /// - Parameter confidence: `1 - u`, in `0...1`.
  /// - Returns: "strong evidence", "some evidence" or "little evidence".
  public func evidencePhrase(_ confidence: Double) -> String {
    if confidence >= strongEvidence { return "strong evidence" }
    if confidence >= someEvidence { return "some evidence" }
    return "little evidence"
  }
}
