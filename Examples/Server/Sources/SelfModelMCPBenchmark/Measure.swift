import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore
import ServiceAccess
import SystemPackage

/// The two measurements: the direct call and the stdio round trip.
enum Measure {
  /// Median seconds of `prompt(for:)` on a built selector, and of building the selector.
  static func direct(_ model: UserModel, calls: Int) throws -> (call: Double, setup: Double) {
    let selector = try PromptSelector(model: model, at: BenchFixture.now)
    var perCall: [Double] = []
    var setups: [Double] = []
    for _ in 0..<15 {
      let clock = ContinuousClock()
      let start = clock.now
      var characters = 0
      for _ in 0..<calls {
        characters &+= try selector.prompt(for: BenchFixture.request).text.utf8.count
      }
      perCall.append(seconds(clock.now - start) / Double(calls))
      precondition(characters > 0)
      let setupStart = clock.now
      _ = try PromptSelector(model: model, at: BenchFixture.now)
      setups.append(seconds(clock.now - setupStart))
    }
    return (median(perCall), median(setups))
  }

  /// Median seconds of one `get_context` tool call in process: model copy, selector, context,
  /// structured content; no transport.
  static func tool(_ store: FileStore, calls: Int) async throws -> Double {
    let runner = ToolRunner(
      store: store, policy: AgentPolicy(writableSources: ["agent:bench"]),
      now: { BenchFixture.now })
    var times: [Double] = []
    for _ in 0..<calls {
      let clock = ContinuousClock()
      let start = clock.now
      let result = await runner.call("get_context", arguments: arguments, scope: .all)
      precondition(result.isError == false)
      times.append(seconds(clock.now - start))
    }
    return median(times)
  }

  static let arguments: [String: Value] = [
    "user": "bench", "keys": ["belief.7", "belief.901"], "keyPrefixes": ["belief.1"],
    "tags": ["t3"], "budget": ["beliefs": 20, "characters": 4_000], "excludedLimit": 5,
  ]

  /// Over stdio to the built `selfmodel-mcp` (the client on ``LineTransport`` too, so neither
  /// side polls): median and 90th percentile seconds of one `get_context` call after 20 warm-up
  /// calls, and the median of a call whose message is 1 MB (a `get_context` with a 1 MB key
  /// prefix: read, decoded and refused as `invalidText`, key prefixes being at most 256 bytes).
  static func stdio(folder: String, calls: Int) async throws -> (
    median: Double, p90: Double, large: Double
  ) {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("selfmodel-mcp")
    let process = Process()
    let (toServer, fromServer) = (Pipe(), Pipe())
    process.executableURL = executable
    process.arguments = [
      "--store", folder, "--agent-source", "agent:bench", "--now", "2026-01-24T03:33:20Z",
    ]
    process.standardInput = toServer
    process.standardOutput = fromServer
    try process.run()
    let client = Client(name: "b14", version: "1")
    _ = try await client.connect(
      transport: LineTransport(
        input: fromServer.fileHandleForReading.fileDescriptor,
        output: toServer.fileHandleForWriting.fileDescriptor))
    let times = try await roundTrips(client, arguments, calls: calls, warmUp: 20)
    var large = arguments
    large["keyPrefixes"] = [.string(String(repeating: "p", count: 1_000_000))]
    let larges = try await roundTrips(
      client, large, calls: max(3, calls / 40), warmUp: 1, expectingSuccess: false)
    await client.disconnect()
    try? toServer.fileHandleForWriting.close()
    process.waitUntilExit()
    return (median(times), percentile90(times), median(larges))
  }

  /// Seconds of each of `calls` `get_context` calls after `warmUp` unmeasured ones.
  static func roundTrips(
    _ client: Client, _ arguments: [String: Value], calls: Int, warmUp: Int,
    expectingSuccess: Bool = true
  ) async throws -> [Double] {
    var times: [Double] = []
    for index in 0..<(calls + warmUp) {
      let clock = ContinuousClock()
      let start = clock.now
      let result = try await client.send(
        CallTool.request(.init(name: "get_context", arguments: arguments))
      ).value
      precondition(result.isError == !expectingSuccess, "\(result.content)")
      if index >= warmUp { times.append(seconds(clock.now - start)) }
    }
    return times
  }

  static func percentile90(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
  }
}
