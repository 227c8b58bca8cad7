public import SelfModelStore
public import ServiceAccess

/// One store per tenant: what isolates tenants from each other.
///
/// Each tenant has its own users and its own catalogue, in its own `FileStore` folder
/// (`<data>/tenants/<tenant>`), so no request can name, list, read or overwrite another
/// tenant's user: a user id another tenant holds is simply not in this tenant's store (404,
/// the same answer as for an id nobody holds), and two tenants may each have a user `u1`.
///
/// ```swift
/// let stores = try SelfModelService.openStores(configuration, tenants: tokens.tenants,
///                                              logger: logger)
/// stores.store(for: try TenantID("acme"))  // acme's store
/// ```
public struct TenantStores: Sendable {
  private let stores: [TenantID: any UserModelStore]
  private let reachability: StoreReachability?

  /// Wraps stores that are already open.
  ///
  /// A store on a server (PostgreSQL) does not fail once and for all as a `FileStore` does:
  /// its server may stop answering and come back. With `probesReachability`, ``probe()``
  /// (which the application runs every 2 s) reads from each store and ``failures`` names each
  /// tenant whose last probe failed.
  ///
  /// - Parameters:
  ///   - stores: Each tenant's store.
  ///   - probesReachability: Whether to probe the stores (default `false`).
  public init(_ stores: [TenantID: any UserModelStore], probesReachability: Bool = false) {
    self.stores = stores
    self.reachability = probesReachability ? StoreReachability() : nil
  }

  /// Whether the stores are probed (see ``init(_:probesReachability:)``).
  public var probesReachability: Bool { reachability != nil }

  /// The tenants, by name.
  public var tenants: [TenantID] { stores.keys.sorted() }

  /// A tenant's store.
  ///
  /// - Parameter tenant: The tenant.
  /// - Returns: Its store, or `nil` for a tenant this table does not hold.
  public func store(for tenant: TenantID) -> (any UserModelStore)? {
    stores[tenant]
  }

  /// Each tenant whose store stopped accepting writes (a `FileStore`'s ``FileStore/failure``),
  /// with the first cause, or whose last ``probe()`` failed (operation `probe`).
  public var failures: [(tenant: TenantID, error: StoreError)] {
    let unreachable = reachability?.failures ?? [:]
    return tenants.compactMap { tenant in
      let failure = (stores[tenant] as? FileStore)?.failure ?? unreachable[tenant]
      return failure.map { (tenant: tenant, error: $0) }
    }
  }

  /// Reads one user id from each store, concurrently, and records which failed (kept until
  /// that store's next probe succeeds); does nothing unless the stores are probed. A store
  /// that is closed (shutting down) is not counted as failed.
  public func probe() async {
    guard let reachability else { return }
    await withTaskGroup(of: (TenantID, StoreError?).self) { group in
      for (tenant, store) in stores {
        group.addTask {
          do throws(StoreError) {
            _ = try await store.users(after: nil, limit: 1)
            return (tenant, nil)
          } catch {
            return (
              tenant, error.code == .closed ? nil : StoreError(error.code, operation: "probe")
            )
          }
        }
      }
      for await (tenant, failure) in group {
        reachability.record(failure, for: tenant)
      }
    }
  }

  /// Closes every store, concurrently; each write acknowledged before is durable after.
  public func shutdown() async {
    await withTaskGroup(of: Void.self) { group in
      for store in stores.values {
        group.addTask { await store.shutdown() }
      }
    }
  }
}
