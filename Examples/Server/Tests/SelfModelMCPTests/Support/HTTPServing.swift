import Foundation
import MCP
import SelfModel
import SelfModelMCP
import ServiceAccess
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// An ``HTTPFrontDoor`` serving a fixture on a free port, until ``stop()``.
struct HTTPServing {
  static let tokenForU1 = "token-for-u1-0123456789abc"
  static let tokenForU2 = "token-for-u2-0123456789abc"
  let task: Task<Void, any Error>
  let port: Int

  init(_ fixture: Fixture, configuration: HTTPFrontDoor.Configuration = .init()) async throws {
    let tokens = try BearerTokens([
      Self.tokenForU1: .only(["u1"]), Self.tokenForU2: .only(["u2"]),
    ])
    let door = HTTPFrontDoor(runner: fixture.runner, tokens: tokens, configuration: configuration)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    task = Task { try await door.run(host: "127.0.0.1", port: 0) { continuation.yield($0) } }
    var iterator = ports.makeAsyncIterator()
    port = try #require(await iterator.next())
  }

  var endpoint: URL {
    URL(string: "http://127.0.0.1:\(port)/mcp") ?? URL(fileURLWithPath: "/")
  }

  /// An SDK client with a bearer token (scheme spelt `scheme`).
  func client(token: String, scheme: String = "Bearer") async throws -> Client {
    let transport = HTTPClientTransport(
      endpoint: endpoint, streaming: false,
      requestModifier: { request in
        var request = request
        request.setValue("\(scheme) \(token)", forHTTPHeaderField: "Authorization")
        return request
      })
    let client = Client(name: "http-tests", version: "1")
    _ = try await client.connect(transport: transport)
    return client
  }

  func stop() { task.cancel() }
}
