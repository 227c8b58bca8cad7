public import SelfModel

/// The rules every store applies, public so that a backend calls them instead of copying
/// them: catalogue publication, a new user, a catalogue reaching a loaded model, a snapshot
/// becoming a model. `FileStore`, `InMemoryStore` and the PostgreSQL backend all use these, so
/// the same mistake gets the same ``StoreError`` from every backend.
///
/// ```swift
/// // In a backend's publish(_:), inside its transaction:
/// guard let (next, diff) = try StoreRules.publication(of: candidate, over: current) else {
///   return current.changes(from: current)  // the same version again: nothing to do
/// }
/// try await save(next)
/// return diff
/// ```
public enum StoreRules {
  /// The catalogue to put in force when `candidate` is published over `current`, with what
  /// changed; `nil` when `candidate` is `current` again.
  ///
  /// - Parameters:
  ///   - candidate: The version the app publishes.
  ///   - current: The version in force.
  /// - Returns: The catalogue to store (the candidate with the retired lists merged in) and
  ///   its diff, or `nil` for a repeat.
  /// - Throws: ``StoreError/Code/catalogueConflict`` for the same version with other content
  ///   or an incompatible successor, ``StoreError/Code/catalogueOutdated`` for an older
  ///   version.
  public static func publication(of candidate: Catalogue, over current: Catalogue)
    throws(StoreError) -> (Catalogue, CatalogueDiff)?
  {
    if candidate.version == current.version {
      // What is in force has the retired lists merged in; compare what the app lists.
      guard
        candidate.beliefs == current.beliefs && candidate.sources == current.sources
          && candidate.policy == current.policy
      else {
        throw StoreError(
          .catalogueConflict, operation: "publish",
          detail: "version \(current.version) is in force with other content; publish a new"
            + " version")
      }
      return nil
    }
    guard candidate.version > current.version else {
      throw StoreError(
        .catalogueOutdated, operation: "publish",
        detail: "version \(candidate.version) is older than version \(current.version) in force")
    }
    do {
      let next = try candidate.successor(of: current)
      return (next, next.changes(from: current))
    } catch {
      throw StoreError(.catalogueConflict, operation: "publish", modelError: error)
    }
  }

  /// The empty model a new user starts from, on the catalogue in force.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - catalogue: The catalogue in force.
  ///   - beliefs: Beliefs of this user only.
  ///   - sources: Sources of this user only.
  ///   - policy: The user's own policy, if any.
  /// - Returns: The model to store.
  /// - Throws: ``StoreError/Code/rejectedByModel`` with the model's reason.
  public static func newUser(
    _ user: UserID, catalogue: Catalogue, beliefs: [BeliefDefinition], sources: [Source],
    policy: RevisionPolicy?
  ) throws(StoreError) -> UserModel {
    do {
      var model = try UserModel(user: user, catalogue: catalogue, policy: policy)
      for belief in beliefs { try model.declare(belief) }
      for source in sources { try model.register(source) }
      return model
    } catch {
      throw StoreError(.rejectedByModel, operation: "createUser", user: user, modelError: error)
    }
  }

  /// Moves a loaded model to a catalogue published since it was loaded; nothing when the
  /// model is already on that version or a newer one.
  ///
  /// - Parameters:
  ///   - catalogue: The catalogue in force.
  ///   - model: The model, changed in place.
  ///   - operation: The operation that loaded it, for errors.
  /// - Throws: ``StoreError/Code/catalogueConflict`` when the model's own entries clash with
  ///   the new version.
  public static func adopt(
    _ catalogue: Catalogue, into model: inout UserModel, operation: String
  ) throws(StoreError) {
    guard model.catalogue.version < catalogue.version else { return }
    do {
      try model.adopt(catalogue)
    } catch {
      throw StoreError(
        .catalogueConflict, operation: operation, user: model.user, modelError: error)
    }
  }

  /// A stored snapshot as a model on the catalogue in force.
  ///
  /// - Parameters:
  ///   - snapshot: The snapshot (from a file, a row or an export).
  ///   - catalogue: The catalogue in force.
  ///   - operation: The operation, for errors.
  /// - Returns: The model.
  /// - Throws: ``StoreError/Code/catalogueConflict`` for a snapshot of a newer catalogue
  ///   version, ``StoreError/Code/rejectedByModel`` for one the model refuses.
  public static func model(
    from snapshot: UserModelSnapshot, catalogue: Catalogue, operation: String
  ) throws(StoreError) -> UserModel {
    do {
      return try UserModel(snapshot: snapshot, catalogue: catalogue)
    } catch {
      if case .incompatibleCatalogue = error {
        throw StoreError(
          .catalogueConflict, operation: operation, user: snapshot.user, modelError: error)
      }
      throw StoreError(
        .rejectedByModel, operation: operation, user: snapshot.user, modelError: error)
    }
  }
}
