public import SelfModel

/// One user's model as a store read sees it, with the cache of values derived from it.
///
/// A store passes a view to the body of ``UserModelStore/read(user:operation:_:)``; the body
/// computes what it needs and returns it. The model is not handed out: keeping it after the
/// body returns would make the store's next write copy the whole ledger.
public struct UserView: Sendable {
  /// The user's model (its last durable state).
  public let model: UserModel
  /// Values derived from this state of the model; a new state starts a new cache.
  public let cache: DerivedCache

  /// Creates a view.
  ///
  /// - Parameters:
  ///   - model: The user's model.
  ///   - cache: The values derived from it (a new, empty one by default).
  public init(model: UserModel, cache: DerivedCache = DerivedCache()) {
    self.model = model
    self.cache = cache
  }
}
