/// How one ``Stance`` of a candidate fits the user's model: the probability that the user holds
/// what it asserts, that probability's chance level and credible interval, and the signed
/// agreement the stance adds to the candidate's score.
///
/// With the belief's posterior probabilities `p_k`, base rates `a_k`, the stance's
/// compatibility vector `q_k` (see ``Stance``) and the evidence share `1 - u = T / (T + W)`:
///
///     agreement  A = sum_k p_k q_k         chance  C = sum_k a_k q_k
///     s = (A - C) / (max_k q_k - C)   if A > C
///     s = (A - C) / (C - min_k q_k)   if A < C,      0 if A = C
///
/// `s` is in `-1...1`: 1 when the user certainly holds what is asserted, -1 when they
/// certainly hold its opposite, 0 at chance (no evidence). Because `p_k - a_k = (1 - u)(f_k -
/// a_k)` with `f_k = t_k / T`, `s = (1 - u) * ŝ`: the evidence-only agreement ``evidenceAgreement``
/// (computed from the evidence frequencies `f_k`) discounted by our confidence `1 - u`.
///
/// ```swift
/// let report = try scorer.score(reply)
/// let top = report.supporting.first  // the stance that helps the score most
/// top?.agreement  // e.g. 0.83: P(user holds what the reply asserts)
/// ```
public struct StanceAlignment: Sendable, Hashable, Codable {
  /// The stance.
  public let stance: Stance
  /// `A = sum_k p_k q_k`: the probability that the user holds what the stance asserts.
  public let agreement: Double
  /// `C = sum_k a_k q_k`: the agreement expected from the base rates alone.
  public let chance: Double
  /// The equal-tailed credible interval of `A` at the scorer's level (exact for a single
  /// outcome or a binary belief; a moment-matched Beta otherwise).
  public let agreementInterval: ClosedRange<Double>
  /// `1 - u = T / (T + W)`: how much of the estimate rests on evidence rather than the prior.
  public let confidence: Double
  /// `ŝ = s / (1 - u)`: the signed agreement of the evidence alone (0 without evidence).
  public let evidenceAgreement: Double
  /// `s = (1 - u) * ŝ`, in `-1...1`: the stance's signed agreement, relative to chance.
  public let signedAgreement: Double
  /// `s` evaluated at the ends of ``agreementInterval``.
  public let range: ClosedRange<Double>
  /// `w s / sum w` over the candidate's known stances: this stance's share of the score.
  public let impact: Double

  /// Creates a stance alignment from its parts; ``AlignmentScorer`` is the usual maker.
  ///
  /// ```swift
  /// let part = StanceAlignment(
  ///   stance: stance, agreement: 0.8, chance: 0.5, agreementInterval: 0.6...0.95,
  ///   confidence: 0.75, evidenceAgreement: 0.8, signedAgreement: 0.6, range: 0.2...0.9,
  ///   impact: 0.3)
  /// ```
  ///
  /// - Parameters:
  ///   - stance: The stance.
  ///   - agreement: `A`.
  ///   - chance: `C`.
  ///   - agreementInterval: The credible interval of `A`.
  ///   - confidence: `1 - u`.
  ///   - evidenceAgreement: `ŝ`.
  ///   - signedAgreement: `s`.
  ///   - range: `s` at the interval's ends.
  ///   - impact: The share of the score.
  public init(
    stance: Stance, agreement: Double, chance: Double, agreementInterval: ClosedRange<Double>,
    confidence: Double, evidenceAgreement: Double, signedAgreement: Double,
    range: ClosedRange<Double>, impact: Double
  ) {
    self.stance = stance
    self.agreement = agreement
    self.chance = chance
    self.agreementInterval = agreementInterval
    self.confidence = confidence
    self.evidenceAgreement = evidenceAgreement
    self.signedAgreement = signedAgreement
    self.range = range
    self.impact = impact
  }
}
