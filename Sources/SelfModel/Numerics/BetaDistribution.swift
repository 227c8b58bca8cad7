/// A Beta(α, β) distribution over a probability `θ` in `0...1`: the belief about a binary
/// outcome after `α` weighted successes and `β` weighted failures (prior included).
///
/// The density is `f(θ) = θ^(α-1) (1-θ)^(β-1) / B(α, β)`. The value is immutable and validated
/// on construction and on decoding, so every instance has finite, positive parameters.
///
/// ```swift
/// let posterior = try BetaDistribution(alpha: 3, beta: 2)
/// posterior.mean  // 0.6
/// try posterior.equalTailedInterval(level: 0.9)  // 0.2486...0.9024
/// try posterior.probabilityAbove(0.5)  // 0.6875
/// ```
public struct BetaDistribution: Sendable, Hashable {
  /// The first shape parameter `α` (pseudo-count of successes), finite and greater than 0.
  public let alpha: Double
  /// The second shape parameter `β` (pseudo-count of failures), finite and greater than 0.
  public let beta: Double

  /// Creates a Beta(α, β) distribution after validating both parameters.
  ///
  /// ```swift
  /// let uniform = try BetaDistribution(alpha: 1, beta: 1)
  /// ```
  ///
  /// - Parameters:
  ///   - alpha: The first shape parameter `α`, finite and greater than 0.
  ///   - beta: The second shape parameter `β`, finite and greater than 0.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` when a parameter is NaN or infinite;
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` when it is 0 or negative. The field
  ///   is `"alpha"` or `"beta"`.
  public init(alpha: Double, beta: Double) throws(ModelError) {
    try IncompleteBeta.validateShape(a: alpha, b: beta, fields: ("alpha", "beta"))
    self.alpha = alpha
    self.beta = beta
  }

  /// Creates a distribution from parameters the caller has already validated.
  init(uncheckedAlpha alpha: Double, beta: Double) {
    precondition(alpha > 0 && alpha.isFinite && beta > 0 && beta.isFinite)
    self.alpha = alpha
    self.beta = beta
  }

  /// The mean, `α / (α + β)`.
  ///
  /// ```swift
  /// try BetaDistribution(alpha: 3, beta: 2).mean  // 0.6
  /// ```
  public var mean: Double { alpha / (alpha + beta) }

  /// The variance, `α β / ((α + β)² (α + β + 1))`.
  ///
  /// ```swift
  /// try BetaDistribution(alpha: 1, beta: 1).variance  // 1/12
  /// ```
  public var variance: Double {
    let total = alpha + beta
    return alpha / total * (beta / total) / (total + 1)
  }

  /// The mode, `(α - 1) / (α + β - 2)`, defined only when `α > 1` and `β > 1`.
  ///
  /// With `α <= 1` or `β <= 1` the density is unbounded or flat at an end point, so there is no
  /// interior maximum and the property is `nil`.
  ///
  /// ```swift
  /// try BetaDistribution(alpha: 3, beta: 2).mode  // 2/3
  /// try BetaDistribution(alpha: 1, beta: 5).mode  // nil
  /// ```
  public var mode: Double? {
    guard alpha > 1 && beta > 1 else { return nil }
    return (alpha - 1) / (alpha + beta - 2)
  }

  /// The cumulative distribution function, `P(θ <= x) = I_x(α, β)`.
  ///
  /// ```swift
  /// try BetaDistribution(alpha: 2, beta: 2).cumulativeProbability(0.5)  // 0.5
  /// ```
  ///
  /// - Parameter x: A value in `0...1`.
  /// - Returns: The probability that `θ` is at most `x`.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` (field `"x"`) when `x` is not a
  ///   finite number in `0...1`.
  public func cumulativeProbability(_ x: Double) throws(ModelError) -> Double {
    try IncompleteBeta.validateUnitInterval(x, field: "x")
    return IncompleteBeta.tails(x: x, y: 1 - x, a: alpha, b: beta).lower
  }

  /// The survival function, `P(θ > x) = I_{1-x}(β, α)`.
  ///
  /// The upper tail is computed directly rather than as `1 - cumulativeProbability(x)`, so a
  /// survival probability of 1e-200 keeps all its digits.
  ///
  /// ```swift
  /// try BetaDistribution(alpha: 3, beta: 2).probabilityAbove(0.5)  // 0.6875
  /// ```
  ///
  /// - Parameter x: A value in `0...1`.
  /// - Returns: The probability that `θ` exceeds `x`.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` (field `"x"`) when `x` is not a
  ///   finite number in `0...1`.
  public func probabilityAbove(_ x: Double) throws(ModelError) -> Double {
    try IncompleteBeta.validateUnitInterval(x, field: "x")
    return IncompleteBeta.tails(x: x, y: 1 - x, a: alpha, b: beta).upper
  }

  /// The quantile function: the `x` with `I_x(α, β) = p`.
  ///
  /// See ``IncompleteBeta/inverse(_:a:b:)`` for the method. `quantile(0)` is 0 and
  /// `quantile(1)` is 1.
  ///
  /// ```swift
  /// try BetaDistribution(alpha: 1, beta: 1).quantile(0.25)  // 0.25
  /// ```
  ///
  /// - Parameter p: A probability in `0...1`.
  /// - Returns: The `p`-quantile, in `0...1`.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` (field `"probability"`) when `p` is
  ///   not a finite number in `0...1`.
  public func quantile(_ p: Double) throws(ModelError) -> Double {
    try IncompleteBeta.validateUnitInterval(p, field: "probability")
    return IncompleteBeta.quantile(p: p, q: 1 - p, a: alpha, b: beta).x
  }

  /// The equal-tailed credible interval holding probability `level`: from the
  /// `(1 - level) / 2`-quantile to the `(1 + level) / 2`-quantile, as SciPy's
  /// `scipy.stats.beta.interval` computes it.
  ///
  /// Each bound leaves `(1 - level) / 2` of the probability outside it; the upper bound is
  /// found from that upper-tail mass directly, so it does not suffer from rounding `1 - p`.
  ///
  /// ```swift
  /// try BetaDistribution(alpha: 1, beta: 1).equalTailedInterval(level: 0.9)  // 0.05...0.95
  /// ```
  ///
  /// - Parameter level: The probability inside the interval, strictly between 0 and 1.
  /// - Returns: The interval `quantile((1 - level) / 2)...quantile((1 + level) / 2)`.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` when `level` is NaN or infinite;
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` (field `"level"`) when it is not
  ///   strictly between 0 and 1.
  public func equalTailedInterval(level: Double) throws(ModelError) -> ClosedRange<Double> {
    guard level.isFinite else { throw .nonFiniteNumber(field: "level") }
    guard level > 0 && level < 1 else {
      throw .numberOutOfRange(field: "level", value: level, allowed: "(0, 1)")
    }
    let outside = (1 - level) / 2
    let lower = IncompleteBeta.quantile(p: outside, q: 1 - outside, a: alpha, b: beta).x
    let upper = IncompleteBeta.quantile(p: 1 - outside, q: outside, a: alpha, b: beta).x
    return lower...max(lower, upper)
  }
}
