extension Stance: Codable {
  private enum CodingKeys: String, CodingKey {
    case belief, assertion, isDenial, importance
  }

  /// Decodes a stance and validates it like
  /// ``init(belief:assertion:isDenial:importance:)``; `isDenial` defaults to `false` and
  /// `importance` to 1.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: A `DecodingError`; a validation failure is `dataCorrupted` at its coding path,
  ///   with the ``ModelError`` as underlying error (see ``ModelError/init(unwrapping:)``).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try DecodingError.validating(decoder) {
      try Self(
        belief: container.decode(BeliefKey.self, forKey: .belief),
        assertion: container.decode(EvidenceContent.self, forKey: .assertion),
        isDenial: container.decodeIfPresent(Bool.self, forKey: .isDenial) ?? false,
        importance: container.decodeIfPresent(Double.self, forKey: .importance) ?? 1)
    }
  }

  /// Encodes the belief, assertion, denial flag and importance.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(belief, forKey: .belief)
    try container.encode(assertion, forKey: .assertion)
    try container.encode(isDenial, forKey: .isDenial)
    try container.encode(importance, forKey: .importance)
  }
}
