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

extension ExportDocument {
  /// `type` decoded from `data` with the export's date coding; errors become the import's
  /// typed errors (a newer snapshot version is ``StoreError/Code/newerFormat``, an invalid
  /// value ``StoreError/Code/rejectedByModel``, anything else
  /// ``StoreError/Code/invalidArgument`` in the decoder's own words), never Swift's
  /// description of a `DecodingError`. `place` (such as "line 3") prefixes the detail.
  static func decodingPart<Part: Decodable>(
    _ type: Part.Type, from data: Data, place: String?, decoder: JSONDecoder = decoder()
  ) throws(StoreError) -> Part {
    let prefix = place.map { "\($0): " } ?? ""
    do {
      return try ModelError.unwrappingDecoding { try decoder.decode(Part.self, from: data) }
    } catch let error as ModelError {
      // Only a version above the supported range is newer; one below it is invalid.
      if case .unsupportedFormatVersion(let found, let supported) = error,
        found > supported.upperBound
      {
        throw StoreError(.newerFormat, operation: "import", modelError: error)
      }
      throw StoreError(
        .rejectedByModel, operation: "import", modelError: error,
        detail: place.map { "at \($0)" })
    } catch let error as DecodingError {
      // The decoder's own words and where, not Swift's description of the error value.
      let problem = ProblemDocument(decodingError: error)
      let path = problem.members["path"].map { " at \($0)" } ?? ""
      throw StoreError(
        .invalidArgument, operation: "import", detail: prefix + problem.detail + path)
    } catch {
      throw StoreError(.invalidArgument, operation: "import", detail: prefix + "\(error)")
    }
  }
}
