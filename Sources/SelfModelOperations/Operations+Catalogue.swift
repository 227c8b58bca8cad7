public import SelfModel
public import SelfModelStore

extension Operations {
  /// The catalogue in force.
  ///
  /// - Returns: The catalogue.
  /// - Throws: `StoreError`: the store's errors.
  public func catalogue() async throws(StoreError) -> Catalogue {
    try await store.catalogue()
  }

  /// Publishes a catalogue version; the same version again changes nothing.
  ///
  /// - Parameter catalogue: The version to publish.
  /// - Returns: What changed.
  /// - Throws: `StoreError`: an older version, a conflicting one, the store's errors.
  public func publish(_ catalogue: Catalogue) async throws(StoreError) -> CatalogueDiff {
    try await store.publish(catalogue)
  }

  /// The catalogue's beliefs and sources as an agent needs them to start.
  ///
  /// - Returns: The vocabulary.
  /// - Throws: `StoreError`: the store's errors.
  public func vocabulary() async throws(StoreError) -> VocabularyResponse {
    VocabularyResponse(try await store.catalogue())
  }
}
