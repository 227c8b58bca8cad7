// B14: the `get_context` round trip over stdio (a small and a 1 MB message) and over
// Streamable HTTP for a 1,000-belief user, next to the direct call (B13) on the same model in
// the same run. Run in release, after building the server:
//
//   swift build -c release --package-path Examples/Server
//   swift run -c release --package-path Examples/Server selfmodel-mcp-bench [--quick]
//
// `--http-only` runs only the HTTP calls after the fixture, for a profiler (`perf record -g`).
import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore

let quick = CommandLine.arguments.contains("--quick")
let folder = FileManager.default.temporaryDirectory
  .appendingPathComponent("selfmodel-b14-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: folder) }

let store = try FileStore(at: folder)
try await BenchFixture.build(in: store)
let model = try await store.model(for: BenchFixture.user)
if CommandLine.arguments.contains("--http-only") {
  // For a profiler: only B14h's HTTP calls after the fixture (`perf record ... --http-only`).
  let http = try await Measure.http(store, calls: 400)
  print("B14h SDK client median \(http.median * 1e6) us; raw client \(http.raw.median * 1e6) us")
  await store.shutdown()
  exit(0)
}
let calls = quick ? 20 : 2_000
let direct = try Measure.direct(model, calls: calls)
let tool = try await Measure.tool(store, calls: quick ? 10 : 200)
let http = try await Measure.http(store, calls: quick ? 10 : 400)
await store.shutdown()
let stdio = try await Measure.stdio(folder: folder, calls: quick ? 10 : 400)

func us(_ seconds: Double) -> String { String(format: "%.1f us", seconds * 1e6) }
print("B13  direct prompt(for:) on a built selector      \(us(direct.call))")
print("B13s selector setup (once per model and moment)    \(us(direct.setup))")
print("     ToolRunner.call(\"get_context\") in process, no transport: \(us(tool))")
print(
  "B14  get_context over stdio, round trip: median \(us(stdio.median)), p90 \(us(stdio.p90))"
    + String(format: " (%.1fx the direct call)", stdio.median / direct.call))
print(
  "B14l the same call with a 1 MB message over stdio: median \(us(stdio.large))"
    + String(format: " (%.1fx the small one)", stdio.large / stdio.median))
print(
  "B14h get_context over Streamable HTTP (session, bearer token): median \(us(http.median)),"
    + " p90 \(us(http.p90)); ping (transport floor): median \(us(http.floor))")
print(
  "B14h the same server, raw HTTP/1.1 client (keep-alive, no SDK client): get_context median"
    + " \(us(http.raw.median)), p90 \(us(http.raw.p90)) (\(http.raw.bytes) bytes); ping median"
    + " \(us(http.raw.ping)); explain_belief limit 1 median \(us(http.raw.small))")
print(
  "     per round of those three calls (client and server in this process): CPU"
    + " \(us(http.raw.cpu)), wall \(us(http.raw.wall))")
