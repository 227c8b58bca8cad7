public import MCP
public import ServiceAccess

/// Makes the MCP `Server` for a store: tools (``ToolCatalog``), a resource per user (its
/// beliefs) and a prompt that tells an agent how to use them.
///
/// The caller's scope comes from `scope`: a stdio server passes `{ .all }`; the HTTP front
/// door derives it from the request's bearer token (``BearerTokens``).
///
/// ```swift
/// let server = await SelfModelServer.make(runner: runner) { .all }
/// try await server.start(transport: StdioTransport())
/// ```
public enum SelfModelServer {
  /// The server's name in `initialize`.
  public static let name = "selfmodel"
  /// The server's version in `initialize`.
  public static let version = "0.1.0"

  /// Creates a server with every handler registered.
  ///
  /// - Parameters:
  ///   - runner: Runs the tools.
  ///   - scope: The users the current request's caller may touch.
  /// - Returns: The server, not yet started.
  public static func make(
    runner: ToolRunner, scope: @escaping @Sendable () -> UserScope
  ) async -> Server {
    let server = Server(
      name: name, version: version,
      instructions: Prompts.instructions,
      capabilities: .init(
        prompts: .init(listChanged: false), resources: .init(subscribe: false, listChanged: false),
        tools: .init(listChanged: false)))
    let tools = runner.tools
    await server.withMethodHandler(ListTools.self) { _ in .init(tools: tools) }
    await server.withMethodHandler(CallTool.self) { params in
      await runner.call(params.name, arguments: params.arguments, scope: scope())
    }
    await Resources.register(on: server, runner: runner, scope: scope)
    await Prompts.register(on: server)
    return server
  }
}
