public import Foundation
public import SelfModel

extension FileStore {
  /// Forgets one evidence item and compacts, so no file holds it when this returns; see
  /// ``UserModelStore/forget(evidence:for:)``.
  ///
  /// Damaged journal copies kept aside by salvage are removed too.
  ///
  /// - Parameters:
  ///   - evidence: The evidence id.
  ///   - user: The user.
  /// - Returns: The forgotten item, or `nil`.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/storeFailed``,
  ///   ``StoreError/Code/closed`` or I/O errors.
  @discardableResult
  public func forget(evidence: EvidenceID, for user: UserID) async throws(StoreError)
    -> Evidence?
  {
    try await erase(user) { model in
      model.forget(evidence: evidence).map { [$0] } ?? []
    }.first
  }

  /// Forgets a source's evidence and compacts, so no file holds it when this returns; see
  /// ``UserModelStore/forget(source:for:)``.
  ///
  /// - Parameters:
  ///   - source: The source.
  ///   - user: The user.
  /// - Returns: The forgotten items.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/storeFailed``,
  ///   ``StoreError/Code/closed`` or I/O errors.
  @discardableResult
  public func forget(source: SourceID, for user: UserID) async throws(StoreError) -> [Evidence] {
    try await erase(user) { model in model.forget(source: source) }
  }

  private func erase(
    _ user: UserID, _ change: @escaping @Sendable (inout UserModel) -> [Evidence]
  ) async throws(StoreError) -> [Evidence] {
    try await perform(user) { state throws(StoreError) in
      let slot = try state.writableSlot(for: user, operation: "forget")
      var model = slot.model
      let removed = change(&model)
      if !removed.isEmpty { try state.compact(slot, to: model, purging: true) }
      return .done(removed)
    }
  }

  /// Deletes the user's files and folder and syncs the parent folder; see
  /// ``UserModelStore/deleteUser(_:)``.
  ///
  /// - Parameter user: The user.
  /// - Returns: `true` if the user existed.
  /// - Throws: ``StoreError/Code/storeFailed``, ``StoreError/Code/closed`` or I/O errors.
  @discardableResult
  public func deleteUser(_ user: UserID) async throws(StoreError) -> Bool {
    try await perform(user) { state throws(StoreError) in
      try state.environment.health.checkWritable("deleteUser", user: user)
      state.evict(user)
      do throws(StoreError) {
        return .done(try state.environment.files(for: user).delete())
      } catch {
        state.fail(user, error)
        throw error
      }
    }
  }

  /// Exports the user as an ``ExportDocument``; see ``UserModelStore/exportUser(_:)``.
  ///
  /// - Parameter user: The user.
  /// - Returns: The JSON document.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/corruptFile``,
  ///   ``StoreError/Code/closed`` or I/O errors.
  public func exportUser(_ user: UserID) async throws(StoreError) -> Data {
    try await exportDocument(user).encoded()
  }

  /// Exports the user as a value; see ``UserModelStore/exportDocument(_:)``.
  ///
  /// - Parameter user: The user.
  /// - Returns: The document.
  /// - Throws: As ``exportUser(_:)``.
  public func exportDocument(_ user: UserID) async throws(StoreError) -> ExportDocument {
    ExportDocument(snapshot: try await model(for: user).snapshot)
  }

  /// Imports an exported user; see ``UserModelStore/importUser(_:replacing:)-(Data,_)``.
  ///
  /// The model is written as a snapshot; replacing a user also empties their journal and
  /// removes damaged copies, so nothing of the replaced model remains.
  ///
  /// - Parameters:
  ///   - document: The JSON document.
  ///   - replacing: Whether an existing user may be replaced.
  /// - Returns: The imported user.
  /// - Throws: As ``UserModelStore/importUser(_:replacing:)-(Data,_)``, plus
  ///   ``StoreError/Code/storeFailed`` and ``StoreError/Code/closed``.
  public func importUser(_ document: Data, replacing: Bool) async throws(StoreError) -> UserID {
    try await importUser(try ExportDocument(decoding: document), replacing: replacing)
  }

  /// Imports a decoded document, as ``importUser(_:replacing:)-(Data,_)`` does.
  ///
  /// - Parameters:
  ///   - document: The export document.
  ///   - replacing: Whether an existing user may be replaced.
  /// - Returns: The imported user.
  /// - Throws: As ``importUser(_:replacing:)-(Data,_)``.
  public func importUser(_ document: ExportDocument, replacing: Bool) async throws(StoreError)
    -> UserID
  {
    let user = document.snapshot.user
    return try await perform(user) { state throws(StoreError) in
      let model = try document.model(
        operation: "import", catalogue: state.environment.catalogue.catalogue)
      let files = state.environment.files(for: user)
      guard state.cached(user) != nil || files.exists else {
        try state.create(model, operation: "import")
        return .done(user)
      }
      guard replacing else {
        throw StoreError(.userAlreadyExists, operation: "import", user: user)
      }
      let slot = try state.writableSlot(for: user, operation: "import")
      try state.compact(slot, to: model, purging: true)
      return .done(user)
    }
  }
}
