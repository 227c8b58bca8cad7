package import SelfModel

/// Read-only access to a ``FileStore`` folder, for the `selfmodel` tool and for tests: list
/// the users, load a model, verify every file. It never takes the store's lock and never
/// writes, so it can read a folder that a running store holds.
///
/// Reading beside a running writer is safe: a user's journal is read before its snapshot and
/// an inconsistent pair is read again (see `UserFiles.inspect(catalogue:)`), a user deleted
/// meanwhile is skipped, and a record being appended looks like a torn tail, which is read
/// past and never reported as damage.
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
  /// What reading the `FORMAT` file found wrong (garbage, a newer version, an unknown
  /// migration), if anything: `verify` reports it first and the other reads refuse.
  private let formatError: StoreError?

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
    do {
      let format = try StoreFormat.read(layout, fileSystem: fileSystem)
      try StoreMigrator.standard.check(format, path: layout.formatPath)
      formatError = nil
    } catch {
      formatError = error
    }
    var catalogue = Catalogue.empty
    do {
      catalogue = try CatalogueFile.open(layout, fileSystem: fileSystem, writable: false)
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
      return try CatalogueFile.open(
        environment.layout, fileSystem: environment.fileSystem, writable: false)
    }
    return environment.catalogue.catalogue
  }

  /// Every user, in listing order, and the user folders whose `user` file is damaged.
  ///
  /// - Returns: A single page holding every user (``UserPage/next`` is `nil`).
  /// - Throws: I/O errors on the shard folders.
  package func users() throws(StoreError) -> UserPage {
    if let formatError { throw formatError }
    return try environment.listUsers(afterHash: "", limit: .max)
  }

  /// The user's model, read without writing (see the type's discussion for concurrent
  /// writers).
  ///
  /// - Parameter user: The user.
  /// - Returns: The model.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/corruptFile`` or I/O errors.
  package func model(for user: UserID) throws(StoreError) -> UserModel {
    let files = environment.files(for: user)
    if let formatError { throw formatError }
    let loaded = try files.inspect(catalogue: environment.catalogue.catalogue)
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
    let format = formatError.map {
      Damage(path: environment.layout.formatPath, detail: $0.description)
    }
    var damage: [Damage] = [format, catalogueDamage].compactMap { $0 }
    let shards: [String]
    do {
      try fileSystem.requireFolder(usersPath, operation: "verify", allowMissing: false)
      shards = try fileSystem.contents(ofDirectory: usersPath)
    } catch {
      return damage + [Damage(path: usersPath, detail: error.description)]
    }
    for shard in shards.filter(FileStoreLayout.isShardName).sorted() {
      let shardPath = usersPath + "/" + shard
      guard fileSystem.kind(of: shardPath) == .directory,
        let names = try? fileSystem.contents(ofDirectory: shardPath)
      else {
        damage.append(Damage(path: shardPath, detail: "not a folder"))
        continue
      }
      for name in names.filter(FileStoreLayout.isUserFolderName).sorted() {
        let folder = UserFolder(usersPath: usersPath, hash: name)
        guard fileSystem.exists(folder.snapshotPath) else { continue }
        // A user deleted while it was being read is gone, not damaged.
        if let found = verify(folder), fileSystem.exists(folder.snapshotPath) {
          damage.append(found)
        }
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
    } catch  where error.code == .userNotFound {
      return nil
    } catch {
      return Damage(path: error.path ?? folder.path, detail: error.description)
    }
  }
}
