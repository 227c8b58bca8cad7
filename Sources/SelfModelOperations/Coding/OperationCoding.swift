public import Foundation
import SelfModel

/// The one JSON coding of every operation's request and response, on every edge.
///
/// Dates are RFC 3339 strings in UTC with as many fraction digits as the `Date` needs to come
/// back bit for bit (`Timestamp`), both ways: a date sent as a number is refused (a client's
/// Unix time would otherwise be read as seconds since 2001). Keys are sorted, so equal values
/// give equal bytes.
///
/// ```swift
/// let data = try OperationCoding.encoder().encode(response)
/// let request = try OperationCoding.decoder().decode(RecordRequest.self, from: body)
/// ```
public enum OperationCoding {
  /// An encoder: sorted keys, unescaped slashes, dates as exact RFC 3339 strings.
  ///
  /// - Returns: A new encoder.
  public static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = Timestamp.encodingStrategy()
    return encoder
  }

  /// `value` as JSON, the bytes ``encoder()`` writes for it.
  ///
  /// The answers of writes (`ObservationResponse`) and of estimates (`EstimatesResponse`),
  /// the service's most frequent, are written without `JSONEncoder`'s boxed tree, to the same
  /// bytes (tests compare the two on random responses); every other value goes through
  /// ``encoder()``.
  ///
  /// - Parameter value: The value.
  /// - Returns: Its JSON.
  /// - Throws: `EncodingError` for a value the encoder refuses (a number that is not finite).
  public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
    if let response = value as? ObservationResponse,
      let bytes = ResponseJSONWriter.json(response)
    {
      return Data(bytes)
    }
    if let response = value as? EstimatesResponse, let bytes = ResponseJSONWriter.json(response) {
      return Data(bytes)
    }
    return try encoder().encode(value)
  }

  /// A decoder: dates as RFC 3339 strings (any offset) only; a number where a date belongs is
  /// `DecodingError.typeMismatch`.
  ///
  /// - Returns: A new decoder.
  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = Timestamp.decodingStrategy(acceptingSeconds: false)
    return decoder
  }
}
