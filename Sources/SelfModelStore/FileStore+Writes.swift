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
    try await perform(user) { state throws(StoreError) in
      // In place: `observe` is atomic, and an unsynced change is evicted on failure.
      try state.mutate(user, "record", inPlace: true) { model throws(ModelError) in
        let result = try model.observe(evidence, at: now)
        var pending = Set(result.recorded)
        let written = evidence.filter { pending.remove($0.id) != nil }
        return (result, written.isEmpty ? [] : [.observe(written, now: now)])
      }
    }
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
