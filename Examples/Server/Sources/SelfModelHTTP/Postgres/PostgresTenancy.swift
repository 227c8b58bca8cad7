import Foundation
public import ServiceAccess

/// How the service lays its tenants out on one PostgreSQL database: one schema and one
/// connection pool per tenant.
///
/// A tenant's tables live in the schema `selfmodel_<tenant>`, `-` written as `_` (PostgreSQL
/// schema names the store accepts are lowercase letters, digits and `_`, at most 63 bytes).
/// A schema per tenant keeps tenants apart as folders do on a `FileStore`: no query of one
/// tenant's store can reach another's tables, and one tenant can be backed up
/// (`pg_dump --schema`) or dropped (`DROP SCHEMA … CASCADE`) alone. Every node of the service
/// derives the same name from the same tenant, so nodes on one database share each tenant's
/// data.
///
/// ```swift
/// let schemas = try PostgresTenancy.schemas(for: tokens.tenants)
/// schemas[try TenantID("acme-eu")]  // "selfmodel_acme_eu"
/// ```
public enum PostgresTenancy {
  /// What every tenant's schema name starts with.
  public static let prefix = "selfmodel_"

  /// The longest tenant name that fits a schema name: 63 bytes minus ``prefix``.
  public static let longestTenant = 63 - prefix.utf8.count

  /// A tenant's schema: ``prefix`` then the name, `-` written as `_`.
  ///
  /// - Parameter tenant: The tenant.
  /// - Returns: The schema name; longer than 63 bytes for a tenant longer than
  ///   ``longestTenant`` (``schemas(for:)`` refuses those).
  public static func schema(for tenant: TenantID) -> String {
    prefix + tenant.rawValue.replacingOccurrences(of: "-", with: "_")
  }

  /// Every tenant's schema, refusing names that do not fit and names two tenants would share.
  ///
  /// - Parameter tenants: The tenants, usually ``ServiceAccess/TenantTokens/tenants``.
  /// - Returns: Each tenant's schema.
  /// - Throws: ``PostgresLocationError`` for a tenant longer than ``longestTenant`` bytes, or
  ///   two tenants that differ only by `-` against `_` (`acme-eu` and `acme_eu`).
  public static func schemas(
    for tenants: [TenantID]
  ) throws(PostgresLocationError) -> [TenantID: String] {
    var schemas: [TenantID: String] = [:]
    var owners: [String: TenantID] = [:]
    for tenant in tenants.sorted() {
      guard tenant.rawValue.utf8.count <= longestTenant else {
        throw PostgresLocationError(
          "the tenant \(tenant) is longer than \(longestTenant) bytes, too long for its "
            + "PostgreSQL schema \(prefix)<tenant>", aboutURL: false)
      }
      let schema = schema(for: tenant)
      if let owner = owners[schema] {
        throw PostgresLocationError(
          "the tenants \(owner) and \(tenant) would share the PostgreSQL schema \(schema) "
            + "(- is written as _): rename one", aboutURL: false)
      }
      owners[schema] = tenant
      schemas[tenant] = schema
    }
    return schemas
  }

  /// Each tenant's pool size when the process may open `total` connections: an even share,
  /// at least one.
  ///
  /// Each tenant's store has a pool of its own, so a process holds up to `tenants ×` this
  /// many connections, and a database serves every node's: keep `nodes × total` under the
  /// server's `max_connections` (100 by default), with room for administration.
  ///
  /// - Parameters:
  ///   - total: The most connections the process should open.
  ///   - tenants: How many tenants it serves.
  /// - Returns: `max(1, total / tenants)`.
  public static func connectionsPerTenant(total: Int, tenants: Int) -> Int {
    max(1, total / max(1, tenants))
  }
}
