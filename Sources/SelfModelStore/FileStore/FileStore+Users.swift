public import SelfModel

extension FileStore {
  /// Creates a model on the catalogue in force; see
  /// ``UserModelStore/createUser(_:beliefs:sources:policy:)``.
  ///
  /// The user's folder, id file, snapshot (holding its own beliefs, sources and policy) and
  /// journal are created and `fsync`ed before the call returns: one atomic step, so a
  /// concurrent request never sees a user without its own declarations.
  ///
  /// - Parameters:
  ///   - user: The new user.
  ///   - beliefs: Its own beliefs.
  ///   - sources: Its own sources.
  ///   - policy: Its own policy, or `nil` to follow the catalogue's.
  /// - Returns: The new, empty model.
  /// - Throws: ``StoreError/Code/userAlreadyExists``, ``StoreError/Code/rejectedByModel``, or
  ///   an I/O error.
  @discardableResult
  public func createUser(
    _ user: UserID, beliefs: [BeliefDefinition], sources: [Source], policy: RevisionPolicy?
  ) async throws(StoreError) -> UserModel {
    try await perform(user) { state throws(StoreError) in
      let model = try StoreRules.newUser(
        user, catalogue: state.environment.catalogue.catalogue, beliefs: beliefs,
        sources: sources, policy: policy)
      try state.create(model, operation: "createUser")
      return .done(model)
    }
  }

  /// The user's model, from the cache or loaded from disk; see
  /// ``UserModelStore/model(for:)``.
  ///
  /// Served like ``estimates(for:beliefs:at:)``: from the user's last durable state, without
  /// waiting for syncs in flight. The copy shares the ledger with the store's model, so it
  /// costs no copy of the evidence, now or when the store next writes to the user.
  ///
  /// - Parameter user: The user.
  /// - Returns: A copy of the model.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/corruptFile``,
  ///   ``StoreError/Code/newerFormat``, ``StoreError/Code/closed`` or I/O errors.
  public func model(for user: UserID) async throws(StoreError) -> UserModel {
    try await read(user, "model") { model throws(StoreError) in model }
  }

  /// Whether the user exists; see ``UserModelStore/contains(_:)``. Does not load the user.
  ///
  /// - Parameter user: The user.
  /// - Returns: `true` if the user's snapshot exists.
  /// - Throws: ``StoreError/Code/closed``.
  public func contains(_ user: UserID) async throws(StoreError) -> Bool {
    try await perform(user) { state throws(StoreError) in
      if state.cached(user) != nil { return .done(true) }
      return .done(state.environment.files(for: user).exists)
    }
  }

  /// Writes a snapshot covering the whole journal and empties it; see
  /// ``UserModelStore/compact(_:)``.
  ///
  /// - Parameter user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/storeFailed``,
  ///   ``StoreError/Code/closed`` or I/O errors.
  public func compact(_ user: UserID) async throws(StoreError) {
    try await perform(user) { state throws(StoreError) in
      let slot = try state.writableSlot(for: user, operation: "compact")
      try state.compact(slot)
      return .done(())
    }
  }
}

extension ShardState {
  /// Creates the files of a new user holding `model` and caches it.
  mutating func create(_ model: UserModel, operation: String) throws(StoreError) {
    let user = model.user
    try environment.health.checkWritable(operation, user: user)
    let files = environment.files(for: user)
    guard cached(user) == nil, !files.exists else {
      throw StoreError(.userAlreadyExists, operation: operation, user: user)
    }
    // A foreign entry in the way is that user's problem: nothing was written yet.
    try files.checkFolders(operation: operation)
    do {
      insert(try files.create(model))
    } catch {
      // Roll back: a create that throws leaves no user. Only if that fails too may a
      // half-created user remain, and the store stops writing.
      evict(user)
      if (try? files.delete()) == nil || files.exists { fail(user, error) }
      throw error
    }
  }
}
