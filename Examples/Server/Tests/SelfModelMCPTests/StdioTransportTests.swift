import Foundation
import SelfModel
import SelfModelStore
import Testing

/// The executable's own stdio transport: a 1 MB message costs about what a small one does
/// (linear reading), a message over the limit is refused with a JSON-RPC error and the session
/// goes on; `--help` exits 0 with the usage.
@Suite(.serialized) struct StdioTransportTests {
  /// The child's standard input and output as raw lines.
  final class Child: @unchecked Sendable {  // one test uses it at a time
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    var buffered = Data()

    init(_ arguments: [String]) throws {
      process.executableURL = ServerProcess.executable
      process.arguments = arguments
      process.standardInput = input
      process.standardOutput = output
      process.standardError = FileHandle.standardError
      try process.run()
    }

    func send(_ line: String) throws {
      try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// The next line the child writes, read off the cooperative pool.
    func line() async -> String { await offPool { self.blockingLine() } }

    private func blockingLine() -> String {
      while true {
        if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
          let line = String(decoding: buffered[..<newline], as: UTF8.self)
          buffered = Data(buffered[(newline + 1)...])
          return line
        }
        let more = output.fileHandleForReading.availableData
        if more.isEmpty { return "" }
        buffered.append(more)
      }
    }

    func finish() async -> Int32 {
      try? input.fileHandleForWriting.close()
      return await offPool {
        self.process.waitUntilExit()
        return self.process.terminationStatus
      }
    }
  }

  static let initialize = SessionTests.initialize.replacingOccurrences(of: "\n", with: "")

  /// A `record_observation` call whose note is `bytes` long (the tool refuses it: the
  /// transport, not the tool, is under test).
  static func call(id: Int, noteBytes: Int) -> String {
    let note = String(repeating: "n", count: noteBytes)
    return
      #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"record_observation","arguments":{"user":"u1","evidence":[{"id":"note-\#(id)","belief":"style.concise","content":{"outcome":"true"},"source":"agent:planner","observedAt":"2026-05-08T10:00:00Z","note":"\#(note)"}]}}}"#
  }

  @Test func aOneMegabyteMessageIsReadInLinearTime() async throws {
    let fixture = try await Fixture()
    await fixture.store.shutdown()
    let child = try Child([
      "--store", fixture.folder.path, "--agent-source", Fixture.agent.rawValue,
    ])
    try child.send(Self.initialize)
    #expect(await child.line().contains(#""protocolVersion""#))
    let clock = ContinuousClock()
    let small = try await clock.measure {
      try child.send(Self.call(id: 2, noteBytes: 10))
      #expect(await child.line().contains(#""id":2"#))
    }
    let large = try await clock.measure {
      try child.send(Self.call(id: 3, noteBytes: 1_000_000))
      let answer = await child.line()
      #expect(answer.contains(#""id":3"#) && answer.contains("invalidText"))
    }
    // The SDK's own reader took about 20 s for 1 MB; linear reading takes well under 2 s.
    #expect(large < .seconds(2), "small \(small), 1 MB \(large)")
    #expect(await child.finish() == 0)
    try? FileManager.default.removeItem(at: fixture.folder)
  }

  @Test func aMessageOverTheLimitIsRefusedAndTheSessionGoesOn() async throws {
    let fixture = try await Fixture()
    await fixture.store.shutdown()
    let child = try Child([
      "--store", fixture.folder.path, "--agent-source", Fixture.agent.rawValue,
      "--max-message-bytes", "65536",
    ])
    try child.send(Self.initialize)
    _ = await child.line()
    try child.send(Self.call(id: 2, noteBytes: 100_000))
    let refusal = await child.line()
    #expect(refusal.contains("-32600") && refusal.contains("65536 bytes"), "\(refusal)")
    try child.send(#"{"jsonrpc":"2.0","id":3,"method":"ping"}"#)
    #expect(await child.line().contains(#""id":3"#))
    #expect(await child.finish() == 0)
    try? FileManager.default.removeItem(at: fixture.folder)
  }

  @Test func helpExitsZeroWithTheUsage() async throws {
    let child = try Child(["--help"])
    let usage = await child.line()
    #expect(usage.hasPrefix("usage: selfmodel-mcp"))
    #expect(await child.finish() == 0)
  }
}
