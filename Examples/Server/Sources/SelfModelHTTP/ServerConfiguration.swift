import Foundation
public import SelfModelOperations
public import SelfModelStore
public import ServiceAccess

/// What the reference service needs to start: where its data lives (one store folder per
/// tenant under it), where it listens, and the limits it enforces on requests.
///
/// The command `selfmodel-server` fills it from flags and environment variables (see
/// `Docs/Server.md`); tests build one directly.
///
/// ```swift
/// var configuration = ServerConfiguration(dataFolder: "/var/lib/selfmodel")
/// configuration.port = 8080
/// ```
public struct ServerConfiguration: Sendable, Hashable {
  /// The data folder; each tenant's `FileStore` is `<dataFolder>/tenants/<tenant>`, created,
  /// with its parents, if missing.
  public var dataFolder: String
  /// The address to listen on (default `127.0.0.1`).
  public var host: String
  /// The port to listen on (default 8080; 0 picks a free one).
  public var port: Int
  /// The largest request body accepted, in bytes (default 1 MiB); larger ones get 413.
  public var maximumBodyBytes: Int
  /// The largest import document accepted, in bytes (default 16 MiB).
  public var maximumImportBytes: Int
  /// The bounds of what a request may ask, the library's (default `OperationLimits.standard`:
  /// 1,000 evidence items per batch, 1,000 users per page, ...). `openapi.json` states the
  /// standard values.
  public var limits: OperationLimits
  /// The store's durability mode (default group commit: a write is acknowledged only once
  /// it is synced).
  public var durability: Durability
  /// The seconds a client is told to wait (`Retry-After`) when the store is unavailable.
  public var retryAfterSeconds: Int
  /// The longest a request may take, body upload included (default 30 s); past it the client
  /// gets a retryable 503 `requestTimeout`. A connection idle 2 s longer is closed.
  public var requestTimeout: Duration
  /// The threads authenticated handlers run on (default: the processor count, at least 2).
  /// Health and authentication run elsewhere, so they answer while all of these are busy.
  public var workThreads: Int
  /// The most client connections open at once (default 10,000); more wait in the listen
  /// queue. The command sizes it from the descriptor limit (``DescriptorBudget``).
  public var maximumConnections: Int
  /// The most users each tenant's `FileStore` keeps open, one descriptor each (default
  /// 1,024). The command sizes it from the descriptor limit (``DescriptorBudget``).
  public var openUsersPerTenant: Int
  /// `nil` (the default): every request under `/v1` but health and readiness needs a bearer
  /// token, and works on its tenant's store. A tenant here switches authentication off:
  /// every request works on this tenant's store, token or not. For a service on loopback
  /// during development, and for measuring what authentication costs (B10); the command
  /// (`--no-authentication`) refuses it on any host but loopback.
  public var unauthenticatedTenant: TenantID?

  /// Creates a configuration with the defaults above.
  ///
  /// - Parameter dataFolder: The `FileStore` folder.
  public init(dataFolder: String) {
    self.dataFolder = dataFolder
    self.host = "127.0.0.1"
    self.port = 8080
    self.maximumBodyBytes = 1 << 20
    self.maximumImportBytes = 16 << 20
    self.limits = .standard
    self.durability = .groupCommit
    self.retryAfterSeconds = 1
    self.requestTimeout = .seconds(30)
    self.workThreads = max(2, ProcessInfo.processInfo.activeProcessorCount)
    self.maximumConnections = 10_000
    self.openUsersPerTenant = 1_024
    self.unauthenticatedTenant = nil
  }
}
