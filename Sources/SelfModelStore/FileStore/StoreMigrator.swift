import Foundation

/// Upgrades a store folder from older layouts, GRDB style: an ordered list of migrations with
/// string ids, each run once and recorded in `FORMAT`. A shipped migration is never edited;
/// a change of layout is a new migration appended to the list.
///
/// `FORMAT` is JSON: `{"formatVersion":1,"migrations":["v1-initial-layout"]}`. Opening
/// refuses a folder whose `formatVersion` is newer than ``StoreFormat/currentVersion`` or that
/// lists a migration this library does not know (``StoreError/Code/newerFormat``), and a
/// non-empty folder without `FORMAT` (``StoreError/Code/unknownFormat``).
package struct StoreMigrator: Sendable {
  /// One upgrade step.
  package struct Migration: Sendable {
    /// The step's permanent id.
    package let id: String
    /// Performs the step on the store at `layout`; must be safe to run again after a crash.
    package let migrate:
      @Sendable (_ root: String, _ fileSystem: any FileSystem) throws(StoreError) -> Void

    /// Creates a step.
    package init(
      id: String,
      migrate:
        @escaping @Sendable (_ root: String, _ fileSystem: any FileSystem) throws(StoreError) ->
        Void
    ) {
      self.id = id
      self.migrate = migrate
    }
  }

  /// The steps, in order.
  package let migrations: [Migration]

  /// Creates a migrator running `migrations` in order.
  package init(migrations: [Migration]) {
    self.migrations = migrations
  }

  /// The migrations of this library.
  package static let standard = StoreMigrator(migrations: [
    Migration(id: "v1-initial-layout") { root, fileSystem throws(StoreError) in
      try fileSystem.makeDirectory(root + "/users", permissions: 0o700)
      try fileSystem.synchronizeDirectory(root)
    },
    // Catalogues: a `CATALOGUE` file (absent until the first publish) and version-2 user
    // snapshots. Nothing is rewritten here: version-1 snapshots are read as they are and
    // rewritten in version 2 at their next compaction. Recording the migration makes an older
    // library refuse the folder instead of failing on the first version-2 snapshot it meets.
    Migration(id: "v2-catalogue") { _, _ throws(StoreError) in },
    // Store identity: `FORMAT` gains `store` (a random id) and `catalogue` (the version and
    // SHA-256 of the catalogue last published), and `CATALOGUE` carries the store's id. The id
    // is assigned by `prepare` and an unbound `CATALOGUE` is bound at this open (see
    // `CatalogueFile.open`). Recording the migration makes an older library, which would
    // publish unbound catalogues, refuse the folder.
    Migration(id: "v3-store-identity") { _, _ throws(StoreError) in },
  ])

  /// Refuses a `FORMAT` that lists a migration this library does not know.
  ///
  /// - Throws: ``StoreError/Code/newerFormat`` naming the migration.
  func check(_ format: StoreFormat, path: String) throws(StoreError) {
    let known = Set(migrations.map(\.id))
    if let unknown = format.migrations.first(where: { !known.contains($0) }) {
      throw StoreError(
        .newerFormat, operation: "open", path: path,
        detail: "migration \(unknown) is from a newer library")
    }
  }

  /// Checks `FORMAT` and runs the migrations it does not list, recording each.
  func prepare(_ layout: FileStoreLayout, fileSystem: any FileSystem) throws(StoreError) {
    var format = try StoreFormat.read(layout, fileSystem: fileSystem)
    try check(format, path: layout.formatPath)
    if format.store == nil {
      format.store = StoreFormat.newIdentity()
      try format.write(layout, fileSystem: fileSystem)
    }
    for migration in migrations where !format.migrations.contains(migration.id) {
      try migration.migrate(layout.root, fileSystem)
      format.migrations.append(migration.id)
      try format.write(layout, fileSystem: fileSystem)
    }
  }
}

/// The contents of a store's `FORMAT` file.
struct StoreFormat: Codable {
  /// The layout version this library writes and reads.
  static let currentVersion = 1

  var formatVersion: Int
  var migrations: [String]
  /// The store's identity: 32 random hex digits, assigned when the store is created (or, for
  /// a store from before `v3-store-identity`, at its first open), carried by its `CATALOGUE`.
  var store: String?
  /// The catalogue this store published last, so that a `CATALOGUE` rolled back or changed
  /// in place is told from the one in force.
  var catalogue: CatalogueRecord?

  /// The version and digest of a published catalogue.
  struct CatalogueRecord: Codable, Equatable {
    var version: Int
    /// The SHA-256 (hex) of the catalogue's canonical JSON (``CatalogueFile/digest(of:)``).
    var sha256: String
  }

  init(
    formatVersion: Int, migrations: [String], store: String? = nil,
    catalogue: CatalogueRecord? = nil
  ) {
    self.formatVersion = formatVersion
    self.migrations = migrations
    self.store = store
    self.catalogue = catalogue
  }

  /// A new store identity from the system's random source (outside the core, which never
  /// draws randomness).
  static func newIdentity() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<16).map { _ in
      let byte = UInt8.random(in: 0...255, using: &generator)
      return String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16)
    }.joined()
  }

  /// Reads `FORMAT`; a missing file in a folder holding nothing but the lock (and an empty
  /// `users`) is a new store.
  static func read(_ layout: FileStoreLayout, fileSystem: any FileSystem) throws(StoreError)
    -> StoreFormat
  {
    guard fileSystem.exists(layout.formatPath) else {
      let names = try fileSystem.contents(ofDirectory: layout.root)
      let expected: Set = ["LOCK", "users", "CATALOGUE"]
      var usersEmpty = true
      if fileSystem.exists(layout.usersPath) {
        usersEmpty = try fileSystem.contents(ofDirectory: layout.usersPath).isEmpty
      }
      let strays = names.filter { !expected.contains($0) && !$0.hasPrefix("FORMAT.tmp-") }
      guard strays.isEmpty, usersEmpty else {
        throw StoreError(
          .unknownFormat, operation: "open", path: layout.formatPath,
          detail: "the folder is not empty and has no FORMAT file: not a SelfModel store")
      }
      return StoreFormat(formatVersion: currentVersion, migrations: [])
    }
    let fd = try fileSystem.open(layout.formatPath, [.read], permissions: 0)
    defer { fileSystem.close(fd) }
    let bytes = try FileIO.readAll(
      fd, fileSystem: fileSystem, limit: FileIO.maximumSmallFileSize, path: layout.formatPath)
    guard let format = try? JSONDecoder().decode(StoreFormat.self, from: Data(bytes)) else {
      throw StoreError(
        .unknownFormat, operation: "open", path: layout.formatPath,
        detail: "FORMAT is not a SelfModel store format file")
    }
    guard format.formatVersion <= currentVersion else {
      throw StoreError(
        .newerFormat, operation: "open", path: layout.formatPath,
        detail: "store format \(format.formatVersion); this library reads up to \(currentVersion)")
    }
    return format
  }

  /// Durably replaces `FORMAT`.
  func write(_ layout: FileStoreLayout, fileSystem: any FileSystem) throws(StoreError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let stored = StoreFormat(
      formatVersion: Self.currentVersion, migrations: migrations, store: store,
      catalogue: catalogue)
    guard let data = try? encoder.encode(stored) else {
      throw StoreError(.invalidArgument, operation: "open", path: layout.formatPath)
    }
    try FileIO.replaceDurably(
      layout.formatPath, bytes: Array(data) + [0x0A], fileSystem: fileSystem)
  }
}
