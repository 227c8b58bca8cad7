import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SelfModelHTTP
import SelfModelOperations
import SelfModelStore
import ServiceAccess
import ServiceLifecycle
import UnixSignals

/// `selfmodel-server`: the reference HTTP service, one `FileStore` per tenant (or, with
/// `--postgres`, one PostgreSQL schema per tenant), behind bearer tokens. Each flag falls back
/// to an environment variable, then to a default.
@main
struct ServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selfmodel-server",
    abstract:
      "Serves SelfModel's FileStore or PostgresStore over a JSON HTTP API (see Docs/Server.md).")

  @Option(help: "The data folder, created if missing (env SELFMODEL_DATA).")
  var data: String?

  @Option(
    help: """
      Keep every tenant in PostgreSQL instead of the data folder, one schema \
      selfmodel_<tenant> each: postgres://user:password@host:port/database?sslmode=disable|require \
      (default require), or `env` for libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE \
      (PGHOST may be a unix socket folder; no TLS) (env SELFMODEL_POSTGRES_URL).
      """)
  var postgres: String?

  @Option(
    help: """
      With --postgres, the most database connections this process opens, shared evenly by the \
      tenants' pools, at least one each (env SELFMODEL_POSTGRES_CONNECTIONS; default 20).
      """)
  var postgresConnections: Int?

  @Option(
    help: """
      The bearer tokens file, {"tenants": [{"tenant": "acme", "tokens": ["..."]}]} \
      (env SELFMODEL_TOKENS_FILE; or the same JSON in SELFMODEL_TOKENS). Required.
      """)
  var tokensFile: String?

  @Flag(
    help: """
      Serve without bearer tokens: every request works on the tenant `local`. Only on a \
      loopback host (127.0.0.1, ::1, localhost), for development and for measuring what \
      authentication costs (B10); not with bearer tokens.
      """)
  var noAuthentication = false

  @Option(help: "The address to listen on (env SELFMODEL_HOST; default 127.0.0.1).")
  var host: String?

  @Option(help: "The port to listen on (env SELFMODEL_PORT; default 8080).")
  var port: Int?

  @Option(help: "The largest request body in bytes (env SELFMODEL_MAX_BODY; default 1 MiB).")
  var maxBody: Int?

  @Option(help: "The most evidence items in one batch (env SELFMODEL_MAX_BATCH; default 1000).")
  var maxBatch: Int?

  @Option(help: "The request deadline in seconds (env SELFMODEL_REQUEST_TIMEOUT; default 30).")
  var requestTimeout: Int?

  @Option(
    help: "The threads handlers run on (env SELFMODEL_WORK_THREADS; default the processor count).")
  var workThreads: Int?

  @Option(
    help: """
      The most client connections open at once (env SELFMODEL_MAX_CONNECTIONS; default: half \
      of what ulimit -n leaves, at most 10000).
      """)
  var maxConnections: Int?

  @Option(
    help: """
      The most users each tenant's store keeps open (env SELFMODEL_OPEN_USERS; default: the \
      rest of ulimit -n, at most 1024).
      """)
  var openUsers: Int?

  @Option(
    help: """
      Seconds to drain on SIGTERM before the server stops: new requests get 503 draining, \
      responses carry Connection: close (env SELFMODEL_DRAIN_SECONDS; default 5).
      """)
  var drainSeconds: Int?

  @Option(help: "synchronous, groupCommit or deferred (env SELFMODEL_DURABILITY).")
  var durability: String?

  @Option(help: "trace, debug, info, notice, warning, error (env LOG_LEVEL; default info).")
  var logLevel: String?

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    var configuration = try serverConfiguration(environment)
    let logger = try makeLogger(environment)
    let tokens = try access(environment, configuration: &configuration, logger: logger)
    let budget = try DescriptorBudget(
      limit: DescriptorBudget.processLimit(), tenants: tokens.tenants.count,
      connections: maxConnections ?? environment["SELFMODEL_MAX_CONNECTIONS"].flatMap(Int.init),
      openUsersPerTenant: openUsers ?? environment["SELFMODEL_OPEN_USERS"].flatMap(Int.init))
    configuration.maximumConnections = budget.connections
    configuration.openUsersPerTenant = budget.openUsersPerTenant
    logger.info(
      "descriptor limit \(budget.limit): at most \(budget.connections) connections, \(budget.openUsersPerTenant) open users per tenant"
    )
    let stores = try await openStores(
      environment, configuration: configuration, tenants: tokens.tenants, logger: logger)
    let drain = DrainState()
    let app = SelfModelService.application(
      stores: stores, tokens: tokens, configuration: configuration, logger: logger, drain: drain)
    let seconds = drainSeconds ?? environment["SELFMODEL_DRAIN_SECONDS"].flatMap(Int.init) ?? 5
    guard (0...600).contains(seconds) else {
      throw ValidationError("the drain must last 0 to 600 seconds")
    }
    // Shut down in reverse order: drain first, then the server stops, then the stores close.
    let group = ServiceGroup(
      configuration: .init(
        services: [app, DrainService(state: drain, period: .seconds(seconds), logger: logger)],
        gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
  }

  private func serverConfiguration(_ environment: [String: String]) throws -> ServerConfiguration {
    var configuration = ServerConfiguration(
      dataFolder: data ?? environment["SELFMODEL_DATA"] ?? "selfmodel-server-data")
    configuration.host = host ?? environment["SELFMODEL_HOST"] ?? configuration.host
    configuration.port = port ?? environment["SELFMODEL_PORT"].flatMap(Int.init) ?? 8080
    configuration.maximumBodyBytes =
      maxBody ?? environment["SELFMODEL_MAX_BODY"].flatMap(Int.init)
      ?? configuration.maximumBodyBytes
    configuration.limits.maximumBatchSize =
      maxBatch ?? environment["SELFMODEL_MAX_BATCH"].flatMap(Int.init)
      ?? configuration.limits.maximumBatchSize
    let timeout = requestTimeout ?? environment["SELFMODEL_REQUEST_TIMEOUT"].flatMap(Int.init)
    if let timeout {
      guard timeout > 0 else { throw ValidationError("the request timeout must be positive") }
      configuration.requestTimeout = .seconds(timeout)
    }
    if let threads = workThreads ?? environment["SELFMODEL_WORK_THREADS"].flatMap(Int.init) {
      guard (1...256).contains(threads) else {
        throw ValidationError("the work threads must be in 1...256")
      }
      configuration.workThreads = threads
    }
    if let name = durability ?? environment["SELFMODEL_DURABILITY"] {
      guard let mode = Durability(rawValue: name) else {
        throw ValidationError("unknown durability \(name)")
      }
      configuration.durability = mode
    }
    return configuration
  }

  private func makeLogger(_ environment: [String: String]) throws -> Logger {
    var logger = Logger(label: "selfmodel-server")
    let level = logLevel ?? environment["LOG_LEVEL"] ?? "info"
    guard let parsed = Logger.Level(rawValue: level) else {
      throw ValidationError("unknown log level \(level)")
    }
    logger.logLevel = parsed
    return logger
  }

  /// The bearer tokens; with `--no-authentication` (refused off loopback or beside tokens),
  /// the tenant `local` with one random token that nobody is told, and authentication off.
  private func access(
    _ environment: [String: String], configuration: inout ServerConfiguration, logger: Logger
  ) throws -> TenantTokens {
    guard noAuthentication else { return try loadTokens(environment, logger: logger) }
    guard ["127.0.0.1", "::1", "localhost"].contains(configuration.host) else {
      throw ValidationError(
        "--no-authentication serves on loopback only, not on \(configuration.host)")
    }
    guard tokensFile == nil,
      environment["SELFMODEL_TOKENS_FILE"] == nil, environment["SELFMODEL_TOKENS"] == nil
    else {
      throw ValidationError("--no-authentication and bearer tokens exclude each other")
    }
    let tenant = try TenantID("local")
    configuration.unauthenticatedTenant = tenant
    logger.warning("authentication is off: every request works on the tenant \(tenant)")
    let unused = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }
    return try TenantTokens([tenant: [unused.joined(separator: "-")]])
  }

  /// The tokens from `--tokens-file`, `SELFMODEL_TOKENS_FILE` or `SELFMODEL_TOKENS`; warns
  /// when the file is readable by other users.
  private func loadTokens(_ environment: [String: String], logger: Logger) throws -> TenantTokens {
    if let path = tokensFile ?? environment["SELFMODEL_TOKENS_FILE"] {
      let attributes = try? FileManager.default.attributesOfItem(atPath: path)
      if let mode = attributes?[.posixPermissions] as? Int, mode & 0o077 != 0 {
        logger.warning("the tokens file \(path) is readable by other users: chmod 600 it")
      }
      return try TenantTokens.load(from: path)
    }
    if let inline = environment["SELFMODEL_TOKENS"] {
      return try TenantTokens.parse(Data(inline.utf8))
    }
    throw ValidationError(
      "no bearer tokens: pass --tokens-file (or set SELFMODEL_TOKENS_FILE or SELFMODEL_TOKENS)")
  }
}
