import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore
import ServiceAccess

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

extension Measure {
  /// Over Streamable HTTP to an in-process ``HTTPFrontDoor`` on loopback, with the SDK's
  /// HTTP client and a bearer token: median and 90th percentile seconds of one `get_context`
  /// call and of a `ping` (the transport and session with no tool work); then the same server
  /// with ``RawHTTPClient`` (``raw(port:token:calls:)``).
  static func http(_ store: FileStore, calls: Int) async throws -> (
    median: Double, p90: Double, floor: Double,
    raw: (
      median: Double, p90: Double, ping: Double, small: Double, bytes: Int, cpu: Double,
      wall: Double
    )
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
    let raw = try await withCheckedThrowingContinuation { done in
      DispatchQueue.global().async {
        done.resume(with: Result { try Self.raw(port: port, token: token, calls: calls) })
      }
    }
    return (median(times), percentile90(times), median(floors), raw)
  }

  /// The same server with ``RawHTTPClient`` (no SDK client): a session opened by hand, then
  /// `calls` `get_context` and `ping` round trips on one keep-alive connection.
  static func raw(port: Int, token: String, calls: Int) throws -> (
    median: Double, p90: Double, ping: Double, small: Double, bytes: Int, cpu: Double,
    wall: Double
  ) {
    let client = try RawHTTPClient(port: port)
    client.headers = ["Authorization: Bearer \(token)"]
    let opened = try client.post(
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"b14-raw","version":"1"}}}"#
    )
    let prefix = "mcp-session-id:"
    guard
      let line = opened.head.split(separator: "\r\n").first(where: { $0.hasPrefix(prefix) })
    else { throw POSIXError(.EPROTO) }
    let session = line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
    client.headers += ["Mcp-Session-Id: \(session)", "MCP-Protocol-Version: 2025-06-18"]
    _ = try client.post(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
    let arguments = String(
      decoding: try JSONEncoder().encode(Value.object(Self.arguments)), as: UTF8.self)
    let call =
      #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_context","arguments":"#
      + arguments + "}}"
    let ping = #"{"jsonrpc":"2.0","id":3,"method":"ping"}"#
    let small =
      #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"explain_belief","arguments":{"user":"bench","belief":"belief.7","limit":1}}}"#
    var times: [Double] = []
    var pings: [Double] = []
    var smalls: [Double] = []
    var bytes = 0
    let cpuStart = Self.cpuSeconds()
    let wallClock = ContinuousClock()
    let wallStart = wallClock.now
    for index in 0..<(calls + 20) {
      let clock = ContinuousClock()
      let start = clock.now
      let answer = try client.post(call)
      let middle = clock.now
      _ = try client.post(ping)
      let end = clock.now
      _ = try client.post(small)
      precondition(answer.body.range(of: Data(#""isError":false"#.utf8)) != nil)
      bytes = answer.body.count
      if index >= 20 {
        times.append(seconds(middle - start))
        pings.append(seconds(end - middle))
        smalls.append(seconds(clock.now - end))
      }
    }
    let rounds = Double(calls + 20)
    return (
      median(times), percentile90(times), median(pings), median(smalls), bytes,
      (Self.cpuSeconds() - cpuStart) / rounds, seconds(wallClock.now - wallStart) / rounds
    )
  }

  /// The process's CPU time (user and system, every thread) in seconds.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
    return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
  }
}
