import Foundation
import SelfModel
package import SelfModelStore

/// Every decoder the store runs on bytes it did not write itself, each taking arbitrary bytes:
/// the entry points of the fuzz targets under `Tests/Fuzz/` and of their regression tests. A probe
/// returns normally or throws; it must never trap, whatever the input.
///
/// ```swift
/// _ = try? DecoderProbe.journal(Array(data))
/// ```
package enum DecoderProbe {
  /// Scans a whole journal file (header, binding, frames, the end-torn-damage rule) and
  /// decodes every record's operation.
  ///
  /// - Parameter bytes: A journal file.
  /// - Returns: How many records decoded.
  /// - Throws: ``StoreError`` for a bad header or an undecodable record.
  package static func journal(_ bytes: [UInt8]) throws(StoreError) -> Int {
    let header = try bytes.withUnsafeBytes { raw in
      Result { () throws(StoreError) in try JournalFormat.header(raw, path: "fuzz") }
    }.get()
    let records = JournalScanner.scan(bytes, baseSequence: header.baseSequence, from: header.size)
      .records
    // In place, as the store's replay decodes them: slices of the file.
    for record in records { _ = try OperationCodec.decode(record.bytes) }
    return records.count
  }

  /// Decodes one journal record's payload (an operation), as replay does: in place, as a
  /// slice whose indices do not start at 0, like a record's bytes within a journal file.
  ///
  /// - Parameter bytes: A payload.
  /// - Throws: ``StoreError/Code/corruptFile`` when it does not decode.
  package static func operation(_ bytes: [UInt8]) throws(StoreError) {
    let file = [0] + bytes
    _ = try OperationCodec.decode(file[1...])
  }

  /// Checks a snapshot file's header and checksums, decodes its JSON payload and rebuilds the
  /// model it holds.
  ///
  /// - Parameter bytes: A snapshot file.
  /// - Returns: The number of evidence items in the model.
  /// - Throws: ``StoreError`` for any problem.
  package static func snapshot(_ bytes: [UInt8]) throws(StoreError) -> Int {
    let payload = try bytes.withUnsafeBytes { raw in
      Result { () throws(StoreError) in try SnapshotFile.payload(of: raw, path: "fuzz") }
    }.get()
    return try snapshotPayload(payload)
  }

  /// Decodes a snapshot's JSON payload (without the file header) and rebuilds its model.
  ///
  /// - Parameter payload: The JSON.
  /// - Returns: The number of evidence items in the model.
  /// - Throws: ``StoreError`` for any problem.
  package static func snapshotPayload(_ payload: [UInt8]) throws(StoreError) -> Int {
    let stored = try StoredSnapshot.decode(payload, path: "fuzz")
    do {
      return try UserModel(snapshot: stored.model, catalogue: anyVersion).evidenceCount
    } catch {
      throw StoreError(.corruptFile, operation: "fuzz", modelError: error)
    }
  }

  /// Decodes an export document and rebuilds its model, as `importUser` does.
  ///
  /// - Parameter bytes: The JSON document.
  /// - Returns: The number of evidence items in the model.
  /// - Throws: ``StoreError`` for any problem.
  package static func export(_ bytes: [UInt8]) throws(StoreError) -> Int {
    try ExportDocument(decoding: Data(bytes)).model(operation: "fuzz", catalogue: anyVersion)
      .evidenceCount
  }

  /// An empty catalogue whose version is newer than any a snapshot can name, so that a fuzzed
  /// snapshot is replayed rather than refused for its catalogue version.
  static let anyVersion = (try? Catalogue(version: .max, beliefs: [])) ?? .empty

  /// Decodes a catalogue as `FileStore` reads its `CATALOGUE` file's payload.
  ///
  /// - Parameter bytes: The JSON.
  /// - Returns: The number of beliefs, listed and retired.
  /// - Throws: The decoder's error.
  package static func catalogue(_ bytes: [UInt8]) throws -> Int {
    let catalogue = try JSONDecoder().decode(Catalogue.self, from: Data(bytes))
    return catalogue.beliefs.count + catalogue.retiredBeliefs.count
  }

  /// Decodes JSON as a `T` with Foundation's `JSONDecoder` (for `Evidence` and `Candidate`).
  ///
  /// - Parameters:
  ///   - type: The type to decode.
  ///   - bytes: The JSON.
  /// - Returns: The value.
  /// - Throws: The decoder's error.
  package static func json<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
    try JSONDecoder().decode(type, from: Data(bytes))
  }
}
