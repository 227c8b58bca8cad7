import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `PostgresWriterChild` process, launched with a pipe on its standard output.
final class WriterProcess: @unchecked Sendable {
  // @unchecked: one test task owns each instance and reads it from one task at a time.
  let process = Process()
  private let output = Pipe()
  private var buffer: [UInt8] = []

  /// The child binary, next to the test binary in the build products folder.
  static var executable: URL {
    let me =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: me).deletingLastPathComponent()
      .appendingPathComponent("PostgresWriterChild")
  }

  init(schema: String, tag: String, items: Int, users: [String]) throws {
    process.executableURL = Self.executable
    process.arguments = [schema, tag, "\(items)"] + users
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

  /// Every "ack" line until end of file or `limit` acknowledgements, as (user, id) pairs.
  func acknowledgements(limit: Int = .max) -> [(String, String)] {
    var acks: [(String, String)] = []
    while acks.count < limit, let line = readLine() {
      let parts = line.split(separator: " ")
      if parts.count == 3, parts[0] == "ack" { acks.append((String(parts[1]), String(parts[2]))) }
    }
    return acks
  }

  /// ``acknowledgements(limit:)`` read on a thread of its own: the read blocks, and a
  /// blocked thread of Swift's small cooperative pool would stall every other task.
  func acknowledgementsOffPool(limit: Int = .max) async -> [(String, String)] {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: self.acknowledgements(limit: limit)) }.start()
    }
  }

  /// Waits for the child to exit on a thread of its own.
  func exitOffPool() async {
    await withCheckedContinuation { continuation in
      Thread {
        self.process.waitUntilExit()
        continuation.resume()
      }.start()
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
