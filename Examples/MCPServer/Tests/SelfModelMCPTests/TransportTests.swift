import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Every tool over the two real transports: stdio to the built executable, and Streamable HTTP
/// behind bearer tokens bound to users.
@Suite(.serialized) struct TransportTests {
  /// One good call of each tool, checked loosely: the transports, not the tools, are under test.
  static func exerciseEveryTool(_ client: Client) async throws {
    let (tools, _) = try await client.listTools()
    #expect(tools.count == 6)
    let calls: [(String, [String: Value])] = [
      ("get_context", ["user": "u1", "tags": ["style"]]),
      ("record_observation", WriteToolTests.observation),
      ("record_reaction", WriteToolTests.reaction),
      ("explain_belief", ["user": "u1", "belief": "style.concise"]),
      ("next_question", ["user": "u1"]),
      ("forget", ["user": "u1", "evidenceId": "obs-1"]),
    ]
    for (name, arguments) in calls {
      let result = try await client.call(name, arguments)
      #expect(result.isError == false, "\(name): \(result.text)")
    }
    let retry = try await client.call("record_reaction", WriteToolTests.reaction)
    #expect(retry.structuredContent?.objectValue?["duplicates"]?.arrayValue?.count == 1)
    let bad = try await client.call(
      "record_observation", ["user": "u1", "id": "x", "belief": "no.such", "outcome": "true"])
    #expect(bad.code == "unknownBelief")
  }

  @Test func stdioToTheBuiltExecutable() async throws {
    let fixture = try await Fixture()
    await fixture.store.shutdown()
    let child = try ServerProcess(arguments: [
      "--store", fixture.folder.path, "--agent-source", Fixture.agent.rawValue,
    ])
    let client = try await child.client()
    try await Self.exerciseEveryTool(client)
    await client.disconnect()
    #expect(child.finish() == 0)
    let reopened = try FileStore(at: fixture.folder.path)
    let model = try await reopened.model(for: "u1")
    #expect(model.evidence.map(\.id).contains("said-1"))
    #expect(!model.evidence.map(\.id).contains("obs-1"))
    #expect(model.evidence.count == 2)
    await reopened.shutdown()
    try? FileManager.default.removeItem(at: fixture.folder)
  }

  @Test func stdioRefusesAUserStatedAgentSource() async throws {
    let fixture = try await Fixture()
    await fixture.store.shutdown()
    let child = try ServerProcess(arguments: [
      "--store", fixture.folder.path, "--agent-source", "user",
    ])
    #expect(child.finish() == 1)
    try? FileManager.default.removeItem(at: fixture.folder)
  }

  @Test func httpBehindBearerTokens() async throws {
    let fixture = try await Fixture()
    let tokens = try BearerTokens([
      "token-for-u1-0123456789": .only(["u1"]), "token-for-u2-0123456789": .only(["u2"]),
    ])
    let door = HTTPFrontDoor(runner: fixture.runner, tokens: tokens)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let serving = Task { try await door.run(host: "127.0.0.1", port: 0) { continuation.yield($0) } }
    defer { serving.cancel() }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next())
    let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)/mcp"))

    let client = try await Self.httpClient(endpoint, token: "token-for-u1-0123456789")
    try await Self.exerciseEveryTool(client)
    let other = try await client.call("get_context", ["user": "u2"])
    #expect(other.code == "userNotPermitted")
    await client.disconnect()

    // The front door answers 401; the SDK's transport, with no authorizer, reports it so.
    await #expect(throws: MCPError.internalError("Authentication required")) {
      _ = try await Self.httpClient(endpoint, token: "not-a-known-token-at-all")
    }
    serving.cancel()
    await fixture.remove()
  }

  static func httpClient(_ endpoint: URL, token: String) async throws -> Client {
    let transport = HTTPClientTransport(
      endpoint: endpoint, streaming: false,
      requestModifier: { request in
        var request = request
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        return request
      })
    let client = Client(name: "http-tests", version: "1")
    _ = try await client.connect(transport: transport)
    return client
  }
}
