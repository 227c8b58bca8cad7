import Foundation
import SelfModel

/// The one JSON encoding of the API: sorted keys, and dates as ISO 8601 strings written by
/// `Timestamp` (UTC, the exact fraction of a second), in both directions.
enum JSONCoding {
  /// An encoder for response bodies.
  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(Timestamp.string(from: date))
    }
    return encoder
  }

  /// A decoder for request bodies: dates must be ISO 8601 strings.
  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = Timestamp.date(from: text) else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "not an ISO 8601 date-time: \(text)"))
      }
      return date
    }
    return decoder
  }
}
