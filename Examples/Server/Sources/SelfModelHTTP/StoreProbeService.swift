import Logging
import ServiceLifecycle

/// Probes each tenant's store every `period` (``TenantStores/probe()``) until graceful
/// shutdown, so `GET /v1/health` and `GET /v1/ready` report a database that stopped
/// answering; logs when a tenant's store becomes unreachable and when it comes back.
struct StoreProbeService: Service {
  /// The stores to probe.
  let stores: TenantStores
  /// The time between two probes.
  let period: Duration
  /// Where to report changes.
  let logger: Logger

  func run() async throws {
    await cancelWhenGracefulShutdown {
      var failing: Set<String> = []
      while !Task.isCancelled {
        await stores.probe()
        let now = Set(stores.failures.map { "\($0.tenant)" })
        for tenant in now.subtracting(failing).sorted() {
          logger.error("the store of tenant \(tenant) does not answer")
        }
        for tenant in failing.subtracting(now).sorted() {
          logger.notice("the store of tenant \(tenant) answers again")
        }
        failing = now
        try? await Task.sleep(for: period)
      }
    }
  }
}
