import Dispatch
import SelfModel

/// The embedded, durable ``UserModelStore``: one folder on a local file system, one journal and
/// one snapshot per user, crash-safe and shared by many concurrent tasks.
///
/// **Layout.** `FORMAT` (format version and applied migrations), `LOCK`, and
/// `users/<2 hex>/<SHA-256 of the user id>/` holding `user` (the id), `snapshot` and
/// `journal`. A user id never becomes a path: ids such as `../x` or `/etc/passwd` stay inside
/// the folder. Files are created `0600`, folders `0700`. The byte layout is in
/// `Docs/FileFormat.md`.
///
/// **Durability.** A write returns once it is durable under ``Options/durability``: one
/// checksummed journal record per call, synced per call, per group of concurrent calls (the
/// default) or never. A journal is compacted into a snapshot (temp file, `fsync`, rename,
/// folder `fsync`) when it grows past a threshold, and on ``forget(evidence:for:)``,
/// ``forget(source:for:)`` and ``importUser(_:replacing:)-(Data,_)``, so erased data leaves no trace.
///
/// **Recovery.** Loading a user reads the snapshot, then replays the journal records it does
/// not cover. A torn tail (a crash mid-append) is cut off: only unacknowledged writes are
/// lost. Other damage throws ``StoreError/Code/corruptFile`` naming the file and offset, or,
/// with ``Recovery/salvage``, keeps the valid prefix and a copy of the damaged file.
///
/// **Failure.** A write or `fsync` that fails after bytes may have reached a file is never
/// retried: the store refuses every later write with ``StoreError/Code/storeFailed`` (reads
/// still work) until it is closed and reopened.
///
/// **Threads.** Users are split by hash over ``Options/workerCount`` serial queues owned by
/// the store; a call suspends and is resumed from its user's queue, so blocking I/O never
/// runs on Swift's cooperative pool. Writes to one user are serialised, different users
/// proceed in parallel. Each worker caches its most recently used users (``Options/cacheCapacity``
/// in total); opening a store reads no user files.
///
/// **Exclusion.** The store holds an exclusive `flock` on `LOCK` until ``close()``: a second
/// `FileStore` on the same folder, in this process or another, throws
/// ``StoreError/Code/locked``.
///
/// ```swift
/// let store = try FileStore(at: "/var/lib/app/models")
/// defer { store.close() }
/// _ = try await store.createUser("user-42")
/// try await store.record(evidence, for: "user-42", at: now)
/// ```
public final class FileStore: UserModelStore {
  let environment: StoreEnvironment
  let shards: [Shard]
  let listing: DispatchQueue
  let lock: LockFile

  /// Opens (creating if needed) the store in the folder at `path`.
  ///
  /// Opening creates the folder (`0700`) if missing, takes the lock, checks `FORMAT` and
  /// runs any pending migrations. It reads no user data, so it takes constant time however
  /// many users the store holds.
  ///
  /// ```swift
  /// let store = try FileStore(at: "/var/lib/app/models", options: .init(durability: .synchronous))
  /// ```
  ///
  /// - Parameters:
  ///   - path: The store's folder.
  ///   - options: Durability, workers, cache and recovery settings.
  /// - Throws: ``StoreError/Code/locked`` when another store holds the folder;
  ///   ``StoreError/Code/newerFormat`` or ``StoreError/Code/unknownFormat`` for a folder this
  ///   library cannot read; ``StoreError/Code/invalidArgument`` for invalid options; I/O
  ///   errors.
  public convenience init(at path: String, options: Options = Options()) throws(StoreError) {
    try self.init(at: path, options: options, fileSystem: POSIXFileSystem())
  }

  /// Opens the store through `fileSystem` (for fault-injection tests), running `migrator`.
  package init(
    at path: String, options: Options = Options(), fileSystem: any FileSystem,
    migrator: StoreMigrator = .standard
  ) throws(StoreError) {
    try Self.validate(options, path: path)
    let root = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    if options.createsParentFolders { try Self.makeParents(of: root, fileSystem: fileSystem) }
    try fileSystem.makeDirectory(root, permissions: 0o700)
    let lock = try LockFile.acquire(inFolder: root, fileSystem: fileSystem)
    let layout = FileStoreLayout(root: root)
    let catalogue: Catalogue
    do {
      // Checked before anything is written: a store with a bad CATALOGUE opens nothing.
      _ = try CatalogueFile.open(layout, fileSystem: fileSystem, writable: false)
      try migrator.prepare(layout, fileSystem: fileSystem)
      try fileSystem.requireFolder(layout.usersPath, operation: "open", allowMissing: false)
      catalogue = try CatalogueFile.open(layout, fileSystem: fileSystem, writable: true)
    } catch {
      lock.release()
      throw error
    }
    let environment = StoreEnvironment(
      fileSystem: fileSystem, layout: layout, options: options, health: StoreHealth(),
      catalogue: CatalogueState(catalogue))
    environment.health.watch(lock)
    let perShard = max(1, options.cacheCapacity / options.workerCount)
    self.environment = environment
    self.lock = lock
    self.listing = DispatchQueue(label: "selfmodel.filestore.listing")
    self.shards = (0..<options.workerCount).map {
      Shard(index: $0, environment: environment, capacity: perShard)
    }
  }

  private static func validate(_ options: Options, path: String) throws(StoreError) {
    let problems = [
      path.isEmpty ? "the path is empty" : nil,
      options.workerCount < 1 ? "workerCount must be at least 1" : nil,
      options.cacheCapacity < options.workerCount
        ? "cacheCapacity must be at least workerCount" : nil,
      Options.boundsProblem(options),
      options.compactionRecordThreshold < 1 ? "compactionRecordThreshold must be positive" : nil,
      options.compactionByteThreshold < 1 ? "compactionByteThreshold must be positive" : nil,
      options.slowSyncThreshold < .zero ? "slowSyncThreshold must not be negative" : nil,
    ].compactMap { $0 }
    if let problem = problems.first {
      throw StoreError(.invalidArgument, operation: "open", path: path, detail: problem)
    }
  }

  deinit { close() }

  /// The store's folder.
  public var path: String { environment.layout.root }

  /// Why the store stopped accepting writes, or `nil` while it is healthy.
  ///
  /// ```swift
  /// if let cause = store.failure { logger.critical("store failed: \(cause)") }
  /// ```
  public var failure: StoreError? { environment.health.failure }

  /// Waits for in-flight calls, closes every file and releases the lock. Later calls throw
  /// ``StoreError/Code/closed``. Calling it again does nothing; `deinit` calls it.
  ///
  /// It blocks the calling thread while the workers finish: from async code, call
  /// ``shutdown()`` instead. Do not call it from inside a store call's continuation (it waits
  /// for the workers).
  ///
  /// ```swift
  /// let store = try FileStore(at: folder)
  /// defer { store.close() }
  /// ```
  public func close() {
    guard environment.health.close() else { return }
    for shard in shards { shard.shutdown() }
    lock.release()
    environment.report(StoreEvent(.closed, path: path))
  }

  /// The worker that owns `user`.
  func shard(for user: UserID) -> Shard {
    shards[environment.layout.folder(for: user).worker(of: shards.count)]
  }

  /// Runs `body` on `user`'s worker.
  func perform<Value: Sendable>(
    _ user: UserID,
    _ body: @escaping @Sendable (inout ShardState) throws(StoreError) -> ShardOutcome<Value>
  ) async throws(StoreError) -> Value {
    try await shard(for: user).perform(for: user, body)
  }
}
