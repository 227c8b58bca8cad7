extension BetaDistribution: Codable {
  private enum CodingKeys: String, CodingKey {
    case alpha
    case beta
  }

  /// Decodes `{"alpha": α, "beta": β}` and validates it like ``init(alpha:beta:)``.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` wrapping ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a decoded parameter that is
  ///   NaN, infinite, 0 or negative, or the decoder's error when a key is missing or not a
  ///   number.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try DecodingError.validating(decoder) {
      try Self(
        alpha: container.decode(Double.self, forKey: .alpha),
        beta: container.decode(Double.self, forKey: .beta)
      )
    }
  }

  /// Encodes `{"alpha": α, "beta": β}`.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(alpha, forKey: .alpha)
    try container.encode(beta, forKey: .beta)
  }
}
