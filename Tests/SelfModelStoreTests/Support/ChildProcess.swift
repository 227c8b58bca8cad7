import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `StoreCrashChild` executable, launched with a pipe on its standard output.
final class ChildProcess {
  let process = Process()
  private let output = Pipe()
  private var buffer: [UInt8] = []

  /// The child binary, next to the test bundle in the build products folder.
  static var executable: URL {
    Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("StoreCrashChild")
  }

  init(arguments: [String]) throws {
    process.executableURL = Self.executable
    process.arguments = arguments
    process.standardOutput = output
    process.standardError = FileHandle.standardError
    try process.run()
  }

  /// The next line of output, or `nil` at end of file. Blocks.
  func readLine() -> String? {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        let line = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return line
      }
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { return nil }
      buffer.append(contentsOf: chunk)
    }
  }

  /// Kills the child with SIGKILL and waits for it.
  func kill() {
    if process.isRunning { killProcess(process.processIdentifier) }
    process.waitUntilExit()
  }
}

/// Sends SIGKILL to `pid`: the C library's `kill`, which the method `kill()` shadows by name.
private func killProcess(_ pid: Int32) {
  _ = kill(pid, SIGKILL)
}
