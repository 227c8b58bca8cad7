extension Identifier: Codable {
  /// Decodes and validates a raw string.
  ///
  /// - Throws: `DecodingError.dataCorrupted` at the value's coding path for an invalid string,
  ///   with ``ModelError/invalidIdentifier(kind:value:reason:)`` as underlying error; the
  ///   decoder's error when the value is not a string.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let raw = try container.decode(String.self)
    self = try DecodingError.validating(decoder) { try Self(raw) }
  }

  /// Encodes the raw string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

extension Identifier: CustomStringConvertible {
  /// The raw string.
  public var description: String { rawValue }
}

extension Identifier: ExpressibleByStringLiteral {
  /// Creates an identifier from a literal written in source code.
  ///
  /// A literal is the programmer's input, not the user's, so an invalid literal stops the
  /// program with a precondition failure. Use ``init(_:)`` for strings from outside.
  public init(stringLiteral value: String) {
    let problem = Self.problem(with: value)
    precondition(
      problem == nil, "invalid \(Kind.displayName) literal \"\(value)\": \(problem ?? "")")
    self.init(unchecked: value)
  }
}

extension Identifier: CodingKeyRepresentable {
  /// The raw string as a coding key, so dictionaries keyed by identifiers encode as JSON
  /// objects.
  public var codingKey: any CodingKey { IdentifierCodingKey(stringValue: rawValue) }

  /// Validates a coding key's string; `nil` when it is not a valid identifier.
  ///
  /// - Parameter codingKey: The key read from a document.
  public init?<T: CodingKey>(codingKey: T) {
    guard let value = try? Self(codingKey.stringValue) else { return nil }
    self = value
  }
}

private struct IdentifierCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
