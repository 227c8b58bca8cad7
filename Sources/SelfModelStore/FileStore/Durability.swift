/// How hard a ``FileStore`` works to make a write survive a crash before the call returns.
///
/// The levels mirror SQLite's `synchronous` pragma. Each trades throughput for the kind of
/// failure a write acknowledged by the store survives:
///
/// | Level | Survives a process crash | Survives power loss or a kernel panic | Cost per call |
/// |---|---|---|---|
/// | ``synchronous`` | yes | yes | one `fdatasync` (about 0.14 ms here; see `Docs/Performance.md`) |
/// | ``groupCommit`` | yes | yes | one `fdatasync` per user journal, shared by its concurrent writers |
/// | ``deferred`` | yes | no: the last seconds of writes may be lost | one `write(2)` |
///
/// Snapshots (compaction, `forget`, user creation and deletion) are always written durably,
/// whatever the level: temp file, `fsync`, rename, folder `fsync`.
///
/// `fdatasync` and `fsync` are the Linux calls. On Darwin every sync is
/// `fcntl(F_FULLFSYNC)`, because `fsync` there leaves the data in the drive's cache (it
/// falls back to `fsync` on file systems without it); Darwin builds are not verified yet.
///
/// ```swift
/// var options = FileStore.Options()
/// options.durability = .deferred  // a cache you can rebuild; speed matters more
/// let store = try FileStore(at: "/var/lib/app/models", options: options)
/// ```
public enum Durability: String, Sendable, Hashable, Codable, CaseIterable {
  /// Every write call appends its journal record and calls `fdatasync` before it returns
  /// (SQLite's `FULL`). The simplest guarantee, capped at one call per disk sync.
  case synchronous
  /// Writes to the same shard that arrive while a sync is in flight are appended together and
  /// share one `fdatasync`; every caller returns only after the sync covering its record
  /// succeeded. Same guarantee as ``synchronous``, far higher throughput under concurrency.
  /// The default.
  case groupCommit
  /// Records are handed to the kernel with `write(2)` and never synced by the store (SQLite's
  /// `OFF`). They survive the process being killed, but not power loss or a kernel crash.
  case deferred
}
