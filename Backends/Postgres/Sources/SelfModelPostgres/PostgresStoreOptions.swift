/// How a ``PostgresStore`` uses its database: the schema its tables live in, the per-instance
/// cache, the pool, and the time limit of one call.
///
/// ```swift
/// let options = PostgresStoreOptions(schema: "selfmodel", cacheCapacity: 50_000)
/// ```
public struct PostgresStoreOptions: Sendable, Hashable {
  /// The schema that holds the store's tables, created if missing; `nil` for the
  /// connection's `search_path` (usually `public`). Lowercase letters, digits and `_`,
  /// starting with a letter or `_`, at most 63 bytes: it is the one name the store writes
  /// into SQL text, so it is checked before use.
  public var schema: String?
  /// The most user models one instance keeps in memory (default 10,000). Each is checked
  /// against the database's version column before use, so the cache never serves stale data.
  public var cacheCapacity: Int
  /// The most pooled connections one instance opens (default 20).
  public var maximumConnections: Int
  /// The longest one store call may take, including waiting for a connection (default 10 s);
  /// a call past it throws `StoreError.Code.timedOut`.
  public var callTimeout: Duration
  /// How often a write that lost a race with another instance is retried on fresh state
  /// before it throws `StoreError.Code.serializationFailure` (default 100).
  public var maximumAttempts: Int
  /// Whether appends (`record`) from different users that wait while earlier ones are in
  /// flight go to the database together, as one statement and one transaction: group commit
  /// across users, so one commit (one WAL flush) acknowledges the whole batch, each user's
  /// compare-and-set still its own. Default `true`; with `false` every append is a statement
  /// and a commit of its own (a fifth of the throughput with 100 writers, see
  /// Docs/Performance.md, B12). Either way a write returns only once its `COMMIT` is
  /// answered.
  public var batchesAppends: Bool

  /// Creates options.
  ///
  /// - Parameters:
  ///   - schema: The schema, or `nil` for the connection's `search_path`.
  ///   - cacheCapacity: The most cached user models, at least 1.
  ///   - maximumConnections: The most pooled connections, at least 1.
  ///   - callTimeout: The time limit of one call.
  ///   - maximumAttempts: The most attempts of one write under contention, at least 1.
  ///   - batchesAppends: Whether appends from different users are committed together.
  public init(
    schema: String? = nil, cacheCapacity: Int = 10_000, maximumConnections: Int = 20,
    callTimeout: Duration = .seconds(10), maximumAttempts: Int = 100, batchesAppends: Bool = true
  ) {
    self.schema = schema
    self.cacheCapacity = max(1, cacheCapacity)
    self.maximumConnections = max(1, maximumConnections)
    self.callTimeout = callTimeout
    self.maximumAttempts = max(1, maximumAttempts)
    self.batchesAppends = batchesAppends
  }

  /// Whether `name` is a schema name the store accepts.
  static func isValidSchema(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard let first = bytes.first, bytes.count <= 63 else { return false }
    let isLower = { (byte: UInt8) in byte >= 0x61 && byte <= 0x7A }
    let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
    guard isLower(first) || first == 0x5F else { return false }
    return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == 0x5F }
  }
}
