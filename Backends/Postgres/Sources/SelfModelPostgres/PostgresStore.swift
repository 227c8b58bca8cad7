public import Logging
public import PostgresNIO
import SelfModel
public import SelfModelStore
import Synchronization

/// A ``SelfModelStore/UserModelStore`` on PostgreSQL that many server instances share.
///
/// Every instance opens its own `PostgresStore` on the same database; each sees the others'
/// acknowledged writes. A write returns once PostgreSQL has committed it (durable under the
/// server's `synchronous_commit`, on by default).
///
/// - **Writes to one user are serialised across instances** by a compare-and-set on the
///   user's row: each write is one statement `UPDATE … WHERE id = $user AND version =
///   $seen` that also inserts or deletes the evidence rows, so it takes the row's lock,
///   and a writer that saw an older version changes nothing, catches up and tries again.
///   A row lock rather than an advisory lock: it is the row the write changes anyway, it is
///   released with the statement's transaction even if the connection dies, it needs no
///   hashing of user ids into advisory keys (which would collide), and the single-statement
///   write costs one round trip.
/// - **Idempotent evidence ids, exactly:** each evidence row holds the item as JSON whose
///   dates are the exact `Double`s, and a `UNIQUE (user_id, evidence_id)` constraint backs
///   the model's duplicate check; a retry through any instance reports a duplicate.
/// - **A per-instance cache** of models, each checked against the row's version before use
///   (one round trip that also returns any rows appended since), so no write or read
///   reloads a whole history unless definitions changed or evidence was forgotten.
/// - **Group commit across users.** Appends from different users that arrive while earlier
///   ones are in flight are sent as one statement in one transaction (at most 4 such batches
///   at once), so one round trip and one WAL flush acknowledge many writers; each user keeps
///   its own compare-and-set, and the batch locks its users' rows in id order so two
///   instances' batches queue rather than deadlock. A lone writer's append still goes at
///   once. `PostgresStoreOptions.batchesAppends` turns it off.
/// - **Acknowledged means committed:** every write runs in a transaction of its own and
///   returns only once PostgreSQL has answered its `COMMIT` (a statement's own rows arrive
///   before its commit; see Docs/Deployment.md).
/// - **Pooled connections** through one `PostgresClient`, **migrations** in a
///   `selfmodel_migrations` table, and **typed errors** that say whether a retry is safe
///   (`connectionLost`, `timedOut`, `serializationFailure`; see `StoreError.isOutcomeUnknown`).
///
/// ```swift
/// let store = try await PostgresStore(
///   configuration: .init(host: "db", username: "app", password: secret, database: "app",
///                        tls: .disable))
/// _ = try await store.createUser("user-42")
/// await store.shutdown()
/// ```
public final class PostgresStore: UserModelStore {
  let client: PostgresClient
  let options: PostgresStoreOptions
  let logger: Logger
  let cache: Mutex<[UserID: CachedUser]>
  let catalogueInForce: Mutex<Catalogue>
  let lifecycle: Mutex<Lifecycle>
  let writers = UserLocks()
  let appends: AppendBatcher
  private let runner: Mutex<Task<Void, Never>?>

  struct Lifecycle {
    var isClosed = false
    var inFlight = 0
  }

  /// Opens a store on a client the app runs itself (for example in a `ServiceGroup`),
  /// applying any pending migrations. Tables go in the connection's `search_path`.
  ///
  /// ```swift
  /// let client = PostgresClient(configuration: configuration)
  /// async let run: Void = client.run()
  /// let store = try await PostgresStore(client: client)
  /// ```
  ///
  /// - Parameters:
  ///   - client: A client whose `run()` is running.
  ///   - options: Cache and time limits; its `schema` must be `nil` (set the client's
  ///     `search_path` instead).
  ///   - logger: Where the client's queries log.
  /// - Throws: ``SelfModelStore/StoreError/Code/invalidArgument`` for a schema;
  ///   ``SelfModelStore/StoreError/Code/newerFormat`` for a database a newer release
  ///   migrated; connection errors.
  public convenience init(
    client: PostgresClient, options: PostgresStoreOptions = .init(),
    logger: Logger = Logger(label: "selfmodel.postgres")
  ) async throws(StoreError) {
    guard options.schema == nil else {
      throw StoreError(
        .invalidArgument, operation: "open",
        detail: "a schema needs a client the store configures; set search_path instead")
    }
    try await self.init(client: client, runner: nil, options: options, logger: logger)
  }

  /// Opens a store with a client of its own, which it runs until ``shutdown()``, applying any
  /// pending migrations.
  ///
  /// ```swift
  /// let store = try await PostgresStore(
  ///   configuration: .init(unixSocketPath: "/run/postgresql/.s.PGSQL.5432",
  ///                        username: "app", password: nil, database: "app"),
  ///   options: .init(schema: "selfmodel"))
  /// ```
  ///
  /// - Parameters:
  ///   - configuration: How to reach the server; the options' pool size replaces its own.
  ///   - options: Schema, cache, pool and time limits.
  ///   - logger: Where the client logs.
  /// - Throws: ``SelfModelStore/StoreError/Code/invalidArgument`` for an invalid schema name;
  ///   ``SelfModelStore/StoreError/Code/newerFormat`` for a database a newer release
  ///   migrated; connection errors.
  public convenience init(
    configuration: PostgresClient.Configuration, options: PostgresStoreOptions = .init(),
    logger: Logger = Logger(label: "selfmodel.postgres")
  ) async throws(StoreError) {
    var configuration = configuration
    configuration.options.maximumConnections = options.maximumConnections
    if let schema = options.schema {
      guard PostgresStoreOptions.isValidSchema(schema) else {
        throw StoreError(.invalidArgument, operation: "open", detail: "schema name \(schema)")
      }
      configuration.options.additionalStartupParameters.append(("search_path", schema))
    }
    let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    let runner = Task { await client.run() }
    do throws(StoreError) {
      if let schema = options.schema {
        try await Self.createSchema(schema, client: client, options: options, logger: logger)
      }
      try await self.init(client: client, runner: runner, options: options, logger: logger)
    } catch {
      runner.cancel()
      throw error
    }
  }

  private init(
    client: PostgresClient, runner: Task<Void, Never>?, options: PostgresStoreOptions,
    logger: Logger
  ) async throws(StoreError) {
    self.client = client
    self.options = options
    self.logger = logger
    self.cache = Mutex([:])
    self.catalogueInForce = Mutex(.empty)
    self.lifecycle = Mutex(Lifecycle())
    self.runner = Mutex(runner)
    self.appends = AppendBatcher(client: client, logger: logger, options: options)
    try await call("open", user: nil) {
      try await PostgresMigrations.migrate(client, logger: logger)
    }
  }

  private static func createSchema(
    _ schema: String, client: PostgresClient, options: PostgresStoreOptions, logger: Logger
  ) async throws(StoreError) {
    let timeout = options.callTimeout
    do {
      // Within the call's time limit, as every call: a server that is down or does not answer
      // must fail the open, not hold it forever while the client retries connecting.
      try await CallDeadline.run(timeout) {
        StoreError(.timedOut, operation: "open", detail: "no answer within \(timeout)")
      } _: {
        // Under the migrations' advisory lock: two instances creating one new schema at once
        // would otherwise both pass IF NOT EXISTS and one fail on pg_namespace's unique index
        // (seen with three selfmodel-server nodes starting together).
        try await client.withTransaction(logger: logger) { connection in
          try await connection.query(
            "SELECT pg_advisory_xact_lock(\(PostgresMigrations.lockKey))", logger: logger
          ).consume()
          // The one name written into SQL text; isValidSchema allows only [a-z0-9_].
          try await connection.query(
            PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""),
            logger: logger
          ).consume()
        }
      }
    } catch {
      throw PostgresErrorMapping.storeError(error, operation: "open", user: nil)
    }
  }

  /// Stops new calls (they throw ``SelfModelStore/StoreError/Code/closed``), waits for the
  /// calls in flight, then stops the client if the store runs its own. Calling it again
  /// does nothing.
  ///
  /// ```swift
  /// await store.shutdown()
  /// ```
  public func shutdown() async {
    lifecycle.withLock { $0.isClosed = true }
    while lifecycle.withLock({ $0.inFlight }) > 0 {
      try? await Task.sleep(for: .milliseconds(2))
    }
    let task = runner.withLock { task in
      defer { task = nil }
      return task
    }
    guard let task else { return }
    task.cancel()
    // The client stops once every lease is back; a lease held by a call abandoned at its
    // deadline (on a connection the server stopped answering) must not hold shutdown forever.
    _ = try? await CallDeadline.run(options.callTimeout) {
      CancellationError()
    } _: {
      await task.value
    }
  }
}
