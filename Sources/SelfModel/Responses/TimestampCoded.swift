public import Foundation

/// A property wrapper that encodes a `Date` as a ``Timestamp`` string (ISO 8601, exact
/// fraction of a second) whatever the encoder's date strategy, and decodes such a string or,
/// for old documents, a number of seconds since 2001-01-01.
///
/// ```swift
/// struct Event: Codable {
///   @TimestampCoded var at: Date
/// }
/// ```
@propertyWrapper
public struct TimestampCoded: Sendable, Hashable, Codable {
  /// The date.
  public var wrappedValue: Date

  /// Wraps a date.
  ///
  /// - Parameter wrappedValue: The date.
  public init(wrappedValue: Date) { self.wrappedValue = wrappedValue }

  /// Decodes a ``Timestamp`` string, or a number of seconds since 2001-01-01.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError.dataCorrupted` for a string that is not an ISO 8601 date-time.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let seconds = try? container.decode(Double.self) {
      wrappedValue = Date(timeIntervalSinceReferenceDate: seconds)
      return
    }
    let text = try container.decode(String.self)
    guard let date = Timestamp.date(from: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date: \(text)"))
    }
    wrappedValue = date
  }

  /// Encodes the ``Timestamp`` string.
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(Timestamp.string(from: wrappedValue))
  }
}
