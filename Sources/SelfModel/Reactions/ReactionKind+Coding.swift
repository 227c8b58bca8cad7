/// The JSON form of a reaction kind: an object with exactly one key.
///
///     {"accepted": {}}    {"rejected": {}}    {"edited": {"contradicting": ["style.tone"]}}
///     {"rated": {"value": 4, "scale": [1, 5]}}
///
/// Decoding also reads the rating under `_0`, the name Swift's synthesized coding gave it
/// before this form was written, so documents written then still decode.
extension ReactionKind {
  private enum CodingKeys: String, CodingKey {
    case accepted, rejected, edited, rated
  }

  private enum EditedKeys: String, CodingKey {
    case contradicting
  }

  private enum RatedKeys: String, CodingKey {
    case value, scale
    case legacyValue = "_0"
  }

  /// Decodes the one-key object above.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for an object without exactly one of the four keys, or a
  ///   kind's missing field.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let key = try container.onlyKey(
      "a reaction kind has exactly one of accepted, rejected, edited, rated")
    switch key {
    case .accepted: self = .accepted
    case .rejected: self = .rejected
    case .edited:
      let fields = try container.nestedContainer(keyedBy: EditedKeys.self, forKey: .edited)
      self = .edited(contradicting: try fields.decode(Set<BeliefKey>.self, forKey: .contradicting))
    case .rated:
      let fields = try container.nestedContainer(keyedBy: RatedKeys.self, forKey: .rated)
      let value =
        try fields.decodeIfPresent(Double.self, forKey: .value)
        ?? fields.decode(Double.self, forKey: .legacyValue)
      self = .rated(value, scale: try fields.decode(ClosedRange<Double>.self, forKey: .scale))
    }
  }

  /// Encodes the one-key object above (`value` for a rating, never `_0`).
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .accepted: _ = container.nestedContainer(keyedBy: EditedKeys.self, forKey: .accepted)
    case .rejected: _ = container.nestedContainer(keyedBy: EditedKeys.self, forKey: .rejected)
    case .edited(let contradicting):
      var fields = container.nestedContainer(keyedBy: EditedKeys.self, forKey: .edited)
      try fields.encode(contradicting.sorted(), forKey: .contradicting)
    case .rated(let value, let scale):
      var fields = container.nestedContainer(keyedBy: RatedKeys.self, forKey: .rated)
      try fields.encode(value, forKey: .value)
      try fields.encode(scale, forKey: .scale)
    }
  }
}
