import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore
import ServerTestSupport
import ServiceAccess
import Testing

/// Streamable HTTP with one session per client: many clients at once, sessions bound to their
/// token, closed by DELETE or after idling, and limits checked from a request's head.
@Suite(.serialized) struct SessionTests {
  static let initialize = #"""
    {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\#
    "capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}
    """#
  static let listTools = #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#

  static func bearer(_ token: String) -> String { "Authorization: Bearer \(token)" }

  /// The session id a raw `initialize` opened.
  static func open(_ serving: HTTPServing, token: String) async throws -> String {
    let (status, text) = try await RawHTTP.post(
      port: serving.port, initialize, headers: [bearer(token)])
    #expect(status == 200, "\(text)")
    let line = text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("mcp-session-id:") }
    return String(try #require(line).split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
  }

  static func list(_ serving: HTTPServing, session: String, token: String) async throws -> Int {
    try await RawHTTP.post(
      port: serving.port, listTools,
      headers: [bearer(token), "Mcp-Session-Id: \(session)", "MCP-Protocol-Version: 2025-06-18"]
    ).0
  }

  @Test func severalClientsInitializeCallAndDisconnectAtOnce() async throws {
    let fixture = try await Fixture()
    let serving = try await HTTPServing(fixture)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<6 {
        group.addTask {
          let (user, token) =
            index.isMultiple(of: 2)
            ? ("u1", HTTPServing.tokenForU1) : ("u2", HTTPServing.tokenForU2)
          let client = try await serving.client(token: token)
          let context = try await client.call("get_context", ["user": .string(user)])
          #expect(context.isError == false, "\(context.text)")
          let observation = WriteToolTests.observing(["id": .string("obs-\(index)")], user: user)
          let recorded = try await client.call("record_observation", observation)
          #expect(recorded.isError == false, "\(recorded.text)")
          await client.disconnect()
        }
      }
      try await group.waitForAll()
    }
    #expect(try await fixture.store.model(for: "u1").evidence.count == 4)
    #expect(try await fixture.store.model(for: "u2").evidence.count == 3)
    serving.stop()
    await fixture.remove()
  }

  @Test func aSessionAnswersOnlyItsTokenAndEndsOnDelete() async throws {
    let fixture = try await Fixture()
    let serving = try await HTTPServing(fixture)
    let session = try await Self.open(serving, token: HTTPServing.tokenForU1)
    #expect(try await Self.list(serving, session: session, token: HTTPServing.tokenForU1) == 200)
    #expect(try await Self.list(serving, session: session, token: HTTPServing.tokenForU2) == 404)
    #expect(
      try await Self.list(serving, session: "not-a-session", token: HTTPServing.tokenForU1) == 404)
    let other = try await Self.open(serving, token: HTTPServing.tokenForU1)
    #expect(other != session)
    let (deleted, _) = try await RawHTTP.exchange(
      port: serving.port,
      head: [
        "DELETE /mcp HTTP/1.1", "Host: x", Self.bearer(HTTPServing.tokenForU1),
        "Mcp-Session-Id: \(session)", "Connection: close",
      ])
    #expect(deleted == 200)
    #expect(try await Self.list(serving, session: session, token: HTTPServing.tokenForU1) == 404)
    #expect(try await Self.list(serving, session: other, token: HTTPServing.tokenForU1) == 200)
    let (withoutSession, _) = try await RawHTTP.post(
      port: serving.port, Self.listTools, headers: [Self.bearer(HTTPServing.tokenForU1)])
    #expect(withoutSession == 400)
    let (get, text) = try await RawHTTP.exchange(
      port: serving.port,
      head: [
        "GET /mcp HTTP/1.1", "Host: x", Self.bearer(HTTPServing.tokenForU1), "Connection: close",
      ])
    #expect(get == 405 && text.contains("Allow: POST, DELETE"))
    serving.stop()
    await fixture.remove()
  }

  @Test func idleSessionsExpire() async throws {
    let fixture = try await Fixture()
    let serving = try await HTTPServing(
      fixture, configuration: .init(sessionIdleTimeout: .seconds(1)))
    let session = try await Self.open(serving, token: HTTPServing.tokenForU1)
    #expect(try await Self.list(serving, session: session, token: HTTPServing.tokenForU1) == 200)
    try await Task.sleep(for: .milliseconds(2_500))
    #expect(try await Self.list(serving, session: session, token: HTTPServing.tokenForU1) == 404)
    let reopened = try await Self.open(serving, token: HTTPServing.tokenForU1)
    #expect(try await Self.list(serving, session: reopened, token: HTTPServing.tokenForU1) == 200)
    serving.stop()
    await fixture.remove()
  }

  @Test func limitsAreCheckedFromTheHeadBeforeTheBody() async throws {
    let fixture = try await Fixture()
    let serving = try await HTTPServing(fixture, configuration: .init(maximumBodyBytes: 65_536))
    let huge = [
      "POST /mcp HTTP/1.1", "Host: x", "Content-Type: application/json",
      "Content-Length: 268435456",
    ]
    let started = ContinuousClock.now
    let (anonymous, text) = try await RawHTTP.exchange(port: serving.port, head: huge)
    #expect(anonymous == 401 && text.contains("WWW-Authenticate: Bearer"))
    let (declared, _) = try await RawHTTP.exchange(
      port: serving.port, head: huge + [Self.bearer(HTTPServing.tokenForU1)])
    #expect(declared == 413)
    #expect(ContinuousClock.now - started < .seconds(2))  // answered without waiting for a body
    let chunk = Data(repeating: UInt8(ascii: " "), count: 70_000)
    var chunked = Data("\(String(chunk.count, radix: 16))\r\n".utf8)
    chunked.append(chunk)
    chunked.append(Data("\r\n0\r\n\r\n".utf8))
    let (streamed, _) = try await RawHTTP.exchange(
      port: serving.port,
      head: [
        "POST /mcp HTTP/1.1", "Host: x", "Content-Type: application/json",
        "Transfer-Encoding: chunked", Self.bearer(HTTPServing.tokenForU1),
      ], body: chunked)
    #expect(streamed == 413)
    serving.stop()
    await fixture.remove()
  }

  @Test func theBearerSchemeIsMatchedInAnyCase() async throws {
    let tokens = try BearerTokens(["a-token-of-twenty-four-plus": .only(["u1"])])
    for header in [
      "Bearer a-token-of-twenty-four-plus", "bearer a-token-of-twenty-four-plus",
      "BEARER a-token-of-twenty-four-plus",
    ] {
      #expect(tokens.scope(forAuthorization: header) == .only(["u1"]), "\(header)")
    }
    for header in [
      "Basic a-token-of-twenty-four-plus", "Bearer", "Bearera-token-of-twenty-four-plus",
      "Bearer a-token-of-twenty-four-plu",
    ] {
      #expect(tokens.scope(forAuthorization: header) == nil, "\(header)")
    }
    let fixture = try await Fixture()
    let serving = try await HTTPServing(fixture)
    let client = try await serving.client(token: HTTPServing.tokenForU1, scheme: "bearer")
    #expect(try await client.call("get_context", ["user": "u1"]).isError == false)
    await client.disconnect()
    serving.stop()
    await fixture.remove()
  }
}
