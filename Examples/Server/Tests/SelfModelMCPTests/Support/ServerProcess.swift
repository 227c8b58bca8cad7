import Foundation
import MCP
import SystemPackage

/// The built `selfmodel-mcp` executable, launched on a store folder, with a client talking to
/// it over its standard input and output.
final class ServerProcess: @unchecked Sendable {  // one test uses it at a time
  let process = Process()
  private let toServer = Pipe()
  private let fromServer = Pipe()

  /// The executable, next to the test binary in the build products folder.
  static var executable: URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("selfmodel-mcp")
  }

  init(arguments: [String]) throws {
    process.executableURL = Self.executable
    process.arguments = arguments
    process.standardInput = toServer
    process.standardOutput = fromServer
    process.standardError = FileHandle.standardError
    try process.run()
  }

  /// A client connected over the child's stdio.
  func client() async throws -> Client {
    let transport = StdioTransport(
      input: FileDescriptor(rawValue: fromServer.fileHandleForReading.fileDescriptor),
      output: FileDescriptor(rawValue: toServer.fileHandleForWriting.fileDescriptor))
    let client = Client(name: "stdio-tests", version: "1")
    _ = try await client.connect(transport: transport)
    return client
  }

  /// Closes the child's input (end of session) and waits, off the cooperative pool, for it to
  /// exit.
  func finish() async -> Int32 {
    try? toServer.fileHandleForWriting.close()
    return await offPool {
      self.process.waitUntilExit()
      return self.process.terminationStatus
    }
  }
}
