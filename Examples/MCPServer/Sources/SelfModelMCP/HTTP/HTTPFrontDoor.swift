import Foundation
import MCP
import NIOCore
import NIOHTTP1
import NIOPosix

/// The Streamable HTTP transport behind bearer tokens: a small HTTP/1.1 server (SwiftNIO) that
/// checks each request's `Authorization: Bearer …` header, then hands it to the SDK's
/// `StatelessHTTPServerTransport` (JSON responses, no sessions) at `POST /mcp`.
///
/// A request without a known token gets 401 and never reaches the tools; a known token's
/// calls see only the users it is bound to (``BearerTokens``, ``UserScope``).
///
/// ```swift
/// try await HTTPFrontDoor(runner: runner, tokens: tokens).run(host: "127.0.0.1", port: 8080)
/// ```
public struct HTTPFrontDoor: Sendable {
  /// The path the MCP endpoint answers at.
  public static let path = "/mcp"
  let runner: ToolRunner
  let tokens: BearerTokens

  /// Creates a front door.
  ///
  /// - Parameters:
  ///   - runner: Runs the tools.
  ///   - tokens: The accepted tokens and their users.
  public init(runner: ToolRunner, tokens: BearerTokens) {
    self.runner = runner
    self.tokens = tokens
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
    let transport = StatelessHTTPServerTransport(
      validationPipeline: StandardValidationPipeline(validators: [
        AcceptHeaderValidator(mode: .jsonOnly), ContentTypeValidator(),
        ProtocolVersionValidator(),
      ]))
    let tokens = self.tokens
    let server = await SelfModelServer.make(runner: runner) {
      let header = Server.currentHandlerContext?.httpContext?.header("Authorization")
      return tokens.scope(forAuthorization: header) ?? .only([])
    }
    try await server.start(transport: transport)
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
    try await withThrowingDiscardingTaskGroup { group in
      try await listener.executeThenClose { connections in
        for try await connection in connections {
          group.addTask {
            await HTTPConnection(transport: transport, tokens: tokens).serve(connection)
          }
        }
      }
    }
    await server.stop()
  }
}
