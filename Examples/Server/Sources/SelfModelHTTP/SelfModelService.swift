public import Foundation
public import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
public import SelfModelStore
public import ServiceAccess
import ServiceLifecycle

/// Builds the reference service: a router over each tenant's store, behind bearer tokens, and
/// the application that runs it with the stores' lifecycle.
///
/// ```swift
/// let tokens = try TenantTokens.load(from: "tokens.json")
/// let stores = try SelfModelService.openStores(configuration, tenants: tokens.tenants,
///                                              logger: logger)
/// let app = SelfModelService.application(stores: stores, tokens: tokens,
///                                        configuration: configuration, logger: logger)
/// try await app.runService()  // SIGTERM or SIGINT: drain requests, then close the stores
/// ```
public enum SelfModelService {
  /// Opens one `FileStore` at `folder`, creating missing folders, with its events logged
  /// through `logger`.
  ///
  /// - Parameters:
  ///   - folder: The store's folder.
  ///   - configuration: The durability mode.
  ///   - logger: The logger for store events.
  /// - Returns: The open store.
  /// - Throws: `StoreError` when the folder cannot be opened (for example `locked` by another
  ///   process).
  public static func openStore(
    at folder: String, _ configuration: ServerConfiguration, logger: Logger
  ) throws(StoreError) -> FileStore {
    var options = FileStore.Options()
    options.durability = configuration.durability
    options.createsParentFolders = true
    options.cacheCapacity = configuration.openUsersPerTenant
    options.observer = StoreLogging.observer(logger)
    return try FileStore(at: folder, options: options)
  }

  /// The folder of a tenant's store: `<dataFolder>/tenants/<tenant>`.
  ///
  /// - Parameters:
  ///   - tenant: The tenant.
  ///   - configuration: Where the data lives.
  /// - Returns: The folder's path.
  public static func folder(
    of tenant: TenantID, _ configuration: ServerConfiguration
  ) -> String {
    URL(fileURLWithPath: configuration.dataFolder).appendingPathComponent("tenants")
      .appendingPathComponent(tenant.rawValue).path
  }

  /// Opens every tenant's store (``folder(of:_:)``); if one fails, closes those already open.
  ///
  /// - Parameters:
  ///   - configuration: Where the data lives and the durability mode.
  ///   - tenants: The tenants, usually ``TenantTokens/tenants``.
  ///   - logger: The logger for store events.
  /// - Returns: The stores.
  /// - Throws: `StoreError` from the first store that cannot be opened.
  public static func openStores(
    _ configuration: ServerConfiguration, tenants: [TenantID], logger: Logger
  ) async throws(StoreError) -> TenantStores {
    var stores: [TenantID: any UserModelStore] = [:]
    for tenant in tenants {
      do throws(StoreError) {
        var tenantLogger = logger
        tenantLogger[metadataKey: "tenant"] = "\(tenant)"
        stores[tenant] = try openStore(
          at: folder(of: tenant, configuration), configuration, logger: tenantLogger)
      } catch {
        await TenantStores(stores).shutdown()
        throw error
      }
    }
    return TenantStores(stores)
  }

  /// The API's router: the problem middleware, `GET /openapi.json`, `GET /v1/health`, and
  /// every other route of version 1 behind bearer-token authentication, each on the token's
  /// tenant's store (or, with ``ServerConfiguration/unauthenticatedTenant``, on that tenant's
  /// store without a token).
  ///
  /// - Parameters:
  ///   - stores: Each tenant's store.
  ///   - tokens: The bearer tokens and their tenants.
  ///   - configuration: The request limits and deadline.
  ///   - clock: The time to evaluate and record at (the system clock by default).
  ///   - drain: Whether the service drains (see ``DrainService``).
  /// - Returns: The router.
  public static func router(
    stores: TenantStores, tokens: TenantTokens, configuration: ServerConfiguration,
    clock: @escaping @Sendable () -> Date = { Date() }, drain: DrainState = DrainState()
  ) -> Router<TenantRequestContext> {
    let router = Router(context: TenantRequestContext.self)
    let scope = RouteScope(
      stores: stores, operationLimits: configuration.limits, clock: clock,
      limits: RequestLimits(configuration),
      deadline: configuration.requestTimeout,
      executor: WorkExecutor(threads: configuration.workThreads),
      importPermits: max(1, configuration.workThreads / 2))
    APIRoutes.register(
      scope, tokens: tokens, on: router, retryAfterSeconds: configuration.retryAfterSeconds,
      drain: drain, unauthenticatedTenant: configuration.unauthenticatedTenant)
    return router
  }

  /// The stores' services: the one that closes them at shutdown and, for stores that are
  /// probed, the one that probes them every 2 s. Shut down in reverse order: probing stops
  /// before the stores close.
  private static func services(_ stores: TenantStores, logger: Logger) -> [any Service] {
    var services: [any Service] = [StoreService(stores: stores, logger: logger)]
    if stores.probesReachability {
      services.append(StoreProbeService(stores: stores, period: .seconds(2), logger: logger))
    }
    return services
  }

  /// The application: the router, listening where the configuration says (connections idle
  /// 2 s past the request timeout are closed), with a service that closes the stores once the
  /// server has drained at graceful shutdown.
  ///
  /// - Parameters:
  ///   - stores: Each tenant's store; the application closes them when it stops.
  ///   - tokens: The bearer tokens and their tenants.
  ///   - configuration: Address, limits and deadline.
  ///   - logger: The server's logger.
  ///   - clock: The time to evaluate and record at (the system clock by default).
  ///   - drain: Whether the service drains; run a ``DrainService`` over the same state after
  ///     the application in one service group to drain at shutdown.
  /// - Returns: The application; `runService()` runs it until SIGTERM or SIGINT.
  public static func application(
    stores: TenantStores, tokens: TenantTokens, configuration: ServerConfiguration,
    logger: Logger, clock: @escaping @Sendable () -> Date = { Date() },
    drain: DrainState = DrainState()
  ) -> some ApplicationProtocol {
    // Idle past the deadline plus a margin: a stalled upload gets its 503 `requestTimeout`
    // from the deadline before the idle timer closes its connection.
    let (seconds, attoseconds) = (configuration.requestTimeout + .seconds(2)).components
    let idle = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    return Application(
      router: router(
        stores: stores, tokens: tokens, configuration: configuration, clock: clock, drain: drain),
      server: .http1(configuration: HTTP1Channel.Configuration(idleTimeout: idle)),
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port),
        serverName: "selfmodel-server",
        availableConnectionsDelegate: ConnectionLimit(
          maximum: configuration.maximumConnections, drain: drain)),
      services: services(stores, logger: logger),
      logger: logger)
  }
}
