import Foundation
import SelfModel

extension ExportDocument {
  /// Dates as exact RFC 3339 strings (``Timestamp``), the library's one date coding.
  static var dateEncoding: JSONEncoder.DateEncodingStrategy { Timestamp.encodingStrategy() }

  /// A decoder that reads dates as strings or as seconds since 2001-01-01.
  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = Timestamp.decodingStrategy()
    return decoder
  }
}
