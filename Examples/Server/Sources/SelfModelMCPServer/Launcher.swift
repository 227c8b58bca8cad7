import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore
import ServiceAccess

/// Opens the store, publishes a catalogue if asked, checks the agent policy against the
/// store's catalogue, and serves.
enum Launcher {
  static func run(_ options: LaunchOptions) async throws {
    let store = try FileStore(at: options.store)
    if let file = options.catalogueFile { try await publish(file, to: store) }
    if options.demo { try await Demo.seed(store) }
    let policy = AgentPolicy(
      writableSources: options.agentSources, allowsCreatingUsers: options.allowsCreatingUsers)
    do {
      try policy.validate(against: try await store.catalogue())
    } catch ToolError.model(.unknownSource(let source)) {
      throw LaunchError(
        "unknown source \(source): publish a catalogue that lists it (--catalogue FILE) or use --demo"
      )
    }
    let fixed = options.now
    let runner = ToolRunner(store: store, policy: policy, now: { fixed ?? Date() })
    if let port = options.httpPort, let tokensFile = options.tokensFile {
      let tokens = try BearerTokens.load(from: tokensFile)
      let configuration = HTTPFrontDoor.Configuration(
        maximumBodyBytes: options.maximumMessageBytes,
        sessionIdleTimeout: .seconds(options.sessionTimeout))
      try await HTTPFrontDoor(runner: runner, tokens: tokens, configuration: configuration)
        .run(host: "127.0.0.1", port: port)
    } else {
      let server = await SelfModelServer.make(runner: runner) { .all }
      let transport = LineTransport(maximumMessageBytes: options.maximumMessageBytes)
      try await server.start(transport: transport)
      await server.waitUntilCompleted()
      await transport.drain()  // answers to calls still running when the input ended
    }
    await store.shutdown()
  }

  /// Publishes the catalogue in `file` unless the store's has the same content.
  static func publish(_ file: String, to store: FileStore) async throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: file))
    let catalogue = try ModelError.unwrappingDecoding {
      try JSONDecoder().decode(Catalogue.self, from: data)
    }
    let current = try await store.catalogue()
    guard !current.hasSameContent(as: catalogue) else { return }
    try await store.publish(catalogue)
  }
}
