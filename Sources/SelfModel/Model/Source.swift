/// A source of evidence and how far its reports are to be trusted.
///
/// Reliability `r` in `0...1` scales every observation the source reports: an observation of
/// weight `w` from a source of reliability `r` counts as `w * r` plain observations. A
/// ``RevisionPolicy`` may override the reliability per source, for instance after tuning.
///
/// ```swift
/// let user = try Source(id: "user", kind: .userStated, reliability: 0.95)
/// let clicks = try Source(id: "clicks", kind: .behavior, reliability: 0.6)
/// ```
public struct Source: Sendable, Hashable, Codable {
  /// The source's identifier, which evidence refers to.
  public let id: SourceID
  /// The kind of channel, which selects a half-life in the ``RevisionPolicy``.
  public let kind: SourceKind
  /// How much one of this source's observations is worth, in `0...1`.
  public let reliability: Double

  /// Creates a source after validating its reliability.
  ///
  /// - Parameters:
  ///   - id: The identifier evidence will refer to.
  ///   - kind: The kind of channel.
  ///   - reliability: A number in `0...1`; `0` makes the source's evidence count for nothing.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad reliability.
  public init(id: SourceID, kind: SourceKind, reliability: Double) throws(ModelError) {
    try Check.unitInterval(reliability, field: "reliability of source \(id)")
    self.id = id
    self.kind = kind
    self.reliability = reliability
  }

  private enum CodingKeys: String, CodingKey {
    case id, kind, reliability
  }

  /// Decodes a source and validates it like ``init(id:kind:reliability:)``.
  ///
  /// - Throws: A `DecodingError`; a validation failure is `dataCorrupted` at its coding path,
  ///   with the ``ModelError`` as underlying error (see ``ModelError/init(unwrapping:)``).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try DecodingError.validating(decoder) {
      try Self(
        id: container.decode(SourceID.self, forKey: .id),
        kind: container.decode(SourceKind.self, forKey: .kind),
        reliability: container.decode(Double.self, forKey: .reliability)
      )
    }
  }
}
