import Synchronization

/// Values derived from one state of one user's model, kept while that state lasts.
///
/// A store hands a ``UserView`` to a read; the view's cache belongs to the model state the
/// read sees. When the user's state changes (any write, a new catalogue, an eviction), the
/// store starts a new cache, so nothing derived from an old state is ever served. Operations
/// use it for work that is expensive to set up and cheap to use, such as the prompt selector
/// over a 1,000-belief model: the first prompt on an unchanged user pays the setup, the next
/// ones only the call.
///
/// The cache holds at most ``capacity`` values; when full, it starts over. Building runs
/// outside the lock, so two readers may both build the same value; the first stored wins.
///
/// ```swift
/// let selector = try view.cache.value(for: DerivedKey("prompt", [context ?? ""])) {
///   () throws(ModelError) in try PromptSelector(model: view.model, in: context, at: now)
/// }
/// ```
public final class DerivedCache: Sendable {
  /// How many values one state keeps.
  public static let capacity = 16

  private let values = Mutex<[DerivedKey: any Sendable]>([:])

  /// Creates an empty cache.
  public init() {}

  /// The value stored for `key`, or the one `build` makes (then stored).
  ///
  /// - Parameters:
  ///   - key: What the value is derived for.
  ///   - build: Makes the value; runs only when none is stored under `key` with this type.
  /// - Returns: The stored or new value.
  /// - Throws: What `build` throws; nothing is stored then.
  public func value<Value: Sendable, Failure: Error>(
    for key: DerivedKey, build: () throws(Failure) -> Value
  ) throws(Failure) -> Value {
    if let stored = values.withLock({ $0[key] }) as? Value { return stored }
    let made = try build()
    return values.withLock { table in
      if let stored = table[key] as? Value { return stored }
      if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
      table[key] = made
      return made
    }
  }

  /// How many values are stored.
  public var count: Int { values.withLock { $0.count } }
}
