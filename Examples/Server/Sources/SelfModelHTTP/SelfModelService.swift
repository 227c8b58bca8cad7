public import Foundation
public import Hummingbird
public import Logging
public import SelfModelStore

/// Builds the reference service: a router over a store, and the application that runs it
/// with the store's lifecycle.
///
/// ```swift
/// let store = try SelfModelService.openStore(configuration, logger: logger)
/// let app = SelfModelService.application(store: store, configuration: configuration,
///                                        logger: logger)
/// try await app.runService()  // SIGTERM or SIGINT: drain requests, then close the store
/// ```
public enum SelfModelService {
  /// Opens the `FileStore` at the configuration's data folder, creating missing folders,
  /// with its events logged through `logger`.
  ///
  /// - Parameters:
  ///   - configuration: Where the data lives and the durability mode.
  ///   - logger: The logger for store events.
  /// - Returns: The open store.
  /// - Throws: `StoreError` when the folder cannot be opened (for example `locked` by another
  ///   process).
  public static func openStore(
    _ configuration: ServerConfiguration, logger: Logger
  ) throws(StoreError) -> FileStore {
    var options = FileStore.Options()
    options.durability = configuration.durability
    options.createsParentFolders = true
    options.observer = StoreLogging.observer(logger)
    return try FileStore(at: configuration.dataFolder, options: options)
  }

  /// The API's router over `store`: the problem middleware and every route of
  /// version 1.
  ///
  /// - Parameters:
  ///   - store: The store to serve.
  ///   - configuration: The request limits.
  ///   - clock: The time to evaluate and record at (the system clock by default).
  /// - Returns: The router.
  public static func router(
    store: any UserModelStore, configuration: ServerConfiguration,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    let handlers = APIHandlers(store: store, clock: clock, limits: RequestLimits(configuration))
    APIRoutes.register(
      handlers, on: router, retryAfterSeconds: configuration.retryAfterSeconds)
    return router
  }

  /// The application: the router, listening where the configuration says, with a service
  /// that closes `store` once the server has drained at graceful shutdown.
  ///
  /// - Parameters:
  ///   - store: The store to serve; the application closes it when it stops.
  ///   - configuration: Address and limits.
  ///   - logger: The server's logger.
  ///   - clock: The time to evaluate and record at (the system clock by default).
  /// - Returns: The application; `runService()` runs it until SIGTERM or SIGINT.
  public static func application(
    store: any UserModelStore, configuration: ServerConfiguration, logger: Logger,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) -> some ApplicationProtocol {
    Application(
      router: router(store: store, configuration: configuration, clock: clock),
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port),
        serverName: "selfmodel-server"),
      services: [StoreService(store: store, logger: logger)],
      logger: logger)
  }
}
