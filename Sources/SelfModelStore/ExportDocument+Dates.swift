import Foundation
import SelfModel

extension ExportDocument {
  /// How export documents write dates: `Timestamp` strings (ISO 8601, UTC, with the exact
  /// fraction of a second), so a date read back is the same `Date`, bit for bit.
  static let dateEncoding = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
    var container = encoder.singleValueContainer()
    try container.encode(Timestamp.string(from: date))
  }

  /// A decoder for export documents: dates as `Timestamp` strings, or, in documents written
  /// before them, numbers of seconds since 2001-01-01.
  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      if let seconds = try? container.decode(Double.self) {
        return Date(timeIntervalSinceReferenceDate: seconds)
      }
      let text = try container.decode(String.self)
      guard let date = Timestamp.date(from: text) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 date: \(text)"))
      }
      return date
    }
    return decoder
  }
}
