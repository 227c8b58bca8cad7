import Foundation

/// Information-theoretic quantities over discrete probability distributions: entropy,
/// Kullback-Leibler and Jensen-Shannon divergence, and the population stability index.
///
/// Every function validates its input before computing: each entry must be finite and in
/// `0...1`, paired distributions must have the same length, and a distribution must sum to 1
/// within an absolute tolerance of `1e-9`. Distributions are used as given, never renormalised.
/// The convention `0 ln 0 = 0` holds throughout. The conventions follow SciPy
/// (`scipy.stats.entropy`, `scipy.spatial.distance.jensenshannon`) and NumPy
/// (`numpy.histogram`), as pinned in the project's reference vectors.
///
/// ```swift
/// let drift = try Information.jensenShannonDivergence([0.9, 0.1], [0.2, 0.8])  // 0.397 bits
/// ```
public enum Information: Sendable {
  /// How far a distribution's sum may stray from 1 and still be accepted.
  public static var sumTolerance: Double { 1e-9 }

  /// The Shannon entropy of a discrete distribution.
  ///
  /// `H(p) = -sum_i p_i log_b(p_i)`, with `0 log 0 = 0`, as `scipy.stats.entropy(p, base=b)`.
  /// The result lies in `0...log_b(K)` for `K` outcomes.
  ///
  /// ```swift
  /// try Information.entropy([0.5, 0.25, 0.25])  // 1.5 bits
  /// ```
  ///
  /// - Parameters:
  ///   - p: The distribution: finite entries in `0...1` that sum to 1.
  ///   - base: The logarithm base: 2 for bits (the default), `M_E` for nats.
  /// - Returns: The entropy in units of `base`.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad entry or a base that is not finite and above 1, and
  ///   ``ModelError/invalidDistribution(field:reason:)`` for an empty distribution or one whose
  ///   sum is not 1.
  public static func entropy(_ p: [Double], base: Double = 2) throws(ModelError) -> Double {
    let logBase = try naturalLogarithm(ofBase: base)
    try validateDistribution(p, field: "p")
    var sum = 0.0
    for value in p where value > 0 { sum -= value * log(value) }
    return max(0, sum) / logBase
  }

  /// The Kullback-Leibler divergence of `p` from `q`, `KL(p || q)`.
  ///
  /// `KL(p || q) = sum_i p_i log_b(p_i / q_i)`, with `0 log(0 / q) = 0` and
  /// `p log(p / 0) = +infinity` for `p > 0`, as `scipy.stats.entropy(p, q, base=b)`. It is not
  /// symmetric, and it is `+infinity` when `q` rules out an outcome that `p` allows.
  ///
  /// ```swift
  /// try Information.kullbackLeiblerDivergence([0.5, 0.5], from: [0.9, 0.1])  // 0.737 bits
  /// ```
  ///
  /// - Parameters:
  ///   - p: The distribution whose divergence is measured (the "true" one).
  ///   - q: The reference distribution `p` is compared against, of the same length.
  ///   - base: The logarithm base: 2 for bits (the default), `M_E` for nats.
  /// - Returns: A value in `0...+infinity`, in units of `base`.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad entry or a base that is not finite and above 1, and
  ///   ``ModelError/invalidDistribution(field:reason:)`` for an empty distribution, one whose
  ///   sum is not 1, or lengths that differ.
  public static func kullbackLeiblerDivergence(
    _ p: [Double], from q: [Double], base: Double = 2
  ) throws(ModelError) -> Double {
    let logBase = try naturalLogarithm(ofBase: base)
    try validatePair(p, q, fields: ("p", "q"))
    return relativeEntropy(p, q) / logBase
  }

  /// The Jensen-Shannon divergence between two distributions.
  ///
  /// `JS(p, q) = (KL(p || m) + KL(q || m)) / 2` with `m = (p + q) / 2`. This is the
  /// *divergence*: SciPy's `scipy.spatial.distance.jensenshannon(p, q, base=b)` returns the
  /// *distance*, its square root, so `JS = jensenshannon(p, q, base=b) ** 2`. It is symmetric,
  /// always finite, and lies in `0...log_b(2)`: `0...1` in bits.
  ///
  /// ```swift
  /// try Information.jensenShannonDivergence([1, 0], [0, 1])  // 1 bit
  /// ```
  ///
  /// - Parameters:
  ///   - p: The first distribution.
  ///   - q: The second distribution, of the same length.
  ///   - base: The logarithm base: 2 for bits (the default), `M_E` for nats.
  /// - Returns: The divergence in units of `base`.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad entry or a base that is not finite and above 1, and
  ///   ``ModelError/invalidDistribution(field:reason:)`` for an empty distribution, one whose
  ///   sum is not 1, or lengths that differ.
  public static func jensenShannonDivergence(
    _ p: [Double], _ q: [Double], base: Double = 2
  ) throws(ModelError) -> Double {
    let logBase = try naturalLogarithm(ofBase: base)
    try validatePair(p, q, fields: ("p", "q"))
    let mixture = zip(p, q).map { ($0 + $1) / 2 }
    let divergence = (relativeEntropy(p, mixture) + relativeEntropy(q, mixture)) / 2
    return min(max(0, divergence), log(2)) / logBase
  }

  /// The population stability index (PSI) between an expected and an actual set of proportions.
  ///
  /// `PSI = sum_i (a_i - e_i) ln(a_i / e_i)` in nats, which equals `KL(a || e) + KL(e || a)`.
  /// A term with `a_i = e_i` is 0 (also when both are 0); a term where exactly one side is 0 is
  /// `+infinity`. With a `floor`, each proportion is first replaced by `max(proportion, floor)`,
  /// without renormalising, which keeps the index finite (the reference vectors use `1e-4`).
  ///
  /// ```swift
  /// try Information.populationStabilityIndex(expected: [0.5, 0.5], actual: [0.6, 0.4])  // 0.0405
  /// ```
  ///
  /// - Parameters:
  ///   - expected: The baseline proportions (for example, last month's histogram), summing to 1.
  ///   - actual: The new proportions, of the same length, summing to 1.
  ///   - floor: The smallest value a proportion may take, in `0...1`, or `nil` for none.
  /// - Returns: A value in `0...+infinity`, in nats.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad entry or floor, and
  ///   ``ModelError/invalidDistribution(field:reason:)`` for an empty input, a sum other than
  ///   1, or lengths that differ.
  public static func populationStabilityIndex(
    expected: [Double], actual: [Double], floor: Double? = nil
  ) throws(ModelError) -> Double {
    try validatePair(expected, actual, fields: ("expected", "actual"))
    if let floor { try validateProbability(floor, field: "floor") }
    let lowest = floor ?? 0
    var index = 0.0
    for (expectedValue, actualValue) in zip(expected, actual) {
      let e = max(expectedValue, lowest)
      let a = max(actualValue, lowest)
      if a == e { continue }
      if a == 0 || e == 0 { return .infinity }
      index += (a - e) * log(a / e)
    }
    return max(0, index)
  }

  /// The proportions of values falling into equal-width bins over `0...1`.
  ///
  /// Follows `numpy.histogram(values, bins=numpy.linspace(0, 1, bins + 1))` divided by the
  /// number of values: edge `i` is `i * (1 / bins)` exactly as NumPy computes it (so the third
  /// of ten edges is `0.30000000000000004`), every bin is left-closed `[lower, upper)`, and the
  /// last bin is closed `[lower, 1]`.
  ///
  /// ```swift
  /// try Information.histogramProportions([0.05, 0.15, 0.3, 1.0])
  /// // [0.25, 0.25, 0.25, 0, 0, 0, 0, 0, 0, 0.25]
  /// ```
  ///
  /// - Parameters:
  ///   - values: The values to bin, each finite and in `0...1`.
  ///   - bins: The number of bins, at least 1 (default 10).
  /// - Returns: `bins` proportions that sum to 1.
  /// - Throws: ``ModelError/undefined(quantity:reason:)`` when `values` is empty,
  ///   ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad value or bin count.
  public static func histogramProportions(
    _ values: [Double], bins: Int = 10
  ) throws(ModelError) -> [Double] {
    guard bins >= 1 else {
      throw .numberOutOfRange(field: "bins", value: Double(bins), allowed: "1 or more")
    }
    guard !values.isEmpty else {
      throw .undefined(quantity: "histogram proportions", reason: "there are no values")
    }
    var counts = [Int](repeating: 0, count: bins)
    for (offset, value) in values.enumerated() {
      try validateProbability(value, field: "values[\(offset)]")
      counts[binIndex(of: value, bins: bins)] += 1
    }
    return counts.map { Double($0) / Double(values.count) }
  }
}

extension Information {
  /// Edge `i` of `bins` equal-width bins over `0...1`, as `numpy.linspace(0, 1, bins + 1)[i]`.
  static func binEdge(_ i: Int, bins: Int) -> Double {
    i >= bins ? 1 : Double(i) * (1 / Double(bins))
  }

  /// The bin of `value` (in `0...1`) among `bins` equal-width bins, left-closed with the last
  /// bin closed, compared against the exact NumPy edges (`searchsorted(edges, value, "right")`).
  static func binIndex(of value: Double, bins: Int) -> Int {
    var index = min(max(Int(value * Double(bins)), 0), bins - 1)
    while index > 0 && value < binEdge(index, bins: bins) { index -= 1 }
    while index < bins - 1 && value >= binEdge(index + 1, bins: bins) { index += 1 }
    return index
  }

  /// `sum_i p_i ln(p_i / q_i)` in nats, with `0 ln(0 / q) = 0` and `p ln(p / 0) = +infinity`.
  static func relativeEntropy(_ p: [Double], _ q: [Double]) -> Double {
    var sum = 0.0
    for (pValue, qValue) in zip(p, q) where pValue > 0 {
      if qValue == 0 { return .infinity }
      sum += pValue * log(pValue / qValue)
    }
    return max(0, sum)
  }

  /// The binary entropy `-p log2 p - (1 - p) log2 (1 - p)` in bits, for `p` in `0...1`.
  static func binaryEntropy(_ p: Double) -> Double {
    var sum = 0.0
    if p > 0 { sum -= p * log2(p) }
    if p < 1 { sum -= (1 - p) * log2(1 - p) }
    return min(max(0, sum), 1)
  }

  static func validateProbability(_ value: Double, field: String) throws(ModelError) {
    guard value.isFinite else { throw .nonFiniteNumber(field: field) }
    guard (0...1).contains(value) else {
      throw .numberOutOfRange(field: field, value: value, allowed: "0...1")
    }
  }

  static func validateDistribution(_ p: [Double], field: String) throws(ModelError) {
    guard !p.isEmpty else { throw .invalidDistribution(field: field, reason: "it is empty") }
    for (offset, value) in p.enumerated() {
      try validateProbability(value, field: "\(field)[\(offset)]")
    }
    let sum = p.reduce(0, +)
    guard abs(sum - 1) <= sumTolerance else {
      throw .invalidDistribution(
        field: field, reason: "its entries sum to \(sum), not 1 (tolerance \(sumTolerance))")
    }
  }

  private static func validatePair(
    _ p: [Double], _ q: [Double], fields: (String, String)
  ) throws(ModelError) {
    try validateDistribution(p, field: fields.0)
    try validateDistribution(q, field: fields.1)
    guard p.count == q.count else {
      throw .invalidDistribution(
        field: fields.1,
        reason: "it has \(q.count) entries but \(fields.0) has \(p.count)")
    }
  }

  private static func naturalLogarithm(ofBase base: Double) throws(ModelError) -> Double {
    guard base.isFinite else { throw .nonFiniteNumber(field: "base") }
    guard base > 1 else {
      throw .numberOutOfRange(field: "base", value: base, allowed: "greater than 1")
    }
    return log(base)
  }
}
