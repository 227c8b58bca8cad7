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

  /// Wraps stores that are already open.
  ///
  /// - Parameter stores: Each tenant's store.
  public init(_ stores: [TenantID: any UserModelStore]) {
    self.stores = stores
  }

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
  /// with the first cause.
  public var failures: [(tenant: TenantID, error: StoreError)] {
    tenants.compactMap { tenant in
      (stores[tenant] as? FileStore)?.failure.map { (tenant: tenant, error: $0) }
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
