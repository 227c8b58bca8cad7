import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore

/// Opens the store, checks the agent policy against its catalogue, and serves.
enum Launcher {
  static func run(_ options: LaunchOptions) async throws {
    let store = try FileStore(at: options.store)
    if options.demo { try await Demo.seed(store) }
    let policy = AgentPolicy(writableSources: options.agentSources)
    try policy.validate(against: try await store.catalogue())
    let fixed = options.now
    let runner = ToolRunner(store: store, policy: policy, now: { fixed ?? Date() })
    if let port = options.httpPort, let tokensFile = options.tokensFile {
      let tokens = try BearerTokens.load(from: tokensFile)
      try await HTTPFrontDoor(runner: runner, tokens: tokens).run(host: "127.0.0.1", port: port)
    } else {
      let server = await SelfModelServer.make(runner: runner) { .all }
      try await server.start(transport: StdioTransport())
      await server.waitUntilCompleted()
    }
    await store.shutdown()
  }
}
