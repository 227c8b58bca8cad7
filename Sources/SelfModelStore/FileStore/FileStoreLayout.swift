import SelfModel

/// Where a ``FileStore`` keeps what: every path is derived here, and no path ever contains a
/// user id, only the SHA-256 of it.
///
/// ```
/// <root>/FORMAT                      store format version and applied migrations (JSON)
/// <root>/LOCK                        flock'ed for the store's lifetime
/// <root>/users/<2 hex>/<64 hex>/     one folder per user: SHA-256 of the id, sharded by its
///                                    first byte
///   user                             the id itself (UTF-8), for listing and collision checks
///   snapshot                         SnapshotFile: JSON of the model + covered sequence
///   journal                          JournalFile: OperationCodec payloads after the snapshot
/// ```
struct FileStoreLayout: Sendable {
  let root: String

  var formatPath: String { root + "/FORMAT" }
  var usersPath: String { root + "/users" }
  var cataloguePath: String { root + "/CATALOGUE" }

  /// The paths of one user's files.
  func folder(for user: UserID) -> UserFolder {
    UserFolder(usersPath: usersPath, hash: SHA256.hexDigest(of: Array(user.rawValue.utf8)))
  }

  /// Whether `name` can be a shard folder (two lower-case hex digits).
  static func isShardName(_ name: String) -> Bool {
    name.utf8.count == 2 && name.utf8.allSatisfy(isHexDigit)
  }

  /// Whether `name` can be a user folder (64 lower-case hex digits).
  static func isUserFolderName(_ name: String) -> Bool {
    name.utf8.count == 64 && name.utf8.allSatisfy(isHexDigit)
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
  }
}

/// The paths of one user's folder.
struct UserFolder: Sendable, Hashable {
  /// The SHA-256 of the user id, in lower-case hex.
  let hash: String
  /// `<root>/users`, shared by every user's folder (one string buffer for all of them).
  let usersPath: String

  init(usersPath: String, hash: String) {
    self.hash = hash
    self.usersPath = usersPath
  }

  // The paths are derived when used rather than stored: a cached user keeps only the hash,
  // which matters with 100,000 users in memory (B7c).

  /// `<root>/users/<first 2 hex>`.
  var shardPath: String { usersPath + "/" + String(hash.prefix(2)) }
  /// `<root>/users/<first 2 hex>/<hash>`.
  var path: String { shardPath + "/" + hash }

  var idPath: String { path + "/user" }
  var snapshotPath: String { path + "/snapshot" }
  var journalPath: String { path + "/journal" }

  /// The worker that owns this user, out of `count`.
  func worker(of count: Int) -> Int {
    let prefix = hash.prefix(8)
    return Int(UInt32(prefix, radix: 16) ?? 0) % count
  }
}
