public import Foundation
public import SelfModel

extension UserModelStore {
  /// Runs `body` on the user's model without handing the model out: the default for stores
  /// that do not run reads where the user's state lives.
  ///
  /// It loads the model with ``model(for:)`` and gives `body` a view with a new, empty cache.
  /// `FileStore` and `InMemoryStore` run `body` on the state they hold and keep the view's
  /// cache until the user's state changes.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - operation: The operation's name, for errors.
  ///   - body: What to compute from the view.
  /// - Returns: What `body` returns.
  /// - Throws: ``StoreError``: the model's load, or what `body` throws.
  public func read<Value: Sendable>(
    user: UserID, operation: String,
    _ body: @escaping @Sendable (UserView) throws(StoreError) -> Value
  ) async throws(StoreError) -> Value {
    try body(UserView(model: try await model(for: user)))
  }

  /// Derives evidence from the user's model and records it: the default for stores that
  /// cannot do both in one step.
  ///
  /// It loads the model, calls `deriving` and records what it returns. Another write may come
  /// between the two; every record is idempotent by evidence id, so a retry stays safe.
  /// `FileStore` and `InMemoryStore` derive and record in one step, atomic per user.
  ///
  /// - Parameters:
  ///   - user: The user.
  ///   - now: The time to record at.
  ///   - operation: The operation's name, for errors.
  ///   - deriving: Makes the evidence from the model (a reaction's likelihood, say).
  /// - Returns: What the record changed.
  /// - Throws: ``StoreError``: a model error from `deriving` is ``StoreError/Code/rejectedByModel``.
  @discardableResult
  public func record(
    user: UserID, at now: Date, operation: String,
    deriving: @escaping @Sendable (UserModel) throws(ModelError) -> [Evidence]
  ) async throws(StoreError) -> ObservationResult {
    let model = try await model(for: user)
    let evidence: [Evidence]
    do {
      evidence = try deriving(model)
    } catch {
      throw StoreError(.rejectedByModel, operation: operation, user: user, modelError: error)
    }
    return try await record(evidence, for: user, at: now)
  }
}
