/// The JSON form of a likelihood model: every field optional, with the documented default,
/// and `sourceOverrides` an object keyed by category:
///
///     {"source": "reactions", "sourceOverrides": {"rejected": "reactions.rejected"},
///      "rejectedWeight": 0.3}
///
/// Decoding also reads `sourceOverrides` as the flat array `[category, source, ...]` that
/// Swift's synthesized coding wrote for a dictionary keyed by an enum, before this form was
/// written, so documents written then still decode. Weights are checked by
/// ``ReactionLikelihood/validate()`` where the model is used, not here.
extension ReactionLikelihood {
  private enum CodingKeys: String, CodingKey {
    case source, sourceOverrides, acceptedWeight, rejectedWeight, editKeptWeight
    case editChangedWeight, ratingWeight
  }

  /// Decodes the form above; an absent field takes its default.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError` for a field of the wrong type, an unknown category in
  ///   `sourceOverrides`, or a flat array of odd length.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = ReactionLikelihood()
    func weight(_ key: CodingKeys, _ fallback: Double) throws -> Double {
      try container.decodeIfPresent(Double.self, forKey: key) ?? fallback
    }
    self.init(
      source: try container.decodeIfPresent(SourceID.self, forKey: .source) ?? defaults.source,
      sourceOverrides: try Self.decodeOverrides(in: container),
      acceptedWeight: try weight(.acceptedWeight, defaults.acceptedWeight),
      rejectedWeight: try weight(.rejectedWeight, defaults.rejectedWeight),
      editKeptWeight: try weight(.editKeptWeight, defaults.editKeptWeight),
      editChangedWeight: try weight(.editChangedWeight, defaults.editChangedWeight),
      ratingWeight: try weight(.ratingWeight, defaults.ratingWeight))
  }

  /// Encodes the form above, every field written.
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(source, forKey: .source)
    try container.encode(
      Dictionary(uniqueKeysWithValues: sourceOverrides.map { ($0.key.rawValue, $0.value) }),
      forKey: .sourceOverrides)
    try container.encode(acceptedWeight, forKey: .acceptedWeight)
    try container.encode(rejectedWeight, forKey: .rejectedWeight)
    try container.encode(editKeptWeight, forKey: .editKeptWeight)
    try container.encode(editChangedWeight, forKey: .editChangedWeight)
    try container.encode(ratingWeight, forKey: .ratingWeight)
  }

  /// `sourceOverrides` as an object, or as the earlier flat array; empty when absent.
  private static func decodeOverrides(in container: KeyedDecodingContainer<CodingKeys>) throws
    -> [ReactionCategory: SourceID]
  {
    guard container.contains(.sourceOverrides),
      try !container.decodeNil(forKey: .sourceOverrides)
    else { return [:] }
    do {
      let object = try container.decode([String: SourceID].self, forKey: .sourceOverrides)
      return try overrides(object.map { ($0.key, $0.value) }, container)
    } catch DecodingError.typeMismatch(_, _) {
      return try legacyOverrides(in: container)
    }
  }

  /// The earlier flat array `[category, source, ...]`.
  private static func legacyOverrides(in container: KeyedDecodingContainer<CodingKeys>) throws
    -> [ReactionCategory: SourceID]
  {
    var array = try container.nestedUnkeyedContainer(forKey: .sourceOverrides)
    var pairs: [(String, SourceID)] = []
    while !array.isAtEnd {
      let category = try array.decode(String.self)
      guard !array.isAtEnd else {
        throw DecodingError.dataCorruptedError(
          in: array, debugDescription: "sourceOverrides: a category without a source")
      }
      pairs.append((category, try array.decode(SourceID.self)))
    }
    return try overrides(pairs, container)
  }

  /// The pairs as a dictionary; an unknown category or a repeated one is an error.
  private static func overrides(
    _ pairs: [(String, SourceID)], _ container: KeyedDecodingContainer<CodingKeys>
  ) throws -> [ReactionCategory: SourceID] {
    var result: [ReactionCategory: SourceID] = [:]
    for (name, source) in pairs {
      guard let category = ReactionCategory(rawValue: name), result[category] == nil else {
        throw DecodingError.dataCorruptedError(
          forKey: .sourceOverrides, in: container,
          debugDescription: "sourceOverrides: unknown or repeated category '\(name)'; expected "
            + ReactionCategory.allCases.map(\.rawValue).joined(separator: ", "))
      }
      result[category] = source
    }
    return result
  }
}
