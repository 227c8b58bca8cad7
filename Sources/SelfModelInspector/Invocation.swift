import Foundation

/// A parsed command line: `selfmodel STORE COMMAND [ARGUMENTS] [--json] [--at TIME]
/// [--replace]`. Options may appear anywhere after the program name.
struct Invocation: Sendable {
  /// A command-line mistake, reported with the usage and exit code 2.
  struct UsageError: Error, CustomStringConvertible {
    let description: String
  }

  /// The store folder.
  var store: String
  /// The subcommand.
  var command: String
  /// The subcommand's positional arguments.
  var arguments: [String]
  /// Print JSON instead of text.
  var json = false
  /// The time to evaluate beliefs at (`--at`), or `nil` for the current time.
  var at: Date?
  /// Let `import` replace an existing user (`--replace`).
  var replacing = false

  /// Parses the arguments after the program name.
  ///
  /// - Parameter arguments: The arguments.
  /// - Throws: ``UsageError`` for an unknown option, a missing value or too few arguments.
  init(parsing arguments: [String]) throws(UsageError) {
    var positional: [String] = []
    var json = false
    var at: Date?
    var replacing = false
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      switch argument {
      case "--json": json = true
      case "--replace": replacing = true
      case "--at":
        guard let value = rest.popFirst() else {
          throw UsageError(description: "--at needs a time")
        }
        at = try Self.time(value)
      default:
        guard !argument.hasPrefix("--") else {
          throw UsageError(description: "unknown option \(argument)")
        }
        positional.append(argument)
      }
    }
    guard positional.count >= 2 else {
      throw UsageError(description: "expected a store folder and a command")
    }
    self.store = positional[0]
    self.command = positional[1]
    self.arguments = Array(positional.dropFirst(2))
    self.json = json
    self.at = at
    self.replacing = replacing
  }

  /// A time given as ISO 8601 (`2025-01-31T12:00:00Z`) or as Unix seconds.
  static func time(_ text: String) throws(UsageError) -> Date {
    if let seconds = Double(text), seconds.isFinite { return Date(timeIntervalSince1970: seconds) }
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    throw UsageError(description: "cannot read the time \(text) (ISO 8601 or Unix seconds)")
  }

  /// The positional argument at `index`, named `name` in the error if it is missing.
  func argument(_ index: Int, _ name: String) throws(UsageError) -> String {
    guard index < arguments.count else {
      throw UsageError(description: "\(command) needs \(name)")
    }
    return arguments[index]
  }
}
