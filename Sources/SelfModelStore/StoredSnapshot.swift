import Foundation
import SelfModel

/// The JSON payload of a user's `snapshot` file: the model and the last journal sequence
/// number it covers. Journal records with a sequence at or below ``coveredSequence`` are
/// already in ``model`` and are skipped on load, so a crash between writing a snapshot and
/// resetting the journal never applies a record twice.
struct StoredSnapshot: Codable {
  /// The payload version this library writes.
  static let currentFormatVersion = 1

  var formatVersion: Int
  var coveredSequence: UInt64
  var model: UserModelSnapshot

  init(model: UserModelSnapshot, coveredSequence: UInt64) {
    self.formatVersion = Self.currentFormatVersion
    self.coveredSequence = coveredSequence
    self.model = model
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
  static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> StoredSnapshot {
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
