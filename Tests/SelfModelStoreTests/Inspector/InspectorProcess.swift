import Foundation

/// Runs the built `selfmodel` binary and captures its output and exit code.
struct InspectorProcess {
  let status: Int32
  let output: String

  /// The binary, next to the test bundle in the build products folder.
  static var executable: URL {
    Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("selfmodel")
  }

  /// Runs `selfmodel` with `arguments` and waits for it.
  static func run(_ arguments: [String]) throws -> InspectorProcess {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return InspectorProcess(
      status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  /// The output parsed as a JSON object.
  func json() throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] ?? [:]
  }
}
