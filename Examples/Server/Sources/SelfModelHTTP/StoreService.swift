import Logging
import ServiceLifecycle

/// Closes every tenant's store when the service group shuts down gracefully.
///
/// It is listed before the HTTP server in the application's services, and a service group
/// shuts its services down in reverse order: the server stops accepting connections and
/// finishes the requests in flight first, then the store closes, so every write a client saw
/// acknowledged is durable and none is cut off mid-way.
struct StoreService: Service {
  /// The stores to close.
  let stores: TenantStores
  /// Where to report closing.
  let logger: Logger

  func run() async throws {
    // Waits until graceful shutdown (or cancellation): either way the store must close.
    try? await gracefulShutdown()
    logger.info("closing the stores")
    await stores.shutdown()
    logger.info("stores closed")
  }
}
