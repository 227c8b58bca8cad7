import SelfModel

/// What every worker of a ``FileStore`` shares: the file system, the layout, the options, the
/// store's health and the catalogue in force.
struct StoreEnvironment: Sendable {
  let fileSystem: any FileSystem
  let layout: FileStoreLayout
  let options: FileStore.Options
  let health: StoreHealth
  let catalogue: CatalogueState

  /// The file operations of `user`.
  func files(for user: UserID) -> UserFiles {
    UserFiles(
      user: user, folder: layout.folder(for: user), fileSystem: fileSystem,
      salvage: options.recovery == .salvage, observer: options.observer)
  }
}
