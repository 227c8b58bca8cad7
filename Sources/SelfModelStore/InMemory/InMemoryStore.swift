public import Foundation
public import SelfModel
import Synchronization

/// A ``UserModelStore`` that keeps every model in memory: the same semantics as ``FileStore``
/// without durability.
///
/// Use it in tests, previews and for ephemeral users. Every change is applied to a copy of the
/// user's model and stored only if the model accepts it, so a rejected change leaves the
/// store unchanged. Users are listed in id order. All state sits behind one `Mutex`; each call
/// holds it only for the in-memory fold. A published catalogue reaches each model the next
/// time the model is read or changed.
///
/// ```swift
/// let store = InMemoryStore()
/// _ = try await store.createUser("user-42")
/// try await store.declare([.binary("preference.concise", statement: "Prefers concise")],
///                         for: "user-42")
/// ```
public final class InMemoryStore: UserModelStore {
  private struct State {
    var catalogue: Catalogue
    var models: [UserID: UserModel]
    /// Values derived from each user's current state; a change of the state drops them.
    var caches: [UserID: DerivedCache] = [:]

    /// The user's model on the catalogue in force, adopting it first if it is older.
    mutating func model(_ user: UserID, _ operation: String) throws(StoreError) -> UserModel {
      guard var model = models[user] else {
        throw StoreError(.userNotFound, operation: operation, user: user)
      }
      guard model.catalogue.version != catalogue.version else { return model }
      try StoreRules.adopt(catalogue, into: &model, operation: operation)
      models[user] = model
      caches[user] = nil
      return model
    }
  }

  private let state: Mutex<State>

  /// Creates an empty store, or one holding `models`.
  ///
  /// ```swift
  /// let store = InMemoryStore(catalogue: appCatalogue, models: [fixture])
  /// ```
  ///
  /// - Parameters:
  ///   - catalogue: The catalogue in force at the start (default `Catalogue.empty`).
  ///   - models: Models to start with; a later model of the same user wins. Each moves to
  ///     `catalogue` when it is first read or changed.
  public init(catalogue: Catalogue = .empty, models: [UserModel] = []) {
    var table: [UserID: UserModel] = [:]
    for model in models { table[model.user] = model }
    self.state = Mutex(State(catalogue: catalogue, models: table))
  }

  /// The catalogue in force; see ``UserModelStore/catalogue()``.
  ///
  /// - Returns: The catalogue.
  /// - Throws: Never.
  public func catalogue() async throws(StoreError) -> Catalogue {
    state.withLock { $0.catalogue }
  }

  /// Publishes a catalogue version; see ``UserModelStore/publish(_:)``.
  ///
  /// - Parameter catalogue: The version to publish.
  /// - Returns: What changed.
  /// - Throws: ``StoreError/Code/catalogueOutdated`` or ``StoreError/Code/catalogueConflict``.
  @discardableResult
  public func publish(_ catalogue: Catalogue) async throws(StoreError) -> CatalogueDiff {
    try state.withLock { state throws(StoreError) in
      guard let (next, diff) = try StoreRules.publication(of: catalogue, over: state.catalogue)
      else {
        return state.catalogue.changes(from: state.catalogue)
      }
      state.catalogue = next
      return diff
    }
  }

  /// Creates a model on the catalogue in force; see
  /// ``UserModelStore/createUser(_:beliefs:sources:policy:)``.
  ///
  /// - Parameters:
  ///   - user: The new user.
  ///   - beliefs: Its own beliefs.
  ///   - sources: Its own sources.
  ///   - policy: Its own policy, or `nil` to follow the catalogue's.
  /// - Returns: The new model.
  /// - Throws: ``StoreError/Code/userAlreadyExists`` or ``StoreError/Code/rejectedByModel``.
  @discardableResult
  public func createUser(
    _ user: UserID, beliefs: [BeliefDefinition], sources: [Source], policy: RevisionPolicy?
  ) async throws(StoreError) -> UserModel {
    try state.withLock { state throws(StoreError) in
      guard state.models[user] == nil else {
        throw StoreError(.userAlreadyExists, operation: "createUser", user: user)
      }
      let model = try StoreRules.newUser(
        user, catalogue: state.catalogue, beliefs: beliefs, sources: sources, policy: policy)
      state.models[user] = model
      state.caches[user] = nil
      return model
    }
  }

  /// The user's model; see ``UserModelStore/model(for:)``.
  ///
  /// - Parameter user: The user.
  /// - Returns: A copy of the model.
  /// - Throws: ``StoreError/Code/userNotFound``.
  public func model(for user: UserID) async throws(StoreError) -> UserModel {
    try state.withLock { state throws(StoreError) in try state.model(user, "model") }
  }

  /// Whether the user exists; see ``UserModelStore/contains(_:)``.
  ///
  /// - Parameter user: The user.
  /// - Returns: `true` if the store holds the user.
  /// - Throws: Never.
  public func contains(_ user: UserID) async throws(StoreError) -> Bool {
    state.withLock { $0.models[user] != nil }
  }

  /// Records evidence; see ``UserModelStore/record(_:for:at:)``.
  ///
  /// - Parameters:
  ///   - evidence: The batch.
  ///   - user: The user.
  ///   - now: The current time.
  /// - Returns: The model's observation result.
  /// - Throws: ``StoreError/Code/userNotFound`` or ``StoreError/Code/rejectedByModel``.
  @discardableResult
  public func record(_ evidence: [Evidence], for user: UserID, at now: Date)
    async throws(StoreError) -> ObservationResult
  {
    try mutate(user, "record") { model throws(ModelError) in try model.record(evidence, at: now) }
  }

  /// Declares beliefs; see ``UserModelStore/declare(_:for:)``.
  ///
  /// - Parameters:
  ///   - beliefs: The definitions.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound`` or ``StoreError/Code/rejectedByModel``.
  public func declare(_ beliefs: [BeliefDefinition], for user: UserID) async throws(StoreError) {
    try mutate(user, "declare") { model throws(ModelError) in
      for belief in beliefs { try model.declare(belief) }
    }
  }

  /// Redeclares a belief; see ``UserModelStore/redeclare(_:for:)``.
  ///
  /// - Parameters:
  ///   - belief: The new definition.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound`` or ``StoreError/Code/rejectedByModel``.
  public func redeclare(_ belief: BeliefDefinition, for user: UserID) async throws(StoreError) {
    try mutate(user, "redeclare") { model throws(ModelError) in try model.redeclare(belief) }
  }

  /// Registers sources; see ``UserModelStore/register(_:for:)``.
  ///
  /// - Parameters:
  ///   - sources: The sources.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound`` or ``StoreError/Code/rejectedByModel``.
  public func register(_ sources: [Source], for user: UserID) async throws(StoreError) {
    try mutate(user, "register") { model throws(ModelError) in
      for source in sources { try model.register(source) }
    }
  }

  /// Replaces the policy; see ``UserModelStore/replacePolicy(_:for:)``.
  ///
  /// - Parameters:
  ///   - policy: The new policy, or `nil` to follow the catalogue's.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound`` or ``StoreError/Code/rejectedByModel``.
  public func replacePolicy(_ policy: RevisionPolicy?, for user: UserID) async throws(StoreError) {
    try mutate(user, "replacePolicy") { model throws(ModelError) in
      try model.replacePolicy(policy)
    }
  }

  /// Forgets one evidence item; see ``UserModelStore/forget(evidence:for:)``.
  ///
  /// - Parameters:
  ///   - evidence: The evidence id.
  ///   - user: The user.
  /// - Returns: The forgotten item, if any.
  /// - Throws: ``StoreError/Code/userNotFound``.
  @discardableResult
  public func forget(evidence: EvidenceID, for user: UserID) async throws(StoreError)
    -> Evidence?
  {
    try mutate(user, "forget") { model in model.forget(evidence: evidence) }
  }

  /// Forgets a source's evidence; see ``UserModelStore/forget(source:for:)``.
  ///
  /// - Parameters:
  ///   - source: The source.
  ///   - user: The user.
  /// - Returns: The forgotten items.
  /// - Throws: ``StoreError/Code/userNotFound``.
  @discardableResult
  public func forget(source: SourceID, for user: UserID) async throws(StoreError) -> [Evidence] {
    try mutate(user, "forget") { model in model.forget(source: source) }
  }

  /// Deletes a user; see ``UserModelStore/deleteUser(_:)``.
  ///
  /// - Parameter user: The user.
  /// - Returns: `true` if the user existed.
  /// - Throws: Never.
  @discardableResult
  public func deleteUser(_ user: UserID) async throws(StoreError) -> Bool {
    state.withLock { state in
      state.caches[user] = nil
      return state.models.removeValue(forKey: user) != nil
    }
  }

  /// Exports a user; see ``UserModelStore/exportUser(_:)``.
  ///
  /// - Parameter user: The user.
  /// - Returns: The ``ExportDocument`` bytes.
  /// - Throws: ``StoreError/Code/userNotFound``.
  public func exportUser(_ user: UserID) async throws(StoreError) -> Data {
    try await exportDocument(user).encoded()
  }

  /// Exports a user as a value; see ``UserModelStore/exportDocument(_:)``.
  ///
  /// - Parameter user: The user.
  /// - Returns: The document.
  /// - Throws: ``StoreError/Code/userNotFound``.
  public func exportDocument(_ user: UserID) async throws(StoreError) -> ExportDocument {
    ExportDocument(snapshot: try await model(for: user).snapshot)
  }

  /// Imports a user; see ``UserModelStore/importUser(_:replacing:)-(Data,_)``.
  ///
  /// - Parameters:
  ///   - document: The export document.
  ///   - replacing: Whether an existing model may be replaced.
  /// - Returns: The imported user.
  /// - Throws: As ``UserModelStore/importUser(_:replacing:)-(Data,_)``.
  public func importUser(_ document: Data, replacing: Bool) async throws(StoreError) -> UserID {
    try await importUser(try ExportDocument(decoding: document), replacing: replacing)
  }

  /// Imports a decoded document; see
  /// ``UserModelStore/importUser(_:replacing:)-(ExportDocument,_)``.
  ///
  /// - Parameters:
  ///   - document: The export document.
  ///   - replacing: Whether an existing model may be replaced.
  /// - Returns: The imported user.
  /// - Throws: As ``UserModelStore/importUser(_:replacing:)-(Data,_)``.
  public func importUser(_ document: ExportDocument, replacing: Bool) async throws(StoreError)
    -> UserID
  {
    try state.withLock { state throws(StoreError) in
      let model = try document.model(operation: "import", catalogue: state.catalogue)
      guard replacing || state.models[model.user] == nil else {
        throw StoreError(.userAlreadyExists, operation: "import", user: model.user)
      }
      state.models[model.user] = model
      state.caches[model.user] = nil
      return model.user
    }
  }

  /// Lists users in id order; see ``UserModelStore/users(after:limit:)``.
  ///
  /// - Parameters:
  ///   - cursor: The previous page's ``UserPage/next``.
  ///   - limit: The page size, at least 1.
  /// - Returns: The page.
  /// - Throws: ``StoreError/Code/invalidArgument`` for a limit below 1.
  public func users(after cursor: UserID?, limit: Int) async throws(StoreError) -> UserPage {
    guard limit >= 1 else {
      throw StoreError(.invalidArgument, operation: "users", detail: "limit \(limit) is below 1")
    }
    let all = state.withLock { state in
      state.models.keys.filter { user in cursor.map { user > $0 } ?? true }.sorted()
    }
    let page = Array(all.prefix(limit))
    return UserPage(users: page, next: all.count > limit ? page.last : nil)
  }

  /// Does nothing but check that the user exists: memory needs no compaction.
  ///
  /// - Parameter user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``.
  public func compact(_ user: UserID) async throws(StoreError) {
    _ = try await model(for: user)
  }

  private func mutate<T>(
    _ user: UserID, _ operation: String, _ body: (inout UserModel) throws(ModelError) -> T
  ) throws(StoreError) -> T {
    try state.withLock { state throws(StoreError) in
      var model = try state.model(user, operation)
      let result: T
      do throws(ModelError) {
        result = try body(&model)
      } catch {
        throw StoreError(.rejectedByModel, operation: operation, user: user, modelError: error)
      }
      state.models[user] = model
      state.caches[user] = nil
      return result
    }
  }
}

extension InMemoryStore {
  /// Runs `body` on the user's model, with a cache of derived values that lasts until the
  /// user's next change; the body runs outside the store's lock.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - operation: The operation's name, for errors.
  ///   - body: What to compute from the view.
  /// - Returns: What `body` returns.
  /// - Throws: ``StoreError``: no such user, or what `body` throws.
  public func read<Value: Sendable>(
    user: UserID, operation: String,
    _ body: @escaping @Sendable (UserView) throws(StoreError) -> Value
  ) async throws(StoreError) -> Value {
    let view = try state.withLock { state throws(StoreError) in
      let model = try state.model(user, operation)
      let cache = state.caches[user] ?? DerivedCache()
      state.caches[user] = cache
      return UserView(model: model, cache: cache)
    }
    return try body(view)
  }

  /// Derives evidence from the user's model and records it under the store's lock, in one
  /// step.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - now: The time to record at.
  ///   - operation: The operation's name, for errors.
  ///   - deriving: Makes the evidence from the model.
  /// - Returns: What the record changed.
  /// - Throws: ``StoreError``: a model error from `deriving` is ``StoreError/Code/rejectedByModel``.
  @discardableResult
  public func record(
    user: UserID, at now: Date, operation: String,
    deriving: @escaping @Sendable (UserModel) throws(ModelError) -> [Evidence]
  ) async throws(StoreError) -> ObservationResult {
    try mutate(user, operation) { model throws(ModelError) in
      try model.record(try deriving(model), at: now)
    }
  }
}
