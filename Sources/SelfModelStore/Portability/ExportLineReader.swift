import Foundation
import SelfModel

/// Reads the lines form of an export (`application/x-ndjson`, written by
/// ``ExportLineWriter``) as its bytes arrive, holding at most one line of them.
///
/// Feed it the bytes in pieces of any size with ``append(_:)``, then call ``finish()`` for the
/// document. It refuses, with the line's number: a line longer than `maximumLineBytes`
/// (before reading the rest of it), a header that is not one or announces more than
/// `maximumItems` items, a key that occurs twice in one object, an item that does not decode,
/// an empty line, and more lines than the header announced. ``finish()`` refuses a stream cut
/// short: fewer items than announced, or a last line without its line feed. Nothing is
/// imported by reading: pass the document to
/// ``UserModelStore/importUser(_:replacing:)-(ExportDocument,_)``, which is atomic.
///
/// ```swift
/// var reader = ExportLineReader(maximumLineBytes: 1_048_576, maximumItems: 1_000_000)
/// for try await piece in body { try reader.append(piece) }
/// let user = try await store.importUser(try reader.finish(), replacing: false)
/// ```
public struct ExportLineReader: Sendable {
  /// The line limit of ``standard``: 4 MiB, room for a header with thousands of own
  /// definitions; an evidence item's line is a few hundred bytes.
  public static let standardMaximumLineBytes = 4_194_304
  /// The item limit of ``standard``: a million evidence items.
  public static let standardMaximumItems = 1_000_000
  /// A reader with the standard limits.
  public static var standard: ExportLineReader {
    ExportLineReader(maximumLineBytes: standardMaximumLineBytes, maximumItems: standardMaximumItems)
  }

  /// The longest line accepted, in bytes, its line feed excluded.
  public let maximumLineBytes: Int
  /// The most evidence items a header may announce.
  public let maximumItems: Int

  private var pending: [UInt8] = []
  private var lineNumber = 0
  private var header: ExportLinesHeader?
  private var items: [Evidence] = []

  /// A reader with its limits.
  ///
  /// - Parameters:
  ///   - maximumLineBytes: The longest line accepted, in bytes.
  ///   - maximumItems: The most evidence items accepted.
  public init(maximumLineBytes: Int, maximumItems: Int) {
    self.maximumLineBytes = maximumLineBytes
    self.maximumItems = maximumItems
  }

  /// Reads the next bytes of the stream, decoding each line they complete.
  ///
  /// - Parameter bytes: The next bytes, split anywhere.
  /// - Throws: ``StoreError/Code/rejectedByModel`` with
  ///   `ModelError.numberOutOfRange` naming `lineBytes` for a line over
  ///   the limit, or `evidenceCount` for a header over the item limit;
  ///   ``StoreError/Code/invalidArgument`` for a malformed line;
  ///   ``StoreError/Code/newerFormat`` for a newer header or snapshot version.
  public mutating func append(_ bytes: some Sequence<UInt8>) throws(StoreError) {
    let result = bytes.withContiguousStorageIfAvailable { buffer in
      Result { () throws(StoreError) in try consume(buffer) }
    }
    if let result { return try result.get() }
    let copy = Array(bytes)
    try copy.withUnsafeBufferPointer { buffer throws(StoreError) in try consume(buffer) }
  }

  /// The document the stream made.
  ///
  /// - Returns: The export document, ready for the store's atomic import.
  /// - Throws: ``StoreError/Code/invalidArgument`` when the stream ended without a header,
  ///   inside a line (no final line feed), or before every announced item.
  public func finish() throws(StoreError) -> ExportDocument {
    guard pending.isEmpty else {
      throw Self.malformed(
        "the stream ends inside line \(lineNumber + 1) (every line ends with a line feed)")
    }
    guard let header else { throw Self.malformed("the stream is empty: no header line") }
    guard items.count == header.evidenceCount else {
      throw Self.malformed(
        "the stream ends after \(items.count) of the \(header.evidenceCount) evidence items "
          + "its header announces")
    }
    return header.document(evidence: items)
  }

  private mutating func consume(_ buffer: UnsafeBufferPointer<UInt8>) throws(StoreError) {
    var start = 0
    while start < buffer.count {
      let rest = UnsafeBufferPointer(rebasing: buffer[start...])
      guard let end = rest.firstIndex(of: 0x0A) else {
        try checkLength(pending.count + rest.count)
        pending.append(contentsOf: rest)
        return
      }
      let piece = UnsafeBufferPointer(rebasing: rest[..<end])
      try checkLength(pending.count + piece.count)
      if pending.isEmpty {
        try line(Array(piece))
      } else {
        pending.append(contentsOf: piece)
        let whole = pending
        pending = []
        try line(whole)
      }
      start += end - rest.startIndex + 1
    }
  }

  private func checkLength(_ count: Int) throws(StoreError) {
    guard count > maximumLineBytes else { return }
    throw StoreError(
      .rejectedByModel, operation: "import",
      modelError: .numberOutOfRange(
        field: "lineBytes", value: Double(count), allowed: "at most \(maximumLineBytes) bytes"),
      detail: "line \(lineNumber + 1) is longer than \(maximumLineBytes) bytes, the line limit")
  }

  private mutating func line(_ bytes: [UInt8]) throws(StoreError) {
    lineNumber += 1
    let place = "line \(lineNumber)"
    guard !bytes.isEmpty, bytes != [0x0D] else { throw Self.malformed("\(place) is empty") }
    if let key = JSONDuplicateKeys.first(in: bytes) {
      throw Self.malformed("\(place): the key \"\(key)\" occurs twice in one object")
    }
    let data = Data(bytes)
    guard let header else {
      header = try decodeHeader(data)
      items.reserveCapacity(min(header?.evidenceCount ?? 0, 4_096))
      return
    }
    guard items.count < header.evidenceCount else {
      throw Self.malformed(
        "\(place) is past the \(header.evidenceCount) evidence items the header announces")
    }
    items.append(try ExportDocument.decodingPart(Evidence.self, from: data, place: place))
  }

  /// Line 1: the envelope is checked before the snapshot is decoded, as for the JSON form.
  private func decodeHeader(_ data: Data) throws(StoreError) -> ExportLinesHeader {
    guard let envelope = try? JSONDecoder().decode(Envelope.self, from: data),
      envelope.format == ExportLinesHeader.formatName
    else {
      throw Self.malformed(
        "line 1 is not the header of the lines form (format \(ExportLinesHeader.formatName))")
    }
    guard envelope.formatVersion >= 1 else {
      throw Self.malformed(
        "line 1: format version \(envelope.formatVersion) is not a valid version (versions "
          + "start at 1)")
    }
    guard envelope.formatVersion <= ExportDocument.currentFormatVersion else {
      throw StoreError(
        .newerFormat, operation: "import",
        detail: "lines format \(envelope.formatVersion); this library reads 1")
    }
    let header = try ExportDocument.decodingPart(
      ExportLinesHeader.self, from: data, place: "line 1")
    guard (0...maximumItems).contains(header.evidenceCount) else {
      throw StoreError(
        .rejectedByModel, operation: "import",
        modelError: .numberOutOfRange(
          field: "evidenceCount", value: Double(header.evidenceCount),
          allowed: "0...\(maximumItems)"))
    }
    guard header.snapshot.evidence.isEmpty, header.snapshot.formatVersion >= 2 else {
      throw Self.malformed(
        "line 1: the header's snapshot has version 2 or later and an empty evidence list "
          + "(the items follow, one a line)")
    }
    return header
  }

  private struct Envelope: Decodable {
    var format: String
    var formatVersion: Int
  }

  private static func malformed(_ detail: String) -> StoreError {
    StoreError(.invalidArgument, operation: "import", detail: detail)
  }
}
