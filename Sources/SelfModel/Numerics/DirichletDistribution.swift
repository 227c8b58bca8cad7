/// A Dirichlet(α₁, …, α_K) distribution over a probability vector of `K >= 2` outcomes: the
/// belief about a categorical outcome after weighted counts `α_k` (prior included).
///
/// The density is `f(θ) = Γ(Σα) / ΠΓ(α_k) · Π θ_k^(α_k - 1)` on the simplex. Each component on
/// its own follows Beta(α_k, Σα - α_k) (see ``marginal(_:)``). The value is immutable and
/// validated on construction and on decoding.
///
/// ```swift
/// let posterior = try DirichletDistribution(alpha: [11, 6, 13])
/// posterior.mean  // [0.3667, 0.2, 0.4333]
/// posterior.mode  // [0.3704, 0.1852, 0.4444]
/// ```
public struct DirichletDistribution: Sendable, Hashable {
  /// The concentration parameters `α_k`, at least two, each finite and greater than 0.
  public let alpha: [Double]

  /// Creates a Dirichlet distribution after validating its parameters.
  ///
  /// ```swift
  /// let uniform = try DirichletDistribution(alpha: [1, 1, 1])
  /// ```
  ///
  /// - Parameter alpha: The concentration parameters: at least two, each finite and greater
  ///   than 0.
  /// - Throws: ``ModelError/invalidDistribution(field:reason:)`` (field `"alpha"`) for fewer
  ///   than two components; ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` (field `"alpha[k]"`) for a
  ///   component that is NaN, infinite, 0 or negative.
  public init(alpha: [Double]) throws(ModelError) {
    guard alpha.count >= 2 else {
      throw .invalidDistribution(
        field: "alpha", reason: "a Dirichlet needs at least 2 components, got \(alpha.count)")
    }
    for (index, value) in alpha.enumerated() {
      try IncompleteBeta.validatePositive(value, field: "alpha[\(index)]")
    }
    self.alpha = alpha
  }

  /// The sum of the concentration parameters, `α₀ = Σ α_k`.
  private var total: Double { alpha.reduce(0, +) }

  /// The means, `E[θ_k] = α_k / α₀` where `α₀ = Σ α_k`.
  ///
  /// ```swift
  /// try DirichletDistribution(alpha: [2, 6]).mean  // [0.25, 0.75]
  /// ```
  public var mean: [Double] {
    let total = total
    return alpha.map { $0 / total }
  }

  /// The marginal variances, `Var[θ_k] = α_k (α₀ - α_k) / (α₀² (α₀ + 1))`.
  ///
  /// `α₀ - α_k` is summed from the other components, so it stays positive even when one
  /// component dwarfs the rest.
  ///
  /// ```swift
  /// try DirichletDistribution(alpha: [1, 1]).variance  // [1/12, 1/12]
  /// ```
  public var variance: [Double] {
    let total = total
    return alpha.indices.map { index in
      alpha[index] / total * (remainder(excluding: index) / total) / (total + 1)
    }
  }

  /// The mode (maximum a posteriori point), `(α_k - 1) / (α₀ - K)`, defined only when every
  /// `α_k > 1`.
  ///
  /// Otherwise the density is unbounded or flat at the edge of the simplex and the property is
  /// `nil`.
  ///
  /// ```swift
  /// try DirichletDistribution(alpha: [6, 4]).mode  // [0.625, 0.375]
  /// try DirichletDistribution(alpha: [1, 4]).mode  // nil
  /// ```
  public var mode: [Double]? {
    guard alpha.allSatisfy({ $0 > 1 }) else { return nil }
    let denominator = alpha.reduce(0) { $0 + ($1 - 1) }
    return alpha.map { ($0 - 1) / denominator }
  }

  /// The marginal distribution of component `index`: Beta(α_k, α₀ - α_k).
  ///
  /// ```swift
  /// let beta = try DirichletDistribution(alpha: [11, 6, 13]).marginal(2)  // Beta(13, 17)
  /// ```
  ///
  /// - Parameter index: An index into ``alpha``.
  /// - Returns: The Beta distribution of `θ_index`.
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` for an index outside
  ///   ``alpha``.
  public func marginal(_ index: Int) throws(ModelError) -> BetaDistribution {
    guard alpha.indices.contains(index) else {
      throw .numberOutOfRange(
        field: "index", value: Double(index), allowed: "0..<\(alpha.count)")
    }
    return BetaDistribution(uncheckedAlpha: alpha[index], beta: remainder(excluding: index))
  }

  /// `Σ_{j ≠ index} α_j`, summed directly so it is positive whatever the magnitudes.
  private func remainder(excluding index: Int) -> Double {
    var sum = 0.0
    for (other, value) in alpha.enumerated() where other != index { sum += value }
    return sum
  }
}

extension DirichletDistribution: Codable {
  private enum CodingKeys: String, CodingKey {
    case alpha
  }

  /// Decodes `{"alpha": [α₁, …, α_K]}` and validates it like ``init(alpha:)``.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` wrapping the errors of ``init(alpha:)`` for invalid
  ///   parameters, or the decoder's error
  ///   when the key is missing or not an array of numbers.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try DecodingError.validating(decoder) {
      try Self(alpha: container.decode([Double].self, forKey: .alpha))
    }
  }

  /// Encodes `{"alpha": [α₁, …, α_K]}`.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(alpha, forKey: .alpha)
  }
}
