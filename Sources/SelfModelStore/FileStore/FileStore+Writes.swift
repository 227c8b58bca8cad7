public import Foundation
public import SelfModel

extension FileStore {
  /// Records evidence in one journal record; see ``UserModelStore/record(_:for:at:)``.
  ///
  /// Only the items new to the ledger are written; a batch of duplicates writes nothing.
  ///
  /// - Parameters:
  ///   - evidence: The batch.
  ///   - user: The user.
  ///   - now: The current time.
  /// - Returns: The model's observation result, once durable per ``Options/durability``.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/rejectedByModel``,
  ///   ``StoreError/Code/storeFailed``, ``StoreError/Code/closed`` or I/O errors.
  @discardableResult
  public func record(_ evidence: [Evidence], for user: UserID, at now: Date)
    async throws(StoreError) -> ObservationResult
  {
    try await record(user: user, at: now, operation: "record") { _ in evidence }
  }

  /// Declares beliefs, all or none; see ``UserModelStore/declare(_:for:)``.
  ///
  /// One belief is one journal record; a batch is written as a snapshot so it is atomic.
  ///
  /// - Parameters:
  ///   - beliefs: The definitions.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/rejectedByModel``,
  ///   ``StoreError/Code/storeFailed``, ``StoreError/Code/closed`` or I/O errors.
  public func declare(_ beliefs: [BeliefDefinition], for user: UserID) async throws(StoreError) {
    try await perform(user) { state throws(StoreError) in
      try state.mutate(user, "declare", viaSnapshot: beliefs.count > 1) {
        model throws(ModelError) in
        for belief in beliefs { try model.declare(belief) }
        return ((), beliefs.map { .declare($0) })
      }
    }
  }

  /// Redeclares a belief; see ``UserModelStore/redeclare(_:for:)``.
  ///
  /// - Parameters:
  ///   - belief: The new definition.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/rejectedByModel``,
  ///   ``StoreError/Code/storeFailed``, ``StoreError/Code/closed`` or I/O errors.
  public func redeclare(_ belief: BeliefDefinition, for user: UserID) async throws(StoreError) {
    try await perform(user) { state throws(StoreError) in
      try state.mutate(user, "redeclare") { model throws(ModelError) in
        try model.redeclare(belief)
        return ((), [.redeclare(belief)])
      }
    }
  }

  /// Registers sources, all or none; see ``UserModelStore/register(_:for:)``.
  ///
  /// One source is one journal record; a batch is written as a snapshot so it is atomic.
  ///
  /// - Parameters:
  ///   - sources: The sources.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/rejectedByModel``,
  ///   ``StoreError/Code/storeFailed``, ``StoreError/Code/closed`` or I/O errors.
  public func register(_ sources: [Source], for user: UserID) async throws(StoreError) {
    try await perform(user) { state throws(StoreError) in
      try state.mutate(user, "register", viaSnapshot: sources.count > 1) {
        model throws(ModelError) in
        for source in sources { try model.register(source) }
        return ((), sources.map { .register($0) })
      }
    }
  }

  /// Replaces the policy; see ``UserModelStore/replacePolicy(_:for:)``.
  ///
  /// - Parameters:
  ///   - policy: The new policy.
  ///   - user: The user.
  /// - Throws: ``StoreError/Code/userNotFound``, ``StoreError/Code/rejectedByModel``,
  ///   ``StoreError/Code/storeFailed``, ``StoreError/Code/closed`` or I/O errors.
  public func replacePolicy(_ policy: RevisionPolicy?, for user: UserID) async throws(StoreError) {
    try await perform(user) { state throws(StoreError) in
      try state.mutate(user, "replacePolicy") { model throws(ModelError) in
        try model.replacePolicy(policy)
        return ((), [.replacePolicy(policy)])
      }
    }
  }
}

extension FileStore {
  /// Derives evidence from the user's model and records it in one step on the user's worker:
  /// no other write to the user comes between, and the model is not copied.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - now: The time to record at.
  ///   - operation: The operation's name, for errors.
  ///   - deriving: Makes the evidence from the model (a reaction's likelihood, say).
  /// - Returns: What the record changed; returns once durable, like ``record(_:for:at:)``.
  /// - Throws: ``StoreError``: a model error from `deriving` is ``StoreError/Code/rejectedByModel``.
  @discardableResult
  public func record(
    user: UserID, at now: Date, operation: String,
    deriving: @escaping @Sendable (UserModel) throws(ModelError) -> [Evidence]
  ) async throws(StoreError) -> ObservationResult {
    try await perform(user) { state throws(StoreError) in
      // In place: `observe` is atomic, and an unsynced change is evicted on failure.
      try state.mutate(user, operation, inPlace: true) { model throws(ModelError) in
        let evidence = try deriving(model)
        let result = try model.record(evidence, at: now)
        var pending = Set(result.recorded)
        let written = evidence.filter { pending.remove($0.id) != nil }
        return (result, written.isEmpty ? [] : [.record(written, now: now)])
      }
    }
  }
}
