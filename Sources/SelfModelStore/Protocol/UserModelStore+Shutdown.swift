extension UserModelStore {
  /// Does nothing: the default for stores that hold no files, locks or connections.
  ///
  /// ```swift
  /// let store = InMemoryStore()
  /// await store.shutdown()  // nothing to release
  /// ```
  public func shutdown() async {}
}
