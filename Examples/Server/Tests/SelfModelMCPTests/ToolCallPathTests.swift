import Foundation
import MCP
import SelfModel
import SelfModelMCP
import ServerTestSupport
import ServiceAccess
import Testing

/// The HTTP front door answers `tools/call` itself (one decode, one encode) and hands every
/// other message to the session's SDK server. Its answers must be the SDK's: the same result,
/// the same JSON-RPC envelope and id, the same refusals of bad headers.
@Suite(.serialized) struct ToolCallPathTests {
  static let headers = ["MCP-Protocol-Version: 2025-06-18"]

  /// A POST of `json` in the session `session`, with `extra` header lines; status and body.
  static func post(
    _ serving: HTTPServing, session: String, _ json: String, extra: [String] = headers
  ) async throws -> (Int, String) {
    let (status, text) = try await RawHTTP.post(
      port: serving.port, json,
      headers: [SessionTests.bearer(HTTPServing.tokenForU1), "Mcp-Session-Id: \(session)"]
        + extra)
    let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
    return (status, body)
  }

  @Test func aToolCallGetsTheRunnersResultInTheSDKsEnvelope() async throws {
    let fixture = try await Fixture()
    let serving = try await HTTPServing(fixture)
    let session = try await SessionTests.open(serving, token: HTTPServing.tokenForU1)
    for id in [#""call-7""#, "42"] {
      let (status, body) = try await Self.post(
        serving, session: session,
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":"#
          + #"{"name":"get_context","arguments":{"user":"u1","tags":["style"]}}}"#)
      #expect(status == 200, "\(body)")
      let response = try JSONDecoder().decode(Response<CallTool>.self, from: Data(body.utf8))
      let expectedID: ID = id == "42" ? .number(42) : .string("call-7")
      #expect(response.id == expectedID)
      let expected = await fixture.runner.call(
        "get_context", arguments: ["user": "u1", "tags": ["style"]], scope: .only(["u1"]))
      #expect(try response.result.get() == expected)
      #expect(expected.isError != true)
      // Keys sorted and slashes unescaped, as the SDK writes its responses.
      #expect(body.hasPrefix(#"{"id":"#))
    }
    // A tool's failure is a result, as before: another user's context.
    let (_, denied) = try await Self.post(
      serving, session: session,
      #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_context","#
        + #""arguments":{"user":"u2"}}}"#)
    #expect(denied.contains("userNotPermitted"), "\(denied)")
    serving.stop()
    await fixture.remove()
  }

  @Test func badHeadersGetTheSDKsRefusals() async throws {
    let fixture = try await Fixture()
    let serving = try await HTTPServing(fixture)
    let session = try await SessionTests.open(serving, token: HTTPServing.tokenForU1)
    let call =
      #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"list_beliefs"}}"#
    let (unsupported, text) = try await Self.post(
      serving, session: session, call, extra: ["MCP-Protocol-Version: 1999-01-01"])
    #expect(unsupported == 400, "\(text)")
    #expect(text.contains("Unsupported protocol version"))
    // The same refusal as a message the SDK's server answers.
    let (listed, _) = try await Self.post(
      serving, session: session, SessionTests.listTools,
      extra: ["MCP-Protocol-Version: 1999-01-01"])
    #expect(listed == 400)
    let (fine, answer) = try await Self.post(serving, session: session, call)
    #expect(fine == 200 && answer.contains(#""result""#), "\(answer)")
    serving.stop()
    await fixture.remove()
  }

  /// What is not one well-formed `tools/call` goes to the SDK's server, which answers it as
  /// it always did.
  @Test func otherMessagesStillReachTheSDKsServer() async throws {
    let fixture = try await Fixture()
    let serving = try await HTTPServing(fixture)
    let session = try await SessionTests.open(serving, token: HTTPServing.tokenForU1)
    let (listed, tools) = try await Self.post(serving, session: session, SessionTests.listTools)
    #expect(listed == 200 && tools.contains("get_context"))
    let (_, missing) = try await Self.post(
      serving, session: session, #"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{}}"#)
    #expect(missing.contains(#""error""#) && missing.contains(#""id":9"#), "\(missing)")
    let (noted, _) = try await Self.post(
      serving, session: session, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
    #expect(noted == 202)
    serving.stop()
    await fixture.remove()
  }
}
