import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension Measure {
  /// Over Streamable HTTP to an in-process ``HTTPFrontDoor`` on loopback, with the SDK's
  /// HTTP client and a bearer token: median and 90th percentile seconds of one `get_context`
  /// call, and the median of a `list_beliefs` call with `limit` 1 (the transport and session
  /// with almost no tool work).
  static func http(_ store: FileStore, calls: Int) async throws -> (
    median: Double, p90: Double, floor: Double
  ) {
    let runner = ToolRunner(
      store: store, policy: AgentPolicy(writableSources: ["agent:bench"]),
      now: { BenchFixture.now })
    let token = "b14-bench-token-0123456789"
    let door = HTTPFrontDoor(runner: runner, tokens: try BearerTokens([token: .all]))
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let serving = Task { try await door.run(host: "127.0.0.1", port: 0) { continuation.yield($0) } }
    defer { serving.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next(),
      let endpoint = URL(string: "http://127.0.0.1:\(port)/mcp")
    else { throw CancellationError() }
    let transport = HTTPClientTransport(
      endpoint: endpoint, streaming: false,
      requestModifier: { request in
        var request = request
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        return request
      })
    let client = Client(name: "b14-http", version: "1")
    _ = try await client.connect(transport: transport)
    let times = try await roundTrips(client, arguments, calls: calls, warmUp: 20)
    var floors: [Double] = []
    for _ in 0..<calls {
      let clock = ContinuousClock()
      let start = clock.now
      try await client.ping()
      floors.append(seconds(clock.now - start))
    }
    await client.disconnect()
    return (median(times), percentile90(times), median(floors))
  }
}
