public import Foundation
public import SelfModel

/// A place that keeps many users' self-models and survives restarts: what server apps program
/// against.
///
/// A store holds one `UserModel` per user and applies every change through the model's own
/// rules, so a store never computes beliefs itself: it persists the evidence ledger and the
/// definitions, and hands back models whose estimates you read with the `SelfModel` API.
///
/// Every method is `async` and throws only ``StoreError``. A change the model rejects throws
/// ``StoreError/Code/rejectedByModel`` with the model's reason in ``StoreError/modelError``,
/// and leaves the store exactly as it was. Writes to one user are serialised; different users
/// proceed in parallel. Implementations: ``FileStore`` (durable, embedded) and
/// ``InMemoryStore`` (tests, ephemeral use); any implementation should pass
/// `StoreConformance.run` from `SelfModelTesting`.
///
/// ```swift
/// let store = try FileStore(at: "/var/lib/app/models")
/// _ = try await store.createUser("user-42", policy: RevisionPolicy())
/// try await store.declare([.binary("preference.concise", statement: "Prefers concise answers")],
///                         for: "user-42")
/// try await store.register([Source(id: "user", kind: .userStated, reliability: 0.95)],
///                          for: "user-42")
/// let result = try await store.record(evidence, for: "user-42", at: now)
/// let model = try await store.model(for: "user-42")
/// ```
public protocol UserModelStore: Sendable {
  /// Closes the store without blocking a thread of Swift's cooperative pool: in-flight calls
  /// finish, then resources are released; later calls throw ``StoreError/Code/closed``.
  /// Calling it again does nothing. The default implementation does nothing (for stores that
  /// hold no resources, such as ``InMemoryStore``).
  ///
  /// ```swift
  /// await store.shutdown()
  /// ```
  func shutdown() async

  /// The catalogue in force: the latest version published, with the retired entries of every
  /// earlier version merged in (see `Catalogue.successor(of:)`), or `Catalogue.empty` if none
  /// has been published. Compare its `version` with the app's catalogue, not the whole value.
  ///
  /// - Returns: The catalogue.
  /// - Throws: ``StoreError/Code/closed``; I/O errors.
  func catalogue() async throws(StoreError) -> Catalogue

  /// Makes a catalogue version store-wide: atomically, durably (for a durable store), and
  /// only if it is a compatible successor of the catalogue in force (see
  /// `Catalogue.successor(of:)`).
  ///
  /// Every user sees the new version at its next load or access: models are refolded under
  /// it then, not all at once. Publishing the version in force again with the same content
  /// changes nothing and returns an empty diff, so every instance of a release can publish
  /// its catalogue at startup.
  ///
  /// ```swift
  /// let diff = try await store.publish(appCatalogue)
  /// print("catalogue \(diff.toVersion): +\(diff.addedBeliefs.count) beliefs")
  /// ```
  ///
  /// - Parameter catalogue: The version to publish.
  /// - Returns: What changed from the version in force.
  /// - Throws: ``StoreError/Code/catalogueOutdated`` if the store holds a newer version;
  ///   ``StoreError/Code/catalogueConflict`` for an incompatible change or the current
  ///   version number with other content; I/O errors. Nothing is written when it throws.
  @discardableResult
  func publish(_ catalogue: Catalogue) async throws(StoreError) -> CatalogueDiff

  /// Creates a model for a new user on the catalogue in force, with the user's own beliefs,
  /// sources and policy if any, in one atomic call.
  ///
  /// The user exists (durably, for a durable store) when the call returns. A user needs no
  /// declarations of its own: it reads the catalogue's.
  ///
  /// ```swift
  /// let model = try await store.createUser("user-42")
  /// ```
  ///
  /// - Parameters:
  ///   - user: The new user.
  ///   - beliefs: Beliefs of this user alone (for example ones an LLM discovered).
  ///   - sources: Sources of this user alone.
  ///   - policy: A policy for this user alone, or `nil` to follow the catalogue's.
  /// - Returns: The new, empty model.
  /// - Throws: ``StoreError/Code/userAlreadyExists``; ``StoreError/Code/rejectedByModel`` for
  ///   an invalid policy or an own entry that conflicts with the catalogue; I/O errors.
  @discardableResult
  func createUser(
    _ user: UserID, beliefs: [BeliefDefinition], sources: [Source], policy: RevisionPolicy?
  ) async throws(StoreError) -> UserModel

  /// The user's current model.
  ///
  /// The returned value is a copy: changing it changes nothing in the store.
  ///
  /// ```swift
  /// let model = try await store.model(for: "user-42")
  /// let estimate = try model.estimate(for: "preference.concise", at: now)
  /// ```
  ///
  /// - Parameter user: The user.
  /// - Returns: The model.
  /// - Throws: ``StoreError/Code/userNotFound``; ``StoreError/Code/corruptFile`` when the
  ///   user's files are damaged; I/O errors.
  func model(for user: UserID) async throws(StoreError) -> UserModel

  /// Estimates of some or all of a user's beliefs at `now`, without handing out the model.
  ///
  /// A store serves this from the user's last durable state: it does not wait for writes
  /// still being synced, and it does not copy the model.
  ///
  /// ```swift
  /// let estimates = try await store.estimates(
  ///   for: "user-42", beliefs: ["preference.concise"], at: now)
  /// ```
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - beliefs: The beliefs, in the order wanted; `nil` for every belief in declaration
  ///     order. A key may appear once.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: One estimate per belief asked for.
  /// - Throws: ``StoreError/Code/userNotFound``; ``StoreError/Code/rejectedByModel`` wrapping
  ///   `ModelError.unknownBelief`, `ModelError.duplicateBelief` or a non-finite
  ///   `now`; the errors of ``model(for:)``.
  func estimates(for user: UserID, beliefs: [BeliefKey]?, at now: Date) async throws(StoreError)
    -> [BeliefEstimate]

  /// Explains one of a user's beliefs at `now`, without handing out the model; served like
  /// ``estimates(for:beliefs:at:)``.
  ///
  /// ```swift
  /// let why = try await store.explanation(for: "user-42", belief: "preference.concise", at: now)
  /// ```
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - belief: The belief.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The estimate and each evidence item's contribution, largest first.
  /// - Throws: ``StoreError/Code/userNotFound``; ``StoreError/Code/rejectedByModel`` wrapping
  ///   `ModelError.unknownBelief` or a non-finite `now`; the errors of ``model(for:)``.
  func explanation(for user: UserID, belief: BeliefKey, at now: Date) async throws(StoreError)
    -> BeliefExplanation

  /// Estimates of some of a user's beliefs in a context (`UserModel.estimates(beliefs:in:at:)`),
  /// without handing out the model. The default goes through ``model(for:)`` for a context and
  /// through ``estimates(for:beliefs:at:)`` for none.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - beliefs: The beliefs, in the order wanted; `nil` for every belief.
  ///   - context: The context, or `nil` for every belief's own prior.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: One estimate per belief asked for.
  /// - Throws: As ``estimates(for:beliefs:at:)``, and ``StoreError/Code/rejectedByModel``
  ///   wrapping `ModelError.unknownContext` when no belief asked for lists `context`.
  func estimates(for user: UserID, beliefs: [BeliefKey]?, in context: ContextID?, at now: Date)
    async throws(StoreError) -> [BeliefEstimate]

  /// Explains one of a user's beliefs in a context (`UserModel.explain(_:in:at:)`), without
  /// handing out the model; the default is like that of
  /// ``estimates(for:beliefs:in:at:)``.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - belief: The belief.
  ///   - context: A context the belief lists, or `nil`.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The explanation.
  /// - Throws: As ``explanation(for:belief:at:)``, and ``StoreError/Code/rejectedByModel``
  ///   wrapping `ModelError.unknownContext` when the belief does not list `context`.
  func explanation(for user: UserID, belief: BeliefKey, in context: ContextID?, at now: Date)
    async throws(StoreError) -> BeliefExplanation

  /// Whether the store holds a model for the user.
  ///
  /// ```swift
  /// if try await !store.contains("user-42") { _ = try await store.createUser("user-42") }
  /// ```
  ///
  /// - Parameter user: The user.
  /// - Returns: `true` if the user exists.
  /// - Throws: I/O errors.
  func contains(_ user: UserID) async throws(StoreError) -> Bool

  /// Records a batch of evidence for a user, atomically, and returns once it is durable
  /// under the store's durability mode.
  ///
  /// Either every item is valid and recorded (or recognised as a duplicate of an item the
  /// ledger already holds), or nothing is written. Recording the same batch twice is safe:
  /// the second call reports every id in `ObservationResult.duplicates` and writes nothing.
  ///
  /// ```swift
  /// let result = try await store.record(
  ///   [Evidence(id: "e1", belief: "preference.concise", content: .holds, source: "user",
  ///             observedAt: now)],
  ///   for: "user-42", at: now)
  /// ```
  ///
  /// - Parameters:
  ///   - evidence: The evidence, in the order to record it.
  ///   - user: The user.
  ///   - now: The current time, passed to `UserModel.record(_:at:)`.
  /// - Returns: What was recorded, the duplicates, and how each touched belief moved.
  /// - Throws: ``StoreError/Code/userNotFound``; ``StoreError/Code/rejectedByModel`` with the
  ///   model's reason (nothing written); ``StoreError/Code/storeFailed`` after an earlier
  ///   failed sync; I/O errors.
  @discardableResult
  func record(_ evidence: [Evidence], for user: UserID, at now: Date) async throws(StoreError)
    -> ObservationResult

  /// Declares new beliefs for a user, all or none.
  ///
  /// ```swift
  /// try await store.declare([.binary("preference.concise", statement: "Prefers concise")],
  ///                         for: "user-42")
  /// ```
  ///
  /// - Parameters:
  ///   - beliefs: The definitions; keys must be new.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``; ``StoreError/Code/rejectedByModel`` (for
  ///   example a duplicate key), nothing written; I/O errors.
  func declare(_ beliefs: [BeliefDefinition], for user: UserID) async throws(StoreError)

  /// Changes a declared belief's statement, base rates or (while it has no evidence) outcomes.
  ///
  /// ```swift
  /// try await store.redeclare(.binary("preference.concise", statement: "Wants it short"),
  ///                           for: "user-42")
  /// ```
  ///
  /// - Parameters:
  ///   - belief: The new definition of a declared belief.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``; ``StoreError/Code/rejectedByModel``; I/O
  ///   errors.
  func redeclare(_ belief: BeliefDefinition, for user: UserID) async throws(StoreError)

  /// Registers sources (or replaces registered ones with the same ids), all or none.
  ///
  /// ```swift
  /// try await store.register([Source(id: "user", kind: .userStated, reliability: 0.95)],
  ///                          for: "user-42")
  /// ```
  ///
  /// - Parameters:
  ///   - sources: The sources.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``; ``StoreError/Code/rejectedByModel``; I/O
  ///   errors.
  func register(_ sources: [Source], for user: UserID) async throws(StoreError)

  /// Replaces the user's own revision policy, or with `nil` makes the user follow the
  /// catalogue's; every belief is refolded under it.
  ///
  /// ```swift
  /// try await store.replacePolicy(RevisionPolicy(defaultHalfLife: 30 * 86_400), for: "user-42")
  /// ```
  ///
  /// - Parameters:
  ///   - policy: The new policy, or `nil` to follow the catalogue's.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``; ``StoreError/Code/rejectedByModel`` for an
  ///   invalid policy; I/O errors.
  func replacePolicy(_ policy: RevisionPolicy?, for user: UserID) async throws(StoreError)

  /// Forgets one evidence item: afterwards the model is as if it had never been recorded, and
  /// (for a durable store) no file holds it any more.
  ///
  /// ```swift
  /// let forgotten = try await store.forget(evidence: "e1", for: "user-42")
  /// ```
  ///
  /// - Parameters:
  ///   - evidence: The evidence id.
  ///   - user: The user.
  /// - Returns: The forgotten item, or `nil` if the ledger did not hold it.
  /// - Throws: ``StoreError/Code/userNotFound``; I/O errors.
  @discardableResult
  func forget(evidence: EvidenceID, for user: UserID) async throws(StoreError) -> Evidence?

  /// Forgets every evidence item from a source; the source stays registered. Afterwards the
  /// model is as if that evidence had never been recorded, and no file holds it any more.
  ///
  /// ```swift
  /// let forgotten = try await store.forget(source: "click-stream", for: "user-42")
  /// ```
  ///
  /// - Parameters:
  ///   - source: The source.
  ///   - user: The user.
  /// - Returns: The forgotten items, in ledger order.
  /// - Throws: ``StoreError/Code/userNotFound``; I/O errors.
  @discardableResult
  func forget(source: SourceID, for user: UserID) async throws(StoreError) -> [Evidence]

  /// Deletes a user and everything stored about them.
  ///
  /// ```swift
  /// let existed = try await store.deleteUser("user-42")
  /// ```
  ///
  /// - Parameter user: The user.
  /// - Returns: `true` if the user existed.
  /// - Throws: I/O errors; ``StoreError/Code/storeFailed`` after an earlier failed sync.
  @discardableResult
  func deleteUser(_ user: UserID) async throws(StoreError) -> Bool

  /// Exports a user as one portable JSON document (an ``ExportDocument``).
  ///
  /// ```swift
  /// let data = try await store.exportUser("user-42")
  /// try data.write(to: URL(fileURLWithPath: "user-42.json"))
  /// ```
  ///
  /// - Parameter user: The user.
  /// - Returns: The document's bytes.
  /// - Throws: ``StoreError/Code/userNotFound``; I/O errors.
  func exportUser(_ user: UserID) async throws(StoreError) -> Data

  /// Imports a document made by ``exportUser(_:)`` (by this or another store).
  ///
  /// ```swift
  /// let user = try await store.importUser(data, replacing: false)
  /// ```
  ///
  /// - Parameters:
  ///   - document: The JSON document.
  ///   - replacing: Whether to replace an existing model of the same user.
  /// - Returns: The imported user.
  /// - Throws: ``StoreError/Code/invalidArgument`` for a malformed document;
  ///   ``StoreError/Code/newerFormat`` for a newer one; ``StoreError/Code/rejectedByModel``
  ///   for an inconsistent model; ``StoreError/Code/userAlreadyExists`` when the user exists
  ///   and `replacing` is `false`; I/O errors.
  func importUser(_ document: Data, replacing: Bool) async throws(StoreError) -> UserID

  /// Exports a user as an ``ExportDocument`` value, for a caller that writes it in another
  /// form (such as the lines form, ``ExportLineWriter``) without encoding it whole first.
  ///
  /// ```swift
  /// var writer = ExportLineWriter(try await store.exportDocument("user-42"))
  /// ```
  ///
  /// - Parameter user: The user.
  /// - Returns: The document.
  /// - Throws: As ``exportUser(_:)``.
  func exportDocument(_ user: UserID) async throws(StoreError) -> ExportDocument

  /// Imports an already decoded document (such as the one an ``ExportLineReader`` read),
  /// with the same checks and atomicity as ``importUser(_:replacing:)-(Data,_)``.
  ///
  /// ```swift
  /// let user = try await store.importUser(try reader.finish(), replacing: false)
  /// ```
  ///
  /// - Parameters:
  ///   - document: The document.
  ///   - replacing: Whether to replace an existing model of the same user.
  /// - Returns: The imported user.
  /// - Throws: As ``importUser(_:replacing:)-(Data,_)``.
  func importUser(_ document: ExportDocument, replacing: Bool) async throws(StoreError) -> UserID

  /// One page of the store's users, in a stable order.
  ///
  /// Paging from `nil` until ``UserPage/next`` is `nil` visits every user that exists
  /// throughout exactly once.
  ///
  /// ```swift
  /// let first = try await store.users(after: nil, limit: 100)
  /// let second = try await store.users(after: first.next, limit: 100)
  /// ```
  ///
  /// - Parameters:
  ///   - cursor: The ``UserPage/next`` of the previous page, or `nil` for the first page.
  ///   - limit: The most users to return; at least 1.
  /// - Returns: The page.
  /// - Throws: ``StoreError/Code/invalidArgument`` for a limit below 1; I/O errors.
  func users(after cursor: UserID?, limit: Int) async throws(StoreError) -> UserPage

  /// Compacts a user's stored data: a snapshot covering everything, and an empty journal.
  ///
  /// Durable stores also compact on their own; call this to bound recovery time or space
  /// now. Stores without a journal do nothing.
  ///
  /// ```swift
  /// try await store.compact("user-42")
  /// ```
  ///
  /// - Parameter user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``; I/O errors.
  func compact(_ user: UserID) async throws(StoreError)

  /// Runs `body` on one user's model where the store keeps it, without handing the model out.
  ///
  /// The body sees the user's last durable state and a cache of values derived from that
  /// state (``UserView``); the store starts a new cache whenever the state changes. Prompt
  /// context, ranking and next questions run here, so that no copy of the model leaves the
  /// store and expensive setup is paid once per state.
  ///
  /// ```swift
  /// let count = try await store.read(user: "user-7", operation: "count") { view in
  ///   view.model.evidenceCount
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - operation: The operation's name, for errors.
  ///   - body: What to compute; it must not keep the model.
  /// - Returns: What `body` returns.
  /// - Throws: ``StoreError``: ``StoreError/Code/userNotFound`` and the store's own errors, or
  ///   what `body` throws.
  func read<Value: Sendable>(
    user: UserID, operation: String,
    _ body: @escaping @Sendable (UserView) throws(StoreError) -> Value
  ) async throws(StoreError) -> Value

  /// Derives evidence from the user's current model and records it, in one step where the
  /// store can (`FileStore`, `InMemoryStore`: atomic per user).
  ///
  /// A reaction is recorded this way: its evidence depends on the beliefs the user has, and no
  /// other write may come between reading them and recording.
  ///
  /// ```swift
  /// try await store.record(user: "user-7", at: now, operation: "react") { model in
  ///   try likelihood.evidence(for: reaction, to: response, in: model)
  /// }
  /// ```
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - now: The time to record at.
  ///   - operation: The operation's name, for errors.
  ///   - deriving: Makes the evidence from the model.
  /// - Returns: What the record changed, once durable.
  /// - Throws: ``StoreError``: a model error from `deriving` is ``StoreError/Code/rejectedByModel``.
  @discardableResult
  func record(
    user: UserID, at now: Date, operation: String,
    deriving: @escaping @Sendable (UserModel) throws(ModelError) -> [Evidence]
  ) async throws(StoreError) -> ObservationResult
}
