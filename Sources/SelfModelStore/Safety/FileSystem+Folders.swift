extension FileSystem {
  /// Checks that `path` is a real folder: not a symbolic link, not a file. A missing folder
  /// passes when `allowMissing` (the caller creates it).
  ///
  /// The store follows no symbolic link inside its folder (its root may be one): a link in
  /// place of `users/`, a shard or a user's folder would send that user's writes elsewhere.
  ///
  /// - Parameters:
  ///   - path: The folder.
  ///   - operation: The operation, for the error.
  ///   - allowMissing: Whether a missing folder passes.
  /// - Throws: ``StoreError/Code/corruptFile`` naming `path`.
  func requireFolder(_ path: String, operation: String, allowMissing: Bool = true)
    throws(StoreError)
  {
    switch kind(of: path) {
    case .directory: return
    case nil where allowMissing: return
    case nil: throw .corrupt(operation, path: path, offset: nil, detail: "the folder is missing")
    case .symbolicLink:
      throw .corrupt(
        operation, path: path, offset: nil,
        detail: "it is a symbolic link; the store follows no link inside its folder")
    case .regularFile:
      throw .corrupt(operation, path: path, offset: nil, detail: "a file is where a folder goes")
    case .other(let name):
      throw .corrupt(operation, path: path, offset: nil, detail: "\(name) is where a folder goes")
    }
  }

  /// The deepest folder ``removeTree(_:)`` descends into; anything deeper is an error.
  static var maximumRemovalDepth: Int { 16 }

  /// Removes `path` and, if it is a real folder, everything under it, without following any
  /// symbolic link (a link is removed, never what it points to). A missing path is success.
  ///
  /// - Parameter path: The entry to remove.
  /// - Throws: ``StoreError`` from the file system, or ``StoreError/Code/corruptFile`` for a
  ///   tree deeper than ``maximumRemovalDepth``.
  func removeTree(_ path: String) throws(StoreError) {
    try removeTree(path, depth: 0)
  }

  private func removeTree(_ path: String, depth: Int) throws(StoreError) {
    guard kind(of: path) == .directory else { return try remove(path) }
    guard depth < Self.maximumRemovalDepth else {
      throw .corrupt("remove", path: path, offset: nil, detail: "folders nested too deep")
    }
    for name in try contents(ofDirectory: path) {
      try removeTree(path + "/" + name, depth: depth + 1)
    }
    try removeDirectory(path)
  }
}
