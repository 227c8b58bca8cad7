import Dispatch
public import SelfModel

extension FileStore {
  /// Lists users in the order of the hashes that name their folders; see
  /// ``UserModelStore/users(after:limit:)``.
  ///
  /// A page reads the shard folders from the cursor's hash on and one small `user` file per
  /// listed user; it never loads models. The listing runs on its own queue. A folder whose
  /// `user` file is missing, unreadable or does not hash to the folder's name is passed over
  /// and reported in ``UserPage/damaged``: one damaged user never hides the others.
  ///
  /// - Parameters:
  ///   - cursor: The previous page's ``UserPage/next``.
  ///   - limit: The page size, at least 1.
  /// - Returns: The page.
  /// - Throws: ``StoreError/Code/invalidArgument`` for a limit below 1;
  ///   ``StoreError/Code/closed`` or I/O errors on the shard folders.
  public func users(after cursor: UserID?, limit: Int) async throws(StoreError) -> UserPage {
    guard limit >= 1 else {
      throw StoreError(.invalidArgument, operation: "users", detail: "limit \(limit) is below 1")
    }
    let environment = self.environment
    let after = cursor.map { environment.layout.folder(for: $0).hash } ?? ""
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<UserPage, StoreError>, Never>) in
      listing.async {
        continuation.resume(
          returning: Result { () throws(StoreError) in
            try environment.health.checkOpen("users", user: nil)
            return try environment.listUsers(afterHash: after, limit: limit)
          })
      }
    }
    return try result.get()
  }
}

extension StoreEnvironment {
  /// Up to `limit` users whose folder hash sorts after `hash`, in hash order.
  func listUsers(afterHash hash: String, limit: Int) throws(StoreError) -> UserPage {
    let usersPath = layout.usersPath
    try fileSystem.requireFolder(usersPath, operation: "users", allowMissing: false)
    let shardNames = try fileSystem.contents(ofDirectory: usersPath)
      .filter { FileStoreLayout.isShardName($0) && $0 >= String(hash.prefix(2)) }.sorted()
    var found: [UserID] = []
    // Each damaged folder with the number of users found before it: on a full page, those
    // after the page's last user belong to the next page.
    var damaged: [(before: Int, path: String)] = []
    for shard in shardNames {
      let shardPath = usersPath + "/" + shard
      // A file, link or unreadable entry named like a shard is reported, never fatal.
      guard fileSystem.kind(of: shardPath) == .directory,
        let all = try? fileSystem.contents(ofDirectory: shardPath)
      else {
        damaged.append((found.count, shardPath))
        continue
      }
      let names = all.filter { FileStoreLayout.isUserFolderName($0) && $0 > hash }.sorted()
      for name in names {
        let folder = UserFolder(usersPath: usersPath, hash: name)
        guard fileSystem.exists(folder.snapshotPath) else { continue }
        guard let user = try? readUserID(folder) else {
          damaged.append((found.count, folder.path))
          continue
        }
        found.append(user)
        if found.count > limit {
          let onPage = damaged.filter { $0.before < limit }.map(\.path)
          return UserPage(
            users: Array(found.prefix(limit)), next: found[limit - 1], damaged: onPage)
        }
      }
    }
    return UserPage(users: found, next: nil, damaged: damaged.map(\.path))
  }

  /// The id in a user folder's `user` file, checked against the folder's name.
  ///
  /// - Throws: ``StoreError/Code/corruptFile`` when it is not a valid id hashing to the
  ///   folder's name; I/O errors.
  func readUserID(_ folder: UserFolder) throws(StoreError) -> UserID {
    let fd = try fileSystem.open(folder.idPath, [.read], permissions: 0)
    defer { fileSystem.close(fd) }
    let bytes = try FileIO.readAll(
      fd, fileSystem: fileSystem, limit: FileIO.maximumSmallFileSize, path: folder.idPath)
    guard let user = try? UserID(String(decoding: bytes, as: UTF8.self)),
      SHA256.hexDigest(of: Array(user.rawValue.utf8)) == folder.hash
    else {
      throw StoreError(
        .corruptFile, operation: "users", path: folder.idPath,
        detail: "the user id does not hash to the folder's name")
    }
    return user
  }
}
