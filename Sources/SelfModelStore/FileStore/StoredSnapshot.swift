import Foundation
package import SelfModel

/// The JSON payload of a user's `snapshot` file: the model and the last journal sequence
/// number it covers. Journal records with a sequence at or below ``coveredSequence`` are
/// already in ``model`` and are skipped on load, so a crash between writing a snapshot and
/// resetting the journal never applies a record twice.
package struct StoredSnapshot: Codable {
  /// The payload version this library writes.
  static let currentFormatVersion = 1

  var formatVersion: Int
  var coveredSequence: UInt64
  package var model: UserModelSnapshot
  /// The journal that continues this snapshot: its binding and the sequence number of its
  /// first record after the snapshot. An optional key, so the payload version is unchanged
  /// (older readers ignore it); snapshots written before it have none. With it, a missing
  /// journal is damage (``UserFiles/missingJournal()``); without it, a missing journal is
  /// created empty as before.
  var journal: JournalReference?

  /// Which journal continues a snapshot.
  struct JournalReference: Codable, Equatable {
    /// The binding in the journal's header (``JournalFormat/binding(of:)``).
    var binding: UInt64
    /// The sequence number of the first record after the snapshot (`coveredSequence + 1`).
    var firstSequence: UInt64
  }

  init(model: UserModelSnapshot, coveredSequence: UInt64, journalBinding: UInt64? = nil) {
    self.formatVersion = Self.currentFormatVersion
    self.coveredSequence = coveredSequence
    self.model = model
    self.journal = journalBinding.map {
      JournalReference(binding: $0, firstSequence: coveredSequence + 1)
    }
  }

  private struct Header: Decodable {
    var formatVersion: Int
  }

  /// Encodes the payload.
  func encoded(path: String) throws(StoreError) -> [UInt8] {
    do {
      return Array(try JSONEncoder().encode(self))
    } catch {
      throw StoreError(.invalidArgument, operation: "snapshot", path: path, detail: "\(error)")
    }
  }

  /// Decodes a payload read from `path`, refusing newer versions before anything else.
  package static func decode(_ bytes: [UInt8], path: String) throws(StoreError)
    -> StoredSnapshot
  {
    let data = Data(bytes)
    let version: Int
    do {
      version = try JSONDecoder().decode(Header.self, from: data).formatVersion
    } catch {
      throw StoreError(.corruptFile, operation: "load", path: path, detail: "\(error)")
    }
    guard version <= currentFormatVersion else {
      throw StoreError(
        .newerFormat, operation: "load", path: path,
        detail: "snapshot payload version \(version); this library reads \(currentFormatVersion)")
    }
    do {
      return try ModelError.unwrappingDecoding {
        try JSONDecoder().decode(StoredSnapshot.self, from: data)
      }
    } catch let error as ModelError {
      if case .unsupportedFormatVersion = error {
        throw StoreError(.newerFormat, operation: "load", path: path, modelError: error)
      }
      throw StoreError(.corruptFile, operation: "load", path: path, modelError: error)
    } catch {
      throw StoreError(.corruptFile, operation: "load", path: path, detail: "\(error)")
    }
  }
}
