import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelOperations
import SelfModelStore
import ServerTestSupport
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
    #expect(tools.count == 7)
    let calls: [(String, [String: Value])] = [
      ("list_beliefs", [:]),
      ("get_context", ["user": "u1", "tags": ["style"]]),
      ("record_observation", WriteToolTests.observation),
      ("record_reaction", WriteToolTests.reaction),
      ("explain_belief", ["user": "u1", "belief": "style.concise"]),
      ("next_question", ["user": "u1"]),
      ("forget", ["user": "u1", "evidence": "obs-1"]),
    ]
    for (name, arguments) in calls {
      let result = try await client.call(name, arguments)
      #expect(result.isError == false, "\(name): \(result.text)")
    }
    let retry = try await client.call("record_reaction", WriteToolTests.reaction)
    #expect(try retry.response(ObservationResponse.self).duplicates.count == 1)
    let bad = try await client.call(
      "record_observation", WriteToolTests.observing(["id": "x", "belief": "no.such"]))
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
    #expect(await child.finish() == 0)
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
    #expect(await child.finish() == 1)
    try? FileManager.default.removeItem(at: fixture.folder)
  }

  @Test func httpBehindBearerTokens() async throws {
    let fixture = try await Fixture()
    let serving = try await HTTPServing(fixture)
    let client = try await serving.client(token: HTTPServing.tokenForU1)
    try await Self.exerciseEveryTool(client)
    let other = try await client.call("get_context", ["user": "u2"])
    #expect(other.code == "userNotPermitted")
    await client.disconnect()
    let (status, text) = try await RawHTTP.post(
      port: serving.port, SessionTests.initialize,
      headers: [SessionTests.bearer("not-a-known-token-at-all")])
    #expect(status == 401 && text.contains("WWW-Authenticate: Bearer"))
    serving.stop()
    await fixture.remove()
  }
}
