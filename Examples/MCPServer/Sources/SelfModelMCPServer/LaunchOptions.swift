import Foundation
import SelfModel

/// The command line, parsed by hand (the package needs no argument parser for five flags).
struct LaunchOptions {
  static let usage = """
    usage: selfmodel-mcp --store DIR --agent-source ID [--agent-source ID ...]
                         [--http PORT --tokens FILE] [--demo] [--now ISO8601]
    """

  var store = ""
  var agentSources: [SourceID] = []
  var httpPort: Int?
  var tokensFile: String?
  var demo = false
  /// A fixed clock, for reproducible runs and benchmarks; `nil` reads the system clock.
  var now: Date?

  init(_ arguments: ArraySlice<String>) throws(LaunchError) {
    var rest = arguments
    while let flag = rest.popFirst() {
      switch flag {
      case "--demo": demo = true
      case "--store": store = try Self.value(flag, &rest)
      case "--tokens": tokensFile = try Self.value(flag, &rest)
      case "--now":
        let text = try Self.value(flag, &rest)
        guard let date = Timestamp.date(from: text) else {
          throw LaunchError("--now needs an ISO 8601 time, not \(text)")
        }
        now = date
      case "--http":
        guard let port = Int(try Self.value(flag, &rest)), (1...65_535).contains(port) else {
          throw LaunchError("--http needs a port number")
        }
        httpPort = port
      case "--agent-source":
        let raw = try Self.value(flag, &rest)
        guard let id = try? SourceID(raw) else { throw LaunchError("invalid source id \(raw)") }
        agentSources.append(id)
      default: throw LaunchError("unknown argument \(flag)")
      }
    }
    guard !store.isEmpty else { throw LaunchError("--store is required") }
    if demo && agentSources.isEmpty { agentSources = [Demo.agentSource] }
    guard !agentSources.isEmpty else { throw LaunchError("give at least one --agent-source") }
    guard (httpPort == nil) == (tokensFile == nil) else {
      throw LaunchError("--http and --tokens go together")
    }
  }

  private static func value(_ flag: String, _ rest: inout ArraySlice<String>) throws(LaunchError)
    -> String
  {
    guard let value = rest.popFirst() else { throw LaunchError("\(flag) needs a value") }
    return value
  }
}
