import Foundation
import SelfModel

/// The command line, parsed by hand (the package needs no argument parser for a few flags).
struct LaunchOptions {
  static let usage = """
    usage: selfmodel-mcp --store DIR [--catalogue FILE] --agent-source ID [--agent-source ID ...]
                         [--allow-create-users] [--http PORT --tokens FILE]
                         [--session-timeout SECONDS] [--max-message-bytes N]
                         [--demo] [--now ISO8601] [--help]

      --store DIR            the FileStore folder (created if missing)
      --catalogue FILE       publish this catalogue JSON at start (unless the store already
                             has the same content); its sources must list each --agent-source
      --agent-source ID      a source agents write as (kind behavior, modelInference or
                             thirdParty in the catalogue, never userStated); the first is the default
      --allow-create-users   offer the tool create_user (within a token's users over HTTP)
      --http PORT            serve Streamable HTTP on 127.0.0.1:PORT instead of stdio
      --tokens FILE          bearer tokens: {"tokens": [{"token": "...", "users": ["u1"]}]}
                             ("*" for every user; tokens of at least 24 characters)
      --session-timeout S    close an HTTP session after S seconds without a request (1800)
      --max-message-bytes N  the largest message or HTTP body accepted (4194304)
      --demo                 publish a three-belief catalogue (agent source agent:assistant)
                             if the store has none, and create user demo
      --now ISO8601          a fixed clock, for reproducible runs
      --help                 print this and exit
    """

  var store = ""
  var catalogueFile: String?
  var agentSources: [SourceID] = []
  var allowsCreatingUsers = false
  var httpPort: Int?
  var tokensFile: String?
  var sessionTimeout = 1_800
  var maximumMessageBytes = 4 << 20
  var demo = false
  var help = false
  /// A fixed clock, for reproducible runs and benchmarks; `nil` reads the system clock.
  var now: Date?

  init(_ arguments: ArraySlice<String>) throws(LaunchError) {
    var rest = arguments
    while let flag = rest.popFirst() {
      switch flag {
      case "--help", "-h": help = true
      case "--demo": demo = true
      case "--allow-create-users": allowsCreatingUsers = true
      case "--store": store = try Self.value(flag, &rest)
      case "--catalogue": catalogueFile = try Self.value(flag, &rest)
      case "--tokens": tokensFile = try Self.value(flag, &rest)
      case "--now": now = try Self.date(flag, &rest)
      case "--http": httpPort = try Self.number(flag, &rest, 1...65_535)
      case "--session-timeout": sessionTimeout = try Self.number(flag, &rest, 1...604_800)
      case "--max-message-bytes":
        maximumMessageBytes = try Self.number(flag, &rest, 1_024...(1 << 30))
      case "--agent-source":
        let raw = try Self.value(flag, &rest)
        guard let id = try? SourceID(raw) else { throw LaunchError("invalid source id \(raw)") }
        agentSources.append(id)
      default: throw LaunchError("unknown argument \(flag)")
      }
    }
    if help { return }
    try check()
  }

  private mutating func check() throws(LaunchError) {
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

  private static func number(
    _ flag: String, _ rest: inout ArraySlice<String>, _ range: ClosedRange<Int>
  ) throws(LaunchError) -> Int {
    guard let number = Int(try value(flag, &rest)), range.contains(number) else {
      throw LaunchError("\(flag) needs a whole number in \(range.lowerBound)...\(range.upperBound)")
    }
    return number
  }

  private static func date(_ flag: String, _ rest: inout ArraySlice<String>) throws(LaunchError)
    -> Date
  {
    let text = try value(flag, &rest)
    guard let date = Timestamp.date(from: text) else {
      throw LaunchError("\(flag) needs an ISO 8601 time, not \(text)")
    }
    return date
  }
}
