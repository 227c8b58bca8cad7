import Foundation

/// Log-odds updating of a binary belief by likelihood ratios, the rule behind
/// ``EvidenceContent/likelihoodRatio(outcome:ratio:)``, as a standalone calculation.
///
/// With prior probability `p0` and items `(LR_i, r_i)` (a likelihood ratio and the
/// reliability of its source):
///
///     L = logit(p0) + sum_i increment(LR_i, r_i),   posterior = expit(L)
///     mixture:  increment = ln(r LR + 1 - r)         (r = 0 gives 0)
///     power:    increment = r ln(LR)                  (0 ln 0 = 0, as scipy's xlogy)
///
/// The mixture rule reads the source as informative with probability `r` and uninformative
/// (`LR = 1`) otherwise; it is the rule a ``UserModel`` applies. The power rule raises the
/// ratio to the power `r`. Natural logs throughout. Both are sums, so the order of items does
/// not change `L`. An optional clamp bounds `L` after every item (OctoMap's saturation); the
/// starting `logit(p0)` is not clamped, and a clamp makes the order matter.
///
/// A prior of 0 or 1 gives `L = -inf` or `+inf`, and a ratio of 0 (or infinity) at full
/// reliability gives an increment of `-inf` (or `+inf`): certainty, which nothing moves
/// afterwards. Two certainties in opposite directions are undefined and throw.
///
/// ```swift
/// let items = [LogOddsUpdate.Item(ratio: 2.5, reliability: 0.9)]
/// let logOdds = try LogOddsUpdate.logOdds(prior: 0.35, items: items, rule: .mixture)
/// let posterior = LogOddsUpdate.probability(logOdds: logOdds)
/// ```
public enum LogOddsUpdate {
  /// How a source's reliability tempers a likelihood ratio.
  public enum Rule: String, Sendable, Hashable, Codable, CaseIterable {
    /// `ln(r LR + 1 - r)`: with probability `r` the ratio, else no information.
    case mixture
    /// `r ln(LR)`: the ratio raised to the power `r`.
    case power
  }

  /// One likelihood ratio and the reliability of its source.
  public struct Item: Sendable, Hashable, Codable {
    /// `P(observation | holds) / P(observation | does not hold)`, in `0...+inf`.
    public let ratio: Double
    /// The source's reliability in `0...1`.
    public let reliability: Double

    /// Creates an item.
    ///
    /// - Parameters:
    ///   - ratio: The likelihood ratio, 0 or more (infinity allowed).
    ///   - reliability: The reliability in `0...1` (default 1).
    public init(ratio: Double, reliability: Double = 1) {
      self.ratio = ratio
      self.reliability = reliability
    }
  }

  /// The log-odds increment of one item.
  ///
  /// - Parameters:
  ///   - item: The ratio and reliability.
  ///   - rule: How reliability tempers the ratio.
  /// - Returns: The increment; `-inf` for a ratio of 0 at full reliability, `+inf` for an
  ///   infinite ratio at a reliability above 0.
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` or
  ///   ``ModelError/nonFiniteNumber(field:)`` for a negative or NaN ratio or a reliability
  ///   outside `0...1`.
  public static func increment(of item: Item, rule: Rule) throws(ModelError) -> Double {
    try Check.unitInterval(item.reliability, field: "reliability")
    guard !item.ratio.isNaN else { throw .nonFiniteNumber(field: "likelihood ratio") }
    guard item.ratio >= 0 else {
      throw .numberOutOfRange(field: "likelihood ratio", value: item.ratio, allowed: "0 or more")
    }
    let r = item.reliability
    guard r > 0 else { return 0 }
    switch rule {
    case .mixture:
      return item.ratio.isInfinite ? .infinity : log(r * item.ratio + 1 - r)
    case .power:
      return r * log(item.ratio)
    }
  }

  /// `logit(prior) + sum of increments`, clamped to `clamp` after every item when given.
  ///
  /// - Parameters:
  ///   - prior: The prior probability in `0...1`.
  ///   - items: The likelihood ratios, in order (the order matters only with a clamp).
  ///   - rule: How reliability tempers each ratio.
  ///   - clamp: Bounds applied after every item, or `nil` (default) for none.
  /// - Returns: The posterior log-odds, possibly infinite.
  /// - Throws: The errors of ``increment(of:rule:)``; ``ModelError/undefined(quantity:reason:)``
  ///   when certainty meets certainty the other way (`+inf + -inf`).
  public static func logOdds(
    prior: Double, items: [Item], rule: Rule, clamp: ClosedRange<Double>? = nil
  ) throws(ModelError) -> Double {
    try Check.unitInterval(prior, field: "prior")
    var total = log(prior) - log1p(-prior)
    for item in items {
      total += try increment(of: item, rule: rule)
      guard !total.isNaN else {
        throw .undefined(
          quantity: "posterior log-odds",
          reason: "evidence rules out an outcome that is already certain")
      }
      if let clamp { total = min(max(total, clamp.lowerBound), clamp.upperBound) }
    }
    return total
  }

  /// `expit(L) = 1 / (1 + e^-L)`, computed without overflow; 0 and 1 at `-inf` and `+inf`.
  ///
  /// - Parameter logOdds: The log-odds `L` (not NaN).
  /// - Returns: The probability.
  public static func probability(logOdds: Double) -> Double {
    if logOdds >= 0 { return 1 / (1 + exp(-logOdds)) }
    let odds = exp(logOdds)
    return odds / (1 + odds)
  }
}
