extension Catalogue: Codable {
  private enum CodingKeys: String, CodingKey {
    case format, formatVersion, version, policy, beliefs, sources, retiredBeliefs, retiredSources
  }

  /// Decodes a catalogue from its stable JSON form and validates it.
  ///
  /// The `format` field must be ``formatName`` and `formatVersion` one of
  /// ``readableFormatVersions``; both are checked before anything else is decoded.
  ///
  /// - Throws: A `DecodingError`. A document of another kind
  ///   (``ModelError/corruptSnapshot(reason:)``), a newer format
  ///   (``ModelError/unsupportedFormatVersion(found:supported:)``) or a catalogue that
  ///   ``init(version:beliefs:sources:policy:retiredBeliefs:retiredSources:)`` refuses is
  ///   `dataCorrupted` with that ``ModelError`` as its underlying error (see
  ///   ``ModelError/init(unwrapping:)``).
  public init(from decoder: any Decoder) throws {
    self = try DecodingError.validating(decoder) { try Self.decoded(from: decoder) }
  }

  private static func decoded(from decoder: any Decoder) throws -> Catalogue {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let format = try container.decode(String.self, forKey: .format)
    guard format == Self.formatName else {
      throw ModelError.corruptSnapshot(reason: "document kind is \"\(format)\", not a catalogue")
    }
    let formatVersion = try container.decode(Int.self, forKey: .formatVersion)
    guard Self.readableFormatVersions.contains(formatVersion) else {
      throw ModelError.unsupportedFormatVersion(
        found: formatVersion, supported: Self.readableFormatVersions)
    }
    return try Catalogue(
      version: container.decode(Int.self, forKey: .version),
      beliefs: container.decode([BeliefDefinition].self, forKey: .beliefs),
      sources: container.decode([Source].self, forKey: .sources),
      policy: container.decode(RevisionPolicy.self, forKey: .policy),
      retiredBeliefs: container.decodeIfPresent([BeliefDefinition].self, forKey: .retiredBeliefs)
        ?? [],
      retiredSources: container.decodeIfPresent([Source].self, forKey: .retiredSources) ?? [])
  }

  /// The format version the catalogue is written in: the oldest that holds it. Version 2 is
  /// needed only when a definition, active or retired, has priors of its own
  /// (``BeliefDefinition/hasOwnPriors``) or the policy sets half-lives per source
  /// (``RevisionPolicy/hasPerSourceHalfLives``); a library that predates them refuses such a
  /// file instead of dropping them. Version 3 is needed only when a definition is dynamic
  /// (``BeliefKind/dynamic(_:)``), which a library that predates it would read as counted.
  public var requiredFormatVersion: Int {
    if (beliefs + retiredBeliefs).contains(where: \.kind.isDynamic) { return 3 }
    let needsTwo =
      policy.hasPerSourceHalfLives || beliefs.contains(where: \.hasOwnPriors)
      || retiredBeliefs.contains(where: \.hasOwnPriors)
    return needsTwo ? 2 : 1
  }

  /// Encodes the stable JSON form: `format`, `formatVersion` (``requiredFormatVersion``),
  /// `version`, `policy`, `beliefs`, `sources`, `retiredBeliefs` and `retiredSources`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.formatName, forKey: .format)
    try container.encode(requiredFormatVersion, forKey: .formatVersion)
    try container.encode(version, forKey: .version)
    try container.encode(policy, forKey: .policy)
    try container.encode(beliefs, forKey: .beliefs)
    try container.encode(sources, forKey: .sources)
    try container.encode(retiredBeliefs, forKey: .retiredBeliefs)
    try container.encode(retiredSources, forKey: .retiredSources)
  }
}
