/// A binary subjective-logic opinion `(belief, disbelief, uncertainty, baseRate)`.
///
/// With prior weight `W`, positive evidence `r` and negative evidence `s` (Josang 2016):
///
///     b = r / (r + s + W),  d = s / (r + s + W),  u = W / (r + s + W)
///     projected probability P = b + a * u = (r + W a) / (r + s + W)
///
/// which is the mean of `Beta(r + W a, s + W (1 - a))`. ``BeliefEstimate/opinion`` gives this
/// view of any binary belief.
///
/// ```swift
/// let opinion = try Opinion(positiveEvidence: 8, negativeEvidence: 2, baseRate: 0.5)
/// opinion.projectedProbability  // 0.75
/// ```
public struct Opinion: Sendable, Hashable {
  /// Belief mass `b`.
  public let belief: Double
  /// Disbelief mass `d`.
  public let disbelief: Double
  /// Uncertainty mass `u`; `b + d + u = 1`.
  public let uncertainty: Double
  /// Base rate `a`, the prior probability.
  public let baseRate: Double

  /// Creates an opinion from its masses.
  ///
  /// - Parameters:
  ///   - belief: `b` in `0...1`.
  ///   - disbelief: `d` in `0...1`.
  ///   - uncertainty: `u` in `0...1`; `b + d + u` must be 1 within `1e-9`.
  ///   - baseRate: `a` in `0...1`.
  /// - Throws: A number error or ``ModelError/invalidDistribution(field:reason:)``.
  public init(belief: Double, disbelief: Double, uncertainty: Double, baseRate: Double)
    throws(ModelError)
  {
    try Check.distribution([belief, disbelief, uncertainty], field: "opinion (b, d, u)")
    try Check.unitInterval(baseRate, field: "opinion base rate")
    self.belief = belief
    self.disbelief = disbelief
    self.uncertainty = uncertainty
    self.baseRate = baseRate
  }

  /// Maps evidence to an opinion: `b = r/(r+s+W)`, `d = s/(r+s+W)`, `u = W/(r+s+W)`.
  ///
  /// - Parameters:
  ///   - positiveEvidence: `r >= 0`.
  ///   - negativeEvidence: `s >= 0`.
  ///   - baseRate: `a` in `0...1`.
  ///   - priorWeight: `W > 0`, default 2.
  /// - Throws: A number error for a negative, NaN or infinite argument.
  public init(
    positiveEvidence: Double, negativeEvidence: Double, baseRate: Double,
    priorWeight: Double = 2
  ) throws(ModelError) {
    let (r, s) = (positiveEvidence, negativeEvidence)
    for (value, field) in [(r, "positive evidence"), (s, "negative evidence")] {
      try Check.finite(value, field: field)
      guard value >= 0 else { throw .numberOutOfRange(field: field, value: value, allowed: ">= 0") }
    }
    try Check.positive(priorWeight, field: "priorWeight")
    let total = r + s + priorWeight
    try self.init(
      belief: r / total, disbelief: s / total, uncertainty: priorWeight / total, baseRate: baseRate)
  }

  /// The projected probability `P = b + a u`.
  public var projectedProbability: Double { belief + baseRate * uncertainty }

  /// The evidence `(r, s) = (W b / u, W d / u)` behind this opinion; `nil` for a dogmatic
  /// opinion (`u = 0`), which stands for infinite evidence.
  ///
  /// - Parameter priorWeight: `W`, default 2.
  /// - Returns: The positive and negative evidence, or `nil`.
  public func evidence(priorWeight: Double = 2) -> (positive: Double, negative: Double)? {
    guard uncertainty > 0 else { return nil }
    return (priorWeight * belief / uncertainty, priorWeight * disbelief / uncertainty)
  }

  /// Cumulative fusion of two independent opinions (Josang 2016, section 12.3): their evidence
  /// adds up.
  ///
  ///     k = uA + uB - uA uB
  ///     b = (bA uB + bB uA) / k,  u = uA uB / k
  ///     a = (aA uB + aB uA - (aA + aB) uA uB) / (uA + uB - 2 uA uB)   (average if both u = 1)
  ///
  /// Two dogmatic opinions (`u = 0`) fuse in the limit with equal weights: the average.
  ///
  /// - Parameter other: The other opinion.
  /// - Returns: The fused opinion.
  public func cumulativelyFused(with other: Opinion) -> Opinion {
    let (uA, uB) = (uncertainty, other.uncertainty)
    if uA == 0 && uB == 0 { return averaged(with: other, uncertainty: 0) }
    let k = uA + uB - uA * uB
    let baseDenominator = uA + uB - 2 * uA * uB
    let a =
      baseDenominator > 0
      ? (baseRate * uB + other.baseRate * uA - (baseRate + other.baseRate) * uA * uB)
        / baseDenominator
      : (baseRate + other.baseRate) / 2
    return Opinion(
      trusted: (belief * uB + other.belief * uA) / k,
      (disbelief * uB + other.disbelief * uA) / k, uA * uB / k, a)
  }

  /// Averaging fusion of two dependent opinions (Josang 2016, section 12.5):
  /// `b = (bA uB + bB uA) / (uA + uB)`, `u = 2 uA uB / (uA + uB)`, `a = (aA + aB) / 2`.
  ///
  /// - Parameter other: The other opinion.
  /// - Returns: The fused opinion.
  public func averagingFused(with other: Opinion) -> Opinion {
    let (uA, uB) = (uncertainty, other.uncertainty)
    if uA == 0 && uB == 0 { return averaged(with: other, uncertainty: 0) }
    let sum = uA + uB
    return Opinion(
      trusted: (belief * uB + other.belief * uA) / sum,
      (disbelief * uB + other.disbelief * uA) / sum, 2 * uA * uB / sum,
      (baseRate + other.baseRate) / 2)
  }

  /// Trust discounting, probability-sensitive (Josang 2016, section 14.3): an opinion relayed by
  /// an advisor is scaled by the projected probability `p` of trusting the advisor:
  /// `b = p bX`, `d = p dX`, `u = 1 - p (bX + dX)`, `a = aX`.
  ///
  /// - Parameter trust: The opinion about the advisor's trustworthiness.
  /// - Returns: The discounted opinion.
  public func discounted(by trust: Opinion) -> Opinion {
    let p = trust.projectedProbability
    return Opinion(
      trusted: p * belief, p * disbelief, 1 - p * (belief + disbelief), baseRate)
  }

  private func averaged(with other: Opinion, uncertainty: Double) -> Opinion {
    Opinion(
      trusted: (belief + other.belief) / 2, (disbelief + other.disbelief) / 2, uncertainty,
      (baseRate + other.baseRate) / 2)
  }

  /// For results of the operators above, whose inputs were already valid.
  private init(trusted b: Double, _ d: Double, _ u: Double, _ a: Double) {
    belief = b
    disbelief = d
    uncertainty = u
    baseRate = a
  }
}

extension Opinion: Codable {
  private enum CodingKeys: String, CodingKey {
    case belief, disbelief, uncertainty, baseRate
  }

  /// Decodes an opinion and validates it like ``init(belief:disbelief:uncertainty:baseRate:)``.
  ///
  /// - Throws: A `DecodingError`; a validation failure is `dataCorrupted` at its coding path,
  ///   with the ``ModelError`` as underlying error (see ``ModelError/init(unwrapping:)``).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try DecodingError.validating(decoder) {
      try Self(
        belief: container.decode(Double.self, forKey: .belief),
        disbelief: container.decode(Double.self, forKey: .disbelief),
        uncertainty: container.decode(Double.self, forKey: .uncertainty),
        baseRate: container.decode(Double.self, forKey: .baseRate))
    }
  }

  /// Encodes the four masses.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(belief, forKey: .belief)
    try container.encode(disbelief, forKey: .disbelief)
    try container.encode(uncertainty, forKey: .uncertainty)
    try container.encode(baseRate, forKey: .baseRate)
  }
}
