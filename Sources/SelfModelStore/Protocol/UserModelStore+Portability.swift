public import SelfModel

extension UserModelStore {
  /// The user's export decoded from ``exportUser(_:)``, for a store that has no faster way;
  /// the stores of this library build the document from the model directly.
  ///
  /// - Parameter user: The user.
  /// - Returns: The document.
  /// - Throws: As ``exportUser(_:)``.
  public func exportDocument(_ user: UserID) async throws(StoreError) -> ExportDocument {
    try ExportDocument(decoding: try await exportUser(user))
  }

  /// Imports `document` through ``importUser(_:replacing:)-(Data,_)``, for a store that has
  /// no faster way; the stores of this library import the value directly.
  ///
  /// - Parameters:
  ///   - document: The document.
  ///   - replacing: Whether to replace an existing model of the same user.
  /// - Returns: The imported user.
  /// - Throws: As ``importUser(_:replacing:)-(Data,_)``.
  public func importUser(_ document: ExportDocument, replacing: Bool) async throws(StoreError)
    -> UserID
  {
    try await importUser(try document.encoded(), replacing: replacing)
  }
}
