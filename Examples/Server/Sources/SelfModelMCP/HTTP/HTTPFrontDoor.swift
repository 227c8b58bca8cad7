import Foundation
import MCP
import NIOCore
import NIOHTTP1
import NIOPosix
public import ServiceAccess

/// Streamable HTTP behind bearer tokens: a small HTTP/1.1 server (SwiftNIO) at `POST /mcp`
/// with one MCP session per client.
///
/// - A request is authenticated from its headers, before any of its body is read: without a
///   known `Authorization: Bearer …` token it gets 401 and the connection is closed; a body
///   larger than ``Configuration/maximumBodyBytes`` gets 413 the same way.
/// - An `initialize` without `Mcp-Session-Id` opens a session (its own SDK `Server` on a
///   `StatelessHTTPServerTransport`: JSON responses, no SSE) and the response names it in
///   `Mcp-Session-Id`; every later request of that client carries it. A session answers only
///   the token that opened it, ends with `DELETE /mcp`, and expires after
///   ``Configuration/sessionIdleTimeout`` without a request (then 404: initialize again).
/// - A token's calls see only the users it is bound to (``BearerTokens``, ``UserScope``).
///
/// ```swift
/// try await HTTPFrontDoor(runner: runner, tokens: tokens).run(host: "127.0.0.1", port: 8080)
/// ```
public struct HTTPFrontDoor: Sendable {
  /// The limits of the front door.
  public struct Configuration: Sendable {
    /// The largest request body, in bytes (default 4 MiB).
    public var maximumBodyBytes: Int
    /// How long a session lives without a request (default 30 minutes).
    public var sessionIdleTimeout: Duration
    /// The most sessions open at once (default 1,000); an `initialize` beyond it gets 503.
    public var maximumSessions: Int

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - maximumBodyBytes: The largest request body, in bytes.
    ///   - sessionIdleTimeout: How long a session lives without a request.
    ///   - maximumSessions: The most sessions open at once.
    public init(
      maximumBodyBytes: Int = 4 << 20, sessionIdleTimeout: Duration = .seconds(1_800),
      maximumSessions: Int = 1_000
    ) {
      self.maximumBodyBytes = maximumBodyBytes
      self.sessionIdleTimeout = sessionIdleTimeout
      self.maximumSessions = maximumSessions
    }
  }

  /// The path the MCP endpoint answers at.
  public static let path = "/mcp"
  let runner: ToolRunner
  let tokens: BearerTokens
  let configuration: Configuration

  /// Creates a front door.
  ///
  /// - Parameters:
  ///   - runner: Runs the tools.
  ///   - tokens: The accepted tokens and their users.
  ///   - configuration: Limits (default ``Configuration/init(maximumBodyBytes:sessionIdleTimeout:maximumSessions:)``).
  public init(runner: ToolRunner, tokens: BearerTokens, configuration: Configuration = .init()) {
    self.runner = runner
    self.tokens = tokens
    self.configuration = configuration
  }

  /// Serves until the task is cancelled.
  ///
  /// - Parameters:
  ///   - host: The address to bind.
  ///   - port: The port; 0 picks a free one.
  ///   - bound: Called with the bound port once listening.
  /// - Throws: A bind or channel error.
  public func run(
    host: String, port: Int, bound: @escaping @Sendable (Int) -> Void = { _ in }
  ) async throws {
    let sessions = SessionTable(
      idleTimeout: configuration.sessionIdleTimeout,
      maximumSessions: configuration.maximumSessions)
    let connection = HTTPConnection(
      runner: runner, tokens: tokens, sessions: sessions,
      maximumBodyBytes: configuration.maximumBodyBytes)
    let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .bind(host: host, port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
            wrappingChannelSynchronously: channel)
        }
      }
    bound(listener.channel.localAddress?.port ?? port)
    let sweep = min(configuration.sessionIdleTimeout / 2, .seconds(60))
    do {
      try await withThrowingDiscardingTaskGroup { group in
        group.addTask {
          while !Task.isCancelled {
            try? await Task.sleep(for: sweep)
            await sessions.expireIdle()
          }
        }
        try await listener.executeThenClose { connections in
          for try await channel in connections {
            group.addTask { await connection.serve(channel) }
          }
        }
        group.cancelAll()
      }
    } catch {
      await sessions.closeAll()
      throw error
    }
    await sessions.closeAll()
  }
}
