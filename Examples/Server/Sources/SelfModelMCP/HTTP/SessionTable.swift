import MCP

/// The MCP sessions of the HTTP front door: one SDK `Server` and transport per client, created
/// by its `initialize`, named by a random `Mcp-Session-Id`, bound to the bearer token that
/// created it, and closed by `DELETE` or after ``HTTPFrontDoor/Configuration/sessionIdleTimeout``
/// without a request.
///
/// The SDK tracks initialization per `Server`, so a server shared by every client would refuse
/// every `initialize` after the first; one per session lets any number of clients connect.
actor SessionTable {
  /// One client's server.
  struct Session {
    let server: Server
    let transport: StatelessHTTPServerTransport
    /// The index of the bearer token that opened it (``BearerTokens``).
    let owner: Int
    var lastUsed: ContinuousClock.Instant
  }

  private var sessions: [String: Session] = [:]
  private let idleTimeout: Duration
  private let maximumSessions: Int
  private let clock = ContinuousClock()

  init(idleTimeout: Duration, maximumSessions: Int) {
    self.idleTimeout = idleTimeout
    self.maximumSessions = maximumSessions
  }

  /// How many sessions are open.
  var count: Int { sessions.count }

  /// Opens a session for `owner` with a server `make` builds, or `nil` when the table is full
  /// even after closing idle sessions.
  func open(owner: Int, make: () async -> Server) async -> (
    id: String, transport: StatelessHTTPServerTransport
  )? {
    if sessions.count >= maximumSessions { await expireIdle() }
    guard sessions.count < maximumSessions else { return nil }
    let transport = StatelessHTTPServerTransport(validationPipeline: HTTPConnection.validation)
    let server = await make()
    do {
      try await server.start(transport: transport)
    } catch {
      return nil
    }
    let id = Self.newID()
    sessions[id] = Session(server: server, transport: transport, owner: owner, lastUsed: clock.now)
    return (id, transport)
  }

  /// The transport of an open session that `owner` opened, or `nil` (unknown, expired or
  /// another token's). Counts as a use.
  func transport(for id: String, owner: Int) async -> StatelessHTTPServerTransport? {
    guard var session = sessions[id], session.owner == owner else { return nil }
    guard clock.now - session.lastUsed <= idleTimeout else {
      await close(id, owner: owner)
      return nil
    }
    session.lastUsed = clock.now
    sessions[id] = session
    return session.transport
  }

  /// Closes a session; `false` when there is no such session of `owner`.
  @discardableResult
  func close(_ id: String, owner: Int) async -> Bool {
    guard let session = sessions[id], session.owner == owner else { return false }
    sessions[id] = nil
    await session.server.stop()
    return true
  }

  /// Closes every session idle for longer than the timeout.
  func expireIdle() async {
    let now = clock.now
    for (id, session) in sessions where now - session.lastUsed > idleTimeout {
      await close(id, owner: session.owner)
    }
  }

  /// Closes every session.
  func closeAll() async {
    for (id, session) in sessions { await close(id, owner: session.owner) }
  }

  /// 128 random bits as 32 hexadecimal digits (the system's cryptographic generator).
  private static func newID() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<2).map { _ in
      let hex = String(generator.next() as UInt64, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
  }
}
