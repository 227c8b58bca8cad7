public import Foundation
public import SelfModel

/// The portable JSON document a store exports one user as: a versioned envelope around a
/// `UserModelSnapshot`.
///
/// ```json
/// {"format":"selfmodel.user-export","formatVersion":1,"snapshot":{…}}
/// ```
///
/// The snapshot names the catalogue version it was exported under (`catalogueVersion`;
/// importing needs that version or a newer one in force) and holds the user's own policy,
/// belief definitions and sources and the whole evidence ledger,
/// never derived probabilities, so importing it refolds to exactly the exported model. Dates
/// are ISO 8601 `Timestamp` strings with the exact fraction of a second, which round-trip
/// bit for bit; documents written with numbers (seconds since 2001-01-01T00:00:00Z) still
/// import. Keys are sorted so the same model always exports the same bytes.
///
/// ```swift
/// let data = try await store.exportUser("user-42")
/// let document = try ExportDocument(decoding: data)
/// print(document.snapshot.evidence.count)
/// ```
public struct ExportDocument: Sendable, Hashable, Codable {
  /// The value of ``format``: identifies the document kind.
  public static let formatName = "selfmodel.user-export"
  /// The envelope version this library writes.
  public static let currentFormatVersion = 1

  /// Always ``formatName``.
  public let format: String
  /// The envelope version.
  public let formatVersion: Int
  /// The exported model.
  public let snapshot: UserModelSnapshot

  /// Wraps a snapshot in the current envelope version.
  ///
  /// - Parameter snapshot: The model to export.
  public init(snapshot: UserModelSnapshot) {
    self.format = Self.formatName
    self.formatVersion = Self.currentFormatVersion
    self.snapshot = snapshot
  }

  /// Decodes and checks a document.
  ///
  /// The envelope is checked before the snapshot is decoded, so a document from a newer
  /// library is refused with ``StoreError/Code/newerFormat`` rather than a decoding error.
  ///
  /// - Parameter data: The JSON document.
  /// - Throws: ``StoreError/Code/invalidArgument`` for malformed JSON, another document kind
  ///   or a key that occurs twice in one object (Unicode-equivalent keys count as the same),
  ///   ``StoreError/Code/newerFormat`` for a newer envelope or snapshot version, and
  ///   ``StoreError/Code/rejectedByModel`` when a value inside is invalid.
  public init(decoding data: Data) throws(StoreError) {
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: data)
    } catch {
      throw StoreError(.invalidArgument, operation: "import", detail: "not an export document")
    }
    guard header.format == Self.formatName else {
      throw StoreError(
        .invalidArgument, operation: "import", detail: "document kind is \(header.format)")
    }
    guard header.formatVersion >= 1 else {
      throw StoreError(
        .invalidArgument, operation: "import",
        detail: "export format \(header.formatVersion) is not a valid version (versions start at 1)"
      )
    }
    guard header.formatVersion <= Self.currentFormatVersion else {
      throw StoreError(
        .newerFormat, operation: "import",
        detail: "export format \(header.formatVersion); this library reads 1")
    }
    if let key = JSONDuplicateKeys.first(in: Array(data)) {
      throw StoreError(
        .invalidArgument, operation: "import",
        detail: "the key \"\(key)\" occurs twice in one object")
    }
    self = try Self.decodingPart(ExportDocument.self, from: data, place: nil)
  }

  /// The document's JSON bytes, keys sorted.
  ///
  /// - Returns: The encoded document.
  /// - Throws: ``StoreError/Code/invalidArgument`` if a value cannot be encoded (a non-finite
  ///   number, which a model never holds).
  public func encoded() throws(StoreError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = Self.dateEncoding
    do {
      return try encoder.encode(self)
    } catch {
      throw StoreError(.invalidArgument, operation: "export", detail: "\(error)")
    }
  }

  private struct Header: Decodable {
    var format: String
    var formatVersion: Int
  }
}

extension ExportDocument {
  /// The document's model, built on the store's catalogue `catalogue`.
  ///
  /// A document exported under a newer catalogue version than the store's is refused with
  /// ``StoreError/Code/catalogueConflict`` (publish that version first); one whose evidence
  /// does not fit the catalogue, with ``StoreError/Code/rejectedByModel``.
  package func model(operation: String, catalogue: Catalogue) throws(StoreError) -> UserModel {
    try StoreRules.model(from: snapshot, catalogue: catalogue, operation: operation)
  }
}
