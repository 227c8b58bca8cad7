import Foundation
import SelfModel
import Synchronization

/// The store's `CATALOGUE` file: the catalogue in force as JSON, framed like a snapshot
/// (magic `"SMCATALG"`, lengths and CRC-32C checksums) and replaced atomically (temporary
/// file, `fsync`, rename, folder `fsync`). A store without the file has `Catalogue.empty`.
///
/// Since `v3-store-identity` the payload is `{"catalogue": <Catalogue>, "store": "<id>"}`: the
/// file is bound to its store, and `FORMAT` records the version and SHA-256 of the catalogue
/// published last. ``open(_:fileSystem:writable:)`` refuses another store's file, a rolled
/// back or changed-in-place one, and a deleted one; an unbound file (from before the
/// migration) is bound at the first open with write access.
enum CatalogueFile {
  static let magic = Array("SMCATALG".utf8)

  /// The bound payload.
  private struct Bound: Codable {
    var catalogue: Catalogue
    var store: String
  }

  /// Whether a payload names a store.
  private struct Probe: Decodable {
    var store: String?
  }

  /// Reads `CATALOGUE` and checks it against `FORMAT`: the store's id, and the version and
  /// digest of the catalogue it published last. With `writable`, an unbound file is bound and
  /// a catalogue newer than the record (a crash between the two writes of a publish) is
  /// recorded; without, nothing is written.
  ///
  /// - Returns: The catalogue (`Catalogue.empty` without a file).
  /// - Throws: ``StoreError/Code/corruptFile`` naming `CATALOGUE` for another store's file, an
  ///   unbound file in a store that has bound one, a deleted file, a duplicate key or damage;
  ///   ``StoreError/Code/catalogueConflict`` for a version older than the one published last
  ///   (a rollback) or the same version with other content; as ``read(_:fileSystem:)``.
  static func open(_ layout: FileStoreLayout, fileSystem: any FileSystem, writable: Bool)
    throws(StoreError) -> Catalogue
  {
    var format = try StoreFormat.read(layout, fileSystem: fileSystem)
    let path = layout.cataloguePath
    guard let (catalogue, owner) = try readBound(layout, fileSystem: fileSystem) else {
      if let record = format.catalogue {
        throw .corrupt(
          "open", path: path, offset: nil,
          detail: "CATALOGUE is missing; this store published version \(record.version)")
      }
      return .empty
    }
    try checkOwner(owner, format: format, path: path)
    let digest = try digest(of: catalogue, path: path)
    try checkRecord(format.catalogue, version: catalogue.version, digest: digest, path: path)
    let record = StoreFormat.CatalogueRecord(version: catalogue.version, sha256: digest)
    guard writable, owner == nil || format.catalogue != record else { return catalogue }
    if owner == nil { try write(catalogue, layout, store: format.store, fileSystem: fileSystem) }
    format.catalogue = record
    try format.write(layout, fileSystem: fileSystem)
    return catalogue
  }

  private static func checkOwner(_ owner: String?, format: StoreFormat, path: String)
    throws(StoreError)
  {
    if let owner, owner != format.store {
      throw .corrupt(
        "open", path: path, offset: nil,
        detail: "CATALOGUE belongs to another store (\(owner)); this store is "
          + "\(format.store ?? "without an identity")")
    }
    if owner == nil, format.catalogue != nil {
      throw .corrupt(
        "open", path: path, offset: nil,
        detail: "CATALOGUE is not bound to a store, but this store has published a bound one")
    }
  }

  private static func checkRecord(
    _ record: StoreFormat.CatalogueRecord?, version: Int, digest: String, path: String
  ) throws(StoreError) {
    guard let record else { return }
    if version < record.version {
      throw StoreError(
        .catalogueConflict, operation: "open", path: path,
        detail: "CATALOGUE holds version \(version), older than version \(record.version) this "
          + "store published (restored from an older backup?); restore the matching CATALOGUE "
          + "and FORMAT together")
    }
    if version == record.version, digest != record.sha256 {
      throw StoreError(
        .catalogueConflict, operation: "open", path: path,
        detail: "CATALOGUE holds version \(version) with other content than this store "
          + "published under that version")
    }
  }

  /// The catalogue and the store it is bound to (`nil` for an unbound file), or `nil` without
  /// a file.
  private static func readBound(_ layout: FileStoreLayout, fileSystem: any FileSystem)
    throws(StoreError) -> (Catalogue, String?)?
  {
    let path = layout.cataloguePath
    guard let payload = try SnapshotFile.read(from: path, fileSystem: fileSystem, magic: magic)
    else { return nil }
    if let key = JSONDuplicateKeys.first(in: payload) {
      throw .corrupt("open", path: path, offset: nil, detail: "the key \(key) occurs twice")
    }
    let data = Data(payload)
    do {
      return try ModelError.unwrappingDecoding {
        if try JSONDecoder().decode(Probe.self, from: data).store == nil {
          return (try JSONDecoder().decode(Catalogue.self, from: data), nil)
        }
        let bound = try JSONDecoder().decode(Bound.self, from: data)
        return (bound.catalogue, bound.store)
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

  /// Reads the catalogue without checking its binding (``open(_:fileSystem:writable:)``
  /// checks it).
  static func read(_ layout: FileStoreLayout, fileSystem: any FileSystem) throws(StoreError)
    -> Catalogue
  {
    try readBound(layout, fileSystem: fileSystem)?.0 ?? .empty
  }

  /// The SHA-256 (hex) of the catalogue's canonical JSON (sorted keys): equal catalogues have
  /// equal digests.
  static func digest(of catalogue: Catalogue, path: String) throws(StoreError) -> String {
    SHA256.hexDigest(of: try encoded(catalogue, path: path))
  }

  private static func encoded<T: Encodable>(_ value: T, path: String) throws(StoreError)
    -> [UInt8]
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      return Array(try encoder.encode(value))
    } catch {
      throw StoreError(.invalidArgument, operation: "publish", path: path, detail: "\(error)")
    }
  }

  /// Durably replaces `CATALOGUE` with `catalogue`, bound to `store` (unbound if `nil`).
  static func write(
    _ catalogue: Catalogue, _ layout: FileStoreLayout, store: String?,
    fileSystem: any FileSystem
  ) throws(StoreError) {
    let path = layout.cataloguePath
    let payload: [UInt8]
    if let store {
      payload = try encoded(Bound(catalogue: catalogue, store: store), path: path)
    } else {
      payload = try encoded(catalogue, path: path)
    }
    try SnapshotFile.write(payload, to: path, fileSystem: fileSystem, magic: magic)
  }

  /// Publishes: replaces `CATALOGUE` (bound to the store), then records its version and
  /// digest in `FORMAT`. A failure of the second step leaves a `CATALOGUE` newer than the
  /// record, which the next open accepts and records.
  static func publish(_ catalogue: Catalogue, _ layout: FileStoreLayout, fileSystem: any FileSystem)
    throws(StoreError)
  {
    var format = try StoreFormat.read(layout, fileSystem: fileSystem)
    try write(catalogue, layout, store: format.store, fileSystem: fileSystem)
    format.catalogue = StoreFormat.CatalogueRecord(
      version: catalogue.version, sha256: try digest(of: catalogue, path: layout.cataloguePath))
    // The new catalogue is on disk and in force; the record catches up at the next open.
    try? format.write(layout, fileSystem: fileSystem)
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
