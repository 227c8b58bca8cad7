package import SelfModel

/// Read-only access to a ``FileStore`` folder, for the `selfmodel` tool and for tests: list
/// the users, load a model, verify every file. It never takes the store's lock and never
/// writes, so it can read a folder that a running store holds.
///
/// Reading beside a running writer is safe but not a snapshot in time: a user compacted
/// between the read of its snapshot and of its journal can look damaged for that moment
/// (``model(for:)`` retries once), and a record being appended looks like a torn tail, which is
/// read past and never reported as damage.
///
/// ```swift
/// let inspector = try StoreInspector(root: "/var/lib/app/models")
/// for damage in inspector.verify() { print(damage.path, damage.detail) }
/// ```
package struct StoreInspector: Sendable {
  /// One damaged file.
  package struct Damage: Sendable, Hashable, Codable {
    /// The damaged file (or user folder).
    package let path: String
    /// What is wrong with it.
    package let detail: String
  }

  private let environment: StoreEnvironment
  /// What reading the `CATALOGUE` file found wrong, if anything (the users are then read on
  /// the empty catalogue, and `verify` reports it first).
  private let catalogueDamage: Damage?

  /// Opens a store folder for reading.
  ///
  /// - Parameter root: The store's folder.
  /// - Throws: ``StoreError/Code/unknownFormat`` when it has no `FORMAT` file.
  package init(root: String) throws(StoreError) {
    let fileSystem = POSIXFileSystem()
    let layout = FileStoreLayout(root: root)
    guard fileSystem.exists(layout.formatPath) else {
      throw StoreError(
        .unknownFormat, operation: "inspect", path: root, detail: "no FORMAT file: not a store")
    }
    var catalogue = Catalogue.empty
    do {
      catalogue = try CatalogueFile.read(layout, fileSystem: fileSystem)
      catalogueDamage = nil
    } catch {
      catalogueDamage = Damage(path: layout.cataloguePath, detail: error.description)
    }
    environment = StoreEnvironment(
      fileSystem: fileSystem, layout: layout, options: FileStore.Options(), health: StoreHealth(),
      catalogue: CatalogueState(catalogue))
  }

  /// The catalogue in force (the empty one if the `CATALOGUE` file is missing).
  ///
  /// - Returns: The catalogue.
  /// - Throws: The error reading the `CATALOGUE` file met: ``StoreError/Code/corruptFile``,
  ///   ``StoreError/Code/newerFormat`` or ``StoreError/Code/unknownFormat``.
  package func catalogue() throws(StoreError) -> Catalogue {
    if catalogueDamage != nil {
      return try CatalogueFile.read(environment.layout, fileSystem: environment.fileSystem)
    }
    return environment.catalogue.catalogue
  }

  /// Every user, in listing order, and the user folders whose `user` file is damaged.
  ///
  /// - Returns: A single page holding every user (``UserPage/next`` is `nil`).
  /// - Throws: I/O errors on the shard folders.
  package func users() throws(StoreError) -> UserPage {
    try environment.listUsers(afterHash: "", limit: .max)
  }

  /// The user's model, read without writing (see the type's discussion for concurrent
  /// writers).
  ///
  /// - Parameter user: The user.
  /// - Returns: The model.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/corruptFile`` or I/O errors.
  package func model(for user: UserID) throws(StoreError) -> UserModel {
    let files = environment.files(for: user)
    let loaded: UserModel?
    do {
      loaded = try files.inspect(catalogue: environment.catalogue.catalogue)
    } catch  where error.code == .corruptFile {
      // Once more, in case a compaction ran in between.
      loaded = try files.inspect(catalogue: environment.catalogue.catalogue)
    }
    guard let loaded else { throw StoreError(.userNotFound, operation: "inspect", user: user) }
    return loaded
  }

  /// Checks the `CATALOGUE` file, then every user folder: the `user` file hashes to the folder's name, the snapshot's
  /// checksums and contents, the journal's checksums, binding and continuity, and that every
  /// record applies.
  ///
  /// - Returns: The damaged files, in listing order; empty for a sound store.
  package func verify() -> [Damage] {
    let usersPath = environment.layout.usersPath
    let fileSystem = environment.fileSystem
    guard let shards = try? fileSystem.contents(ofDirectory: usersPath) else {
      return [Damage(path: usersPath, detail: "the users folder cannot be read")]
    }
    var damage: [Damage] = catalogueDamage.map { [$0] } ?? []
    for shard in shards.filter(FileStoreLayout.isShardName).sorted() {
      let names = (try? fileSystem.contents(ofDirectory: usersPath + "/" + shard)) ?? []
      for name in names.filter(FileStoreLayout.isUserFolderName).sorted() {
        let folder = UserFolder(usersPath: usersPath, hash: name)
        guard fileSystem.exists(folder.snapshotPath) else { continue }
        if let found = verify(folder) { damage.append(found) }
      }
    }
    return damage
  }

  /// The first damage in one user folder, if any.
  private func verify(_ folder: UserFolder) -> Damage? {
    let user: UserID
    do {
      user = try environment.readUserID(folder)
    } catch {
      return Damage(path: folder.idPath, detail: error.description)
    }
    do {
      _ = try model(for: user)
      return nil
    } catch {
      return Damage(path: error.path ?? folder.path, detail: error.description)
    }
  }
}
