public import Foundation
import SelfModel

/// Writes an ``ExportDocument`` in its lines form (`application/x-ndjson`), a chunk at a time.
///
/// Line 1 is a header: the document without its evidence, with `evidenceCount`, the number of
/// lines that follow, and the format `selfmodel.user-export-lines` (version 1). Then comes one
/// evidence item per line, in ledger order. Every line, the last included, ends with a line
/// feed. Field names, key order (sorted) and date coding are the JSON document's, so the lines
/// form and the JSON form of a user hold the same values and both import to the same model.
/// Unlike the JSON form, it never has to be held whole: a chunk holds whole lines and is about
/// `chunkBytes` long (longer only when one line is).
///
/// ```swift
/// var writer = ExportLineWriter(document, chunkBytes: 65_536)
/// while let chunk = try writer.nextChunk() { try handle.write(contentsOf: chunk) }
/// ```
public struct ExportLineWriter: Sendable {
  /// The media type of the lines form.
  public static let mediaType = "application/x-ndjson"

  private let document: ExportDocument
  private let chunkBytes: Int
  /// The next line to write: 0 is the header, `n` is evidence item `n - 1`.
  private var line = 0

  /// A writer of `document` in chunks of about `chunkBytes` bytes.
  ///
  /// - Parameters:
  ///   - document: The export.
  ///   - chunkBytes: The size a chunk reaches before it is handed out (at least 1).
  public init(_ document: ExportDocument, chunkBytes: Int = 65_536) {
    self.document = document
    self.chunkBytes = max(1, chunkBytes)
  }

  /// The next chunk of whole lines, or `nil` once the last line was written.
  ///
  /// - Returns: The chunk.
  /// - Throws: ``StoreError/Code/invalidArgument`` if a value cannot be encoded (a non-finite
  ///   number, which a model never holds).
  public mutating func nextChunk() throws(StoreError) -> Data? {
    let evidence = document.snapshot.evidence
    guard line <= evidence.count else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    encoder.dateEncodingStrategy = ExportDocument.dateEncoding
    var chunk = Data()
    do {
      if line == 0 {
        chunk.append(try encoder.encode(ExportLinesHeader(document)))
        chunk.append(0x0A)
        line = 1
      }
      while line <= evidence.count && chunk.count < chunkBytes {
        chunk.append(try encoder.encode(evidence[line - 1]))
        chunk.append(0x0A)
        line += 1
      }
    } catch {
      throw StoreError(.invalidArgument, operation: "export", detail: "\(error)")
    }
    return chunk
  }

  /// The lines not yet written (all of them for a new writer) in one value, for tests and
  /// small users.
  ///
  /// - Returns: Every chunk, concatenated.
  /// - Throws: As ``nextChunk()``.
  public func encoded() throws(StoreError) -> Data {
    var copy = self
    var all = Data()
    while let chunk = try copy.nextChunk() { all.append(chunk) }
    return all
  }
}
