/// What a backend under ``StoreConformance`` promises: durability across a reopen, how
/// handles share its data, and whether `shutdown()` closes a handle.
///
/// ```swift
/// let traits = ConformanceTraits(isPersistent: true, sharing: .shared)  // a database server
/// ```
public struct ConformanceTraits: Sendable, Hashable {
  /// How several handles on one backend's data behave.
  public enum Sharing: Sendable, Hashable {
    /// Every handle is its own data (an in-memory store handing out one instance counts as
    /// one handle): the multi-instance checks do not apply.
    case none
    /// One handle at a time: a second handle opened while the first is open is refused with
    /// `StoreError.Code.locked` (a `FileStore` folder).
    case exclusive
    /// Many handles at once, as many server instances share one database: each sees the
    /// others' acknowledged writes, and writes to one user are serialised across them.
    case shared
  }

  /// Whether acknowledged writes survive shutting every handle down and opening a new one.
  public var isPersistent: Bool
  /// How handles share the backend's data.
  public var sharing: Sharing
  /// Whether `shutdown()` closes a handle (later calls throw `StoreError.Code.closed`);
  /// `false` for stores that hold nothing to release, whose `shutdown()` does nothing.
  public var closesOnShutdown: Bool

  /// Creates traits.
  ///
  /// - Parameters:
  ///   - isPersistent: Whether writes survive a reopen.
  ///   - sharing: How handles share the data.
  ///   - closesOnShutdown: Whether `shutdown()` closes a handle (default `true`).
  public init(isPersistent: Bool, sharing: Sharing, closesOnShutdown: Bool = true) {
    self.isPersistent = isPersistent
    self.sharing = sharing
    self.closesOnShutdown = closesOnShutdown
  }

  /// An ephemeral store such as `InMemoryStore`: not persistent, no sharing, nothing to close.
  public static let inMemory = ConformanceTraits(
    isPersistent: false, sharing: .none, closesOnShutdown: false)
}
