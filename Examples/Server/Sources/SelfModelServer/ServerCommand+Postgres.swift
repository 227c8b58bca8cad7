import Foundation
import Logging
import PostgresNIO
import SelfModelHTTP
import SelfModelPostgres
import SelfModelStore
import ServiceAccess

extension ServerCommand {
  /// Each tenant's store: a `FileStore` folder under the data folder, or with `--postgres`
  /// (or `SELFMODEL_POSTGRES_URL`) a `PostgresStore` in the schema `selfmodel_<tenant>`,
  /// probed every 2 s so health reports a database that stops answering.
  func openStores(
    _ environment: [String: String], configuration: ServerConfiguration, tenants: [TenantID],
    logger: Logger
  ) async throws -> TenantStores {
    guard let url = postgres ?? environment["SELFMODEL_POSTGRES_URL"] else {
      let stores = try await SelfModelService.openStores(
        configuration, tenants: tenants, logger: logger)
      logger.info(
        "serving \(configuration.dataFolder) for \(tenants.count) tenant(s) on \(configuration.host):\(configuration.port)"
      )
      return stores
    }
    let (client, shown) = try Self.clientConfiguration(url, environment: environment)
    let schemas = try PostgresTenancy.schemas(for: tenants)
    let total =
      postgresConnections ?? environment["SELFMODEL_POSTGRES_CONNECTIONS"].flatMap(Int.init) ?? 20
    guard (1...10_000).contains(total) else {
      throw PostgresLocationError("the PostgreSQL connections must be 1 to 10000", aboutURL: false)
    }
    let perTenant = PostgresTenancy.connectionsPerTenant(total: total, tenants: tenants.count)
    logger.info(
      "PostgreSQL \(shown): \(tenants.count) tenant schema(s), at most \(perTenant) connection(s) each"
    )
    var stores: [TenantID: any UserModelStore] = [:]
    for tenant in tenants {
      var tenantLogger = logger
      tenantLogger[metadataKey: "tenant"] = "\(tenant)"
      let options = PostgresStoreOptions(schema: schemas[tenant], maximumConnections: perTenant)
      do {
        stores[tenant] = try await PostgresStore(
          configuration: client, options: options, logger: tenantLogger)
      } catch {
        await TenantStores(stores).shutdown()
        throw PostgresLocationError(
          "the store of tenant \(tenant) on PostgreSQL \(shown) did not open: \(error)",
          aboutURL: false)
      }
    }
    logger.info(
      "serving PostgreSQL for \(tenants.count) tenant(s) on \(configuration.host):\(configuration.port)"
    )
    return TenantStores(stores, probesReachability: true)
  }

  /// The client configuration for `--postgres` and how to show it in logs (no password):
  /// a `postgres://` URL, or `env` for libpq's variables.
  static func clientConfiguration(
    _ url: String, environment: [String: String]
  ) throws -> (PostgresClient.Configuration, String) {
    if url == "env" {
      guard let configuration = PostgresClient.Configuration.fromEnvironment(environment) else {
        throw PostgresLocationError(
          "--postgres env needs PGHOST (a host, or the folder of a unix socket)", aboutURL: false)
      }
      let host = environment["PGHOST"] ?? ""
      let port = environment["PGPORT"] ?? "5432"
      return (configuration, "from PGHOST=\(host) PGPORT=\(port)")
    }
    let location = try PostgresLocation(url: url)
    let tls: PostgresClient.Configuration.TLS =
      switch location.tls {
      case .disable: .disable
      case .require: .require(.makeClientConfiguration())
      }
    let configuration = PostgresClient.Configuration(
      host: location.host, port: location.port, username: location.username,
      password: location.password, database: location.database, tls: tls)
    return (configuration, location.description)
  }
}
