public import Foundation
import PostgresNIO
public import SelfModel
public import SelfModelStore
import Synchronization

extension PostgresStore {
  /// Records evidence in one statement that appends its rows; see
  /// `UserModelStore.record(_:for:at:)`. A batch of duplicates writes nothing.
  ///
  /// - Parameters:
  ///   - evidence: The batch.
  ///   - user: The user.
  ///   - now: The current time.
  /// - Returns: The model's observation result.
  /// - Throws: `userNotFound`; `rejectedByModel`; connection errors.
  @discardableResult
  public func record(_ evidence: [Evidence], for user: UserID, at now: Date)
    async throws(StoreError) -> ObservationResult
  {
    try await write(user, "record") { model throws(ModelError) in
      let result = try model.record(evidence, at: now)
      guard !result.recorded.isEmpty else { return (result, nil) }
      return (result, .append(Array(model.evidence.suffix(result.recorded.count))))
    }
  }

  /// Declares beliefs; see `UserModelStore.declare(_:for:)`.
  ///
  /// - Parameters:
  ///   - beliefs: The definitions.
  ///   - user: The user.
  /// - Throws: `userNotFound`; `rejectedByModel`; connection errors.
  public func declare(_ beliefs: [BeliefDefinition], for user: UserID) async throws(StoreError) {
    try await write(user, "declare") { model throws(ModelError) in
      for belief in beliefs { try model.declare(belief) }
      return ((), .head)
    }
  }

  /// Redeclares a belief; see `UserModelStore.redeclare(_:for:)`.
  ///
  /// - Parameters:
  ///   - belief: The new definition.
  ///   - user: The user.
  /// - Throws: `userNotFound`; `rejectedByModel`; connection errors.
  public func redeclare(_ belief: BeliefDefinition, for user: UserID) async throws(StoreError) {
    try await write(user, "redeclare") { model throws(ModelError) in
      try model.redeclare(belief)
      return ((), .head)
    }
  }

  /// Registers sources; see `UserModelStore.register(_:for:)`.
  ///
  /// - Parameters:
  ///   - sources: The sources.
  ///   - user: The user.
  /// - Throws: `userNotFound`; `rejectedByModel`; connection errors.
  public func register(_ sources: [Source], for user: UserID) async throws(StoreError) {
    try await write(user, "register") { model throws(ModelError) in
      for source in sources { try model.register(source) }
      return ((), .head)
    }
  }

  /// Replaces the policy; see `UserModelStore.replacePolicy(_:for:)`.
  ///
  /// - Parameters:
  ///   - policy: The new policy, or `nil` to follow the catalogue's.
  ///   - user: The user.
  /// - Throws: `userNotFound`; `rejectedByModel`; connection errors.
  public func replacePolicy(_ policy: RevisionPolicy?, for user: UserID) async throws(StoreError) {
    try await write(user, "replacePolicy") { model throws(ModelError) in
      try model.replacePolicy(policy)
      return ((), .head)
    }
  }

  /// Forgets one evidence item by deleting its row; see `UserModelStore.forget(evidence:for:)`
  /// and `Docs/Deployment.md` for what erasure means on PostgreSQL.
  ///
  /// - Parameters:
  ///   - evidence: The evidence id.
  ///   - user: The user.
  /// - Returns: The forgotten item, if any.
  /// - Throws: `userNotFound`; connection errors.
  @discardableResult
  public func forget(evidence: EvidenceID, for user: UserID) async throws(StoreError)
    -> Evidence?
  {
    try await write(user, "forget") { model in
      let item = model.forget(evidence: evidence)
      return (item, item.map { RowChange.forget([$0.id]) })
    }
  }

  /// Forgets a source's evidence; see `UserModelStore.forget(source:for:)`.
  ///
  /// - Parameters:
  ///   - source: The source.
  ///   - user: The user.
  /// - Returns: The forgotten items.
  /// - Throws: `userNotFound`; connection errors.
  @discardableResult
  public func forget(source: SourceID, for user: UserID) async throws(StoreError) -> [Evidence] {
    try await write(user, "forget") { model in
      let items = model.forget(source: source)
      return (items, items.isEmpty ? nil : RowChange.forget(items.map(\.id)))
    }
  }
}
