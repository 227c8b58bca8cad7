extension AnswerReliability {
  private enum CodingKeys: String, CodingKey {
    case sensitivity, specificity
  }

  /// Decodes and validates an answer model.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: `DecodingError.dataCorrupted` wrapping a ``ModelError`` for a rate outside
  ///   `0...1`, or the decoder's error when a field is
  ///   missing or not a number.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try DecodingError.validating(decoder) {
      try Self(
        sensitivity: container.decode(Double.self, forKey: .sensitivity),
        specificity: container.decode(Double.self, forKey: .specificity))
    }
  }

  /// Encodes both rates.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(sensitivity, forKey: .sensitivity)
    try container.encode(specificity, forKey: .specificity)
  }
}
