/// The JSON form of a context reason: an object with exactly one key, its fields named.
///
///     {"key": {}}    {"keyPrefix": {"prefix": "style."}}    {"tag": {"name": "style"}}
///     {"relevance": {"score": 0.82}}    {"anyBelief": {}}
///
/// Decoding also reads a value under `_0`, the name Swift's synthesized coding gave it before
/// this form was written, so documents written then still decode.
extension PromptReason {
  private enum CodingKeys: String, CodingKey {
    case key, keyPrefix, tag, relevance, anyBelief
  }

  private enum FieldKeys: String, CodingKey {
    case prefix, name, score
    case legacyValue = "_0"
  }

  /// Decodes the one-key object above.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for an object without exactly one of the five keys, or a
  ///   reason's missing field.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let key = try container.onlyKey(
      "a reason has exactly one of key, keyPrefix, tag, relevance, anyBelief")
    switch key {
    case .key: self = .key
    case .anyBelief: self = .anyBelief
    case .keyPrefix: self = .keyPrefix(try Self.field(String.self, .prefix, of: key, in: container))
    case .tag: self = .tag(try Self.field(String.self, .name, of: key, in: container))
    case .relevance: self = .relevance(try Self.field(Double.self, .score, of: key, in: container))
    }
  }

  /// The value under `name`, or under the legacy `_0`.
  private static func field<Value: Decodable>(
    _ type: Value.Type, _ name: FieldKeys, of key: CodingKeys,
    in container: KeyedDecodingContainer<CodingKeys>
  ) throws -> Value {
    let fields = try container.nestedContainer(keyedBy: FieldKeys.self, forKey: key)
    return try fields.decodeIfPresent(Value.self, forKey: name)
      ?? fields.decode(Value.self, forKey: .legacyValue)
  }

  /// Encodes the one-key object above (named fields, never `_0`).
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .key: _ = container.nestedContainer(keyedBy: FieldKeys.self, forKey: .key)
    case .anyBelief: _ = container.nestedContainer(keyedBy: FieldKeys.self, forKey: .anyBelief)
    case .keyPrefix(let prefix):
      var fields = container.nestedContainer(keyedBy: FieldKeys.self, forKey: .keyPrefix)
      try fields.encode(prefix, forKey: .prefix)
    case .tag(let tag):
      var fields = container.nestedContainer(keyedBy: FieldKeys.self, forKey: .tag)
      try fields.encode(tag, forKey: .name)
    case .relevance(let score):
      var fields = container.nestedContainer(keyedBy: FieldKeys.self, forKey: .relevance)
      try fields.encode(score, forKey: .score)
    }
  }
}

extension KeyedDecodingContainer {
  /// The one key of an object that must have exactly one (a one-key enum form).
  ///
  /// - Parameter description: What the object must hold, for the error.
  /// - Returns: The key.
  /// - Throws: `DecodingError.dataCorrupted` when the object has no key or several.
  func onlyKey(_ description: String) throws -> Key {
    guard allKeys.count == 1, let key = allKeys.first else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: codingPath, debugDescription: description))
    }
    return key
  }
}
