import Foundation
import SelfModel
import Synchronization

/// The store's `CATALOGUE` file: the catalogue in force as JSON, framed like a snapshot
/// (magic `"SMCATALG"`, lengths and CRC-32C checksums) and replaced atomically (temporary
/// file, `fsync`, rename, folder `fsync`). A store without the file has `Catalogue.empty`.
enum CatalogueFile {
  static let magic = Array("SMCATALG".utf8)

  static func read(_ layout: FileStoreLayout, fileSystem: any FileSystem) throws(StoreError)
    -> Catalogue
  {
    let path = layout.cataloguePath
    guard let payload = try SnapshotFile.read(from: path, fileSystem: fileSystem, magic: magic)
    else { return .empty }
    do {
      return try ModelError.unwrappingDecoding {
        try JSONDecoder().decode(Catalogue.self, from: Data(payload))
      }
    } catch let error as ModelError {
      if case .unsupportedFormatVersion = error {
        throw StoreError(.newerFormat, operation: "open", path: path, modelError: error)
      }
      throw StoreError(.corruptFile, operation: "open", path: path, modelError: error)
    } catch {
      throw StoreError(.corruptFile, operation: "open", path: path, detail: "\(error)")
    }
  }

  static func write(_ catalogue: Catalogue, _ layout: FileStoreLayout, fileSystem: any FileSystem)
    throws(StoreError)
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let payload: Data
    do {
      payload = try encoder.encode(catalogue)
    } catch {
      throw StoreError(
        .invalidArgument, operation: "publish", path: layout.cataloguePath, detail: "\(error)")
    }
    try SnapshotFile.write(
      Array(payload), to: layout.cataloguePath, fileSystem: fileSystem, magic: magic)
  }
}

/// The catalogue in force in an open `FileStore`, shared by its workers.
final class CatalogueState: Sendable {
  private let current: Mutex<Catalogue>

  init(_ catalogue: Catalogue) {
    current = Mutex(catalogue)
  }

  var catalogue: Catalogue { current.withLock { $0 } }

  /// The version of the catalogue in force.
  var version: Int { current.withLock { $0.version } }

  func replace(with catalogue: Catalogue) {
    current.withLock { $0 = catalogue }
  }
}
