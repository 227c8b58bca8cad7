extension FileStore {
  /// How a ``FileStore`` trades speed, memory and safety; every field has a sensible default.
  ///
  /// ```swift
  /// var options = FileStore.Options()
  /// options.durability = .synchronous
  /// options.cacheCapacity = 10_000
  /// let store = try FileStore(at: folder, options: options)
  /// ```
  public struct Options: Sendable, Hashable {
    /// When a write is durable before its call returns; see ``Durability``. Default
    /// ``Durability/groupCommit``.
    public var durability: Durability
    /// How many worker threads (serial queues) own the users, each a shard of the users by
    /// hash: writes to one user are serialised, users of different shards proceed in
    /// parallel. Default 4; at least 1, at most ``maximumWorkerCount`` (256).
    public var workerCount: Int
    /// How many loaded users (model and open journal) the store keeps in memory, in total
    /// across its workers, evicting the least recently used. Default 1,024; at least 1 per
    /// worker, at most ``maximumCacheCapacity`` (2^24).
    public var cacheCapacity: Int
    /// Compact a user once their journal holds this many records (and at least half as many
    /// records as the user has evidence items, which keeps compaction amortised O(1) per
    /// record for users with large ledgers). Default 4,096.
    public var compactionRecordThreshold: Int
    /// Compact a user once their journal holds this many bytes (with the same proviso as
    /// ``compactionRecordThreshold``). Default 4 MiB.
    public var compactionByteThreshold: Int
    /// What to do when a journal is damaged anywhere but its torn tail. Default
    /// ``Recovery/strict``.
    public var recovery: Recovery
    /// Receives the store's ``StoreEvent``s (repairs, compactions, slow syncs, failure,
    /// close), on the store's threads. Default `nil`: no events.
    public var observer: StoreObserver?
    /// A journal sync taking at least this long is reported as ``StoreEvent/Kind/slowSync``
    /// to the ``observer``. Default 100 ms (a healthy local disk syncs a small append in well
    /// under 1 ms).
    public var slowSyncThreshold: Duration
    /// Whether opening creates the store folder's missing parent folders (`0700`, each parent
    /// synced), like `mkdir -p`. Default `false`: a missing parent throws
    /// ``StoreError/Code/ioFailure`` (`ENOENT`), so a mistyped path or an unmounted volume is
    /// noticed instead of silently filled.
    public var createsParentFolders: Bool

    /// Creates options; the defaults suit a server with many users.
    ///
    /// - Parameters:
    ///   - durability: See ``durability``.
    ///   - workerCount: See ``workerCount``.
    ///   - cacheCapacity: See ``cacheCapacity``.
    ///   - compactionRecordThreshold: See ``compactionRecordThreshold``.
    ///   - compactionByteThreshold: See ``compactionByteThreshold``.
    ///   - recovery: See ``recovery``.
    ///   - observer: See ``observer``.
    ///   - slowSyncThreshold: See ``slowSyncThreshold``.
    ///   - createsParentFolders: See ``createsParentFolders``.
    public init(
      durability: Durability = .groupCommit, workerCount: Int = 4, cacheCapacity: Int = 1_024,
      compactionRecordThreshold: Int = 4_096, compactionByteThreshold: Int = 4 << 20,
      recovery: Recovery = .strict, observer: StoreObserver? = nil,
      slowSyncThreshold: Duration = .milliseconds(100), createsParentFolders: Bool = false
    ) {
      self.durability = durability
      self.workerCount = workerCount
      self.cacheCapacity = cacheCapacity
      self.compactionRecordThreshold = compactionRecordThreshold
      self.compactionByteThreshold = compactionByteThreshold
      self.recovery = recovery
      self.observer = observer
      self.slowSyncThreshold = slowSyncThreshold
      self.createsParentFolders = createsParentFolders
    }
  }

  /// How a ``FileStore`` loads a user whose journal is damaged (not merely torn).
  ///
  /// ```swift
  /// let store = try FileStore(at: folder, options: .init(recovery: .salvage))
  /// ```
  public enum Recovery: String, Sendable, Hashable, Codable {
    /// Refuse: loading the user throws ``StoreError/Code/corruptFile`` naming the file and
    /// offset, and nothing on disk changes. The default.
    case strict
    /// Keep the valid prefix of the journal: the damaged file is first copied aside to
    /// `journal.damaged-<k>`, then cut at the damage. Records after the damage are lost.
    case salvage
  }
}
