import SelfModel

/// What every worker of a ``FileStore`` shares: the file system, the layout, the options and
/// the store's health.
struct StoreEnvironment: Sendable {
  let fileSystem: any FileSystem
  let layout: FileStoreLayout
  let options: FileStore.Options
  let health: StoreHealth

  /// The file operations of `user`.
  func files(for user: UserID) -> UserFiles {
    UserFiles(
      user: user, folder: layout.folder(for: user), fileSystem: fileSystem,
      salvage: options.recovery == .salvage, observer: options.observer)
  }
}
