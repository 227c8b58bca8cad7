public import Foundation
public import SelfModel

extension FileStore {
  /// Estimates of a user's beliefs; see ``UserModelStore/estimates(for:beliefs:at:)``.
  ///
  /// Once the user has been read, the estimates come from the durable model its worker
  /// publishes after each acknowledged write, computed on the calling task: the read does
  /// not queue behind the worker's group-commit sync (benchmark B9). The first read of a user
  /// (or the first after it was evicted, failed, or a new catalogue was published) goes
  /// through the worker, which loads the user if needed.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - beliefs: The beliefs, or `nil` for every belief in declaration order.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: One estimate per belief asked for.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/rejectedByModel`` (unknown
  ///   or repeated belief, non-finite `now`), ``StoreError/Code/closed``, or the load's errors.
  public func estimates(for user: UserID, beliefs: [BeliefKey]?, at now: Date)
    async throws(StoreError) -> [BeliefEstimate]
  {
    try await estimates(for: user, beliefs: beliefs, in: nil, at: now)
  }

  /// Estimates of a user's beliefs in a context; see
  /// ``UserModelStore/estimates(for:beliefs:in:at:)``. Served like
  /// ``estimates(for:beliefs:at:)``, from the durable model without queueing.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - beliefs: The beliefs, or `nil` for every belief in declaration order.
  ///   - context: The context, or `nil` for every belief's own prior.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: One estimate per belief asked for.
  /// - Throws: As ``estimates(for:beliefs:at:)``, and ``StoreError/Code/rejectedByModel`` for
  ///   a context no belief asked for lists.
  public func estimates(
    for user: UserID, beliefs: [BeliefKey]?, in context: ContextID?, at now: Date
  ) async throws(StoreError) -> [BeliefEstimate] {
    try await read(user, "estimates") { model throws(StoreError) in
      try model.storeEstimates(of: beliefs, in: context, at: now)
    }
  }

  /// Explains one of a user's beliefs; see ``UserModelStore/explanation(for:belief:at:)``.
  /// Served like ``estimates(for:beliefs:at:)``.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - belief: The belief.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The explanation.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/rejectedByModel`` (unknown
  ///   belief, non-finite `now`), ``StoreError/Code/closed``, or the load's errors.
  public func explanation(for user: UserID, belief: BeliefKey, at now: Date)
    async throws(StoreError) -> BeliefExplanation
  {
    try await explanation(for: user, belief: belief, in: nil, at: now)
  }

  /// Explains one of a user's beliefs in a context; see
  /// ``UserModelStore/explanation(for:belief:in:at:)``. Served like
  /// ``estimates(for:beliefs:at:)``.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - belief: The belief.
  ///   - context: A context the belief lists, or `nil`.
  ///   - now: The moment to evaluate decay at.
  /// - Returns: The explanation.
  /// - Throws: As ``explanation(for:belief:at:)``, and ``StoreError/Code/rejectedByModel`` for
  ///   a context the belief does not list.
  public func explanation(
    for user: UserID, belief: BeliefKey, in context: ContextID?, at now: Date
  ) async throws(StoreError) -> BeliefExplanation {
    try await read(user, "explanation") { model throws(StoreError) in
      try model.storeExplanation(of: belief, in: context, at: now)
    }
  }

  /// Runs `body` on the user's durable model: the one its worker published, when it is on
  /// the catalogue in force, else on the worker (which then publishes it for later reads).
  func read<Value: Sendable>(
    _ user: UserID, _ operation: String,
    _ body: @escaping @Sendable (UserModel) throws(StoreError) -> Value
  ) async throws(StoreError) -> Value {
    try environment.health.checkOpen(operation, user: user)
    let shard = shard(for: user)
    if let model = shard.views.model(for: user),
      model.catalogue.version == environment.catalogue.version
    {
      return try body(model)
    }
    return try await shard.perform(for: user) { state throws(StoreError) in
      let slot = try state.slot(for: user, operation: operation)
      state.serveReads(of: slot)
      return .done(try body(slot.model))
    }
  }
}

extension FileStore {
  /// Runs `body` on the user's last durable state, on the published read view when there is
  /// one (no wait behind a sync), else on the user's worker.
  ///
  /// The view's ``DerivedCache`` lasts as long as the durable state it belongs to: every
  /// acknowledged write and every new catalogue starts a new one.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - operation: The operation's name, for errors.
  ///   - body: What to compute from the view.
  /// - Returns: What `body` returns.
  /// - Throws: ``StoreError``: no such user, a closed or failed store, what `body` throws.
  public func read<Value: Sendable>(
    user: UserID, operation: String,
    _ body: @escaping @Sendable (UserView) throws(StoreError) -> Value
  ) async throws(StoreError) -> Value {
    try environment.health.checkOpen(operation, user: user)
    let shard = shard(for: user)
    if let view = shard.views.view(for: user),
      view.model.catalogue.version == environment.catalogue.version
    {
      return try body(view)
    }
    return try await shard.perform(for: user) { state throws(StoreError) in
      let slot = try state.slot(for: user, operation: operation)
      state.serveReads(of: slot)
      return .done(try body(shard.views.view(for: user) ?? UserView(model: slot.model)))
    }
  }
}
