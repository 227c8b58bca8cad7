import Dispatch
public import SelfModel

extension FileStore {
  /// The catalogue in force; see ``UserModelStore/catalogue()``.
  ///
  /// It is read from the `CATALOGUE` file when the store opens and kept in memory after.
  ///
  /// - Returns: The catalogue.
  /// - Throws: ``StoreError/Code/closed``.
  public func catalogue() async throws(StoreError) -> Catalogue {
    try environment.health.checkOpen("catalogue", user: nil)
    return environment.catalogue.catalogue
  }

  /// Publishes a catalogue version; see ``UserModelStore/publish(_:)``.
  ///
  /// The `CATALOGUE` file is replaced durably (temporary file, `fsync`, rename, folder
  /// `fsync`) before the new version is put in force, on the store's own thread, never on
  /// the caller's. Users move to it lazily: a cached model adopts it at its next access, any
  /// other at its next load, and its snapshot records it at its next compaction.
  ///
  /// - Parameter catalogue: The version to publish.
  /// - Returns: What changed.
  /// - Throws: ``StoreError/Code/catalogueOutdated``, ``StoreError/Code/catalogueConflict``,
  ///   or an I/O error. If the file could not be replaced, the catalogue that is on disk
  ///   stays in force.
  @discardableResult
  public func publish(_ catalogue: Catalogue) async throws(StoreError) -> CatalogueDiff {
    let environment = self.environment
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<CatalogueDiff, StoreError>, Never>) in
      listing.async {
        continuation.resume(
          returning: Result { () throws(StoreError) in
            try environment.publish(catalogue)
          })
      }
    }
    return try result.get()
  }
}

extension StoreEnvironment {
  /// Publishes on the listing queue, which serialises publications.
  func publish(_ candidate: Catalogue) throws(StoreError) -> CatalogueDiff {
    try health.checkWritable("publish", user: nil)
    let current = catalogue.catalogue
    guard let (next, diff) = try StoreRules.publication(of: candidate, over: current) else {
      return current.changes(from: current)
    }
    do {
      try CatalogueFile.publish(next, layout, fileSystem: fileSystem)
    } catch {
      // The rename may or may not have happened: keep memory equal to what is on disk.
      if let onDisk = try? CatalogueFile.open(layout, fileSystem: fileSystem, writable: false) {
        catalogue.replace(with: onDisk)
      }
      throw error
    }
    catalogue.replace(with: next)
    return diff
  }
}
