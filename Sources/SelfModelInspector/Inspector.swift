import Foundation
import SelfModel
import SelfModelStore

/// The `selfmodel` commands: each reads or changes one store folder and prints text or JSON.
enum Inspector {
  /// A command: runs an invocation and returns the exit code.
  typealias Command = @Sendable (Invocation) throws -> Int32

  /// Every subcommand by name. A new one is one line here plus its function.
  static let commands: [String: Command] = [
    "users": ReadCommands.users,
    "show": ReadCommands.show,
    "explain": ReadCommands.explain,
    "verify": ReadCommands.verify,
    "catalogue": ReadCommands.catalogue,
    "export": ReadCommands.export,
    "import": WriteCommands.importUser,
    "compact": WriteCommands.compact,
  ]

  /// Parses `arguments`, runs the command, reports errors; returns the exit code.
  static func run(_ arguments: [String]) -> Int32 {
    if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
      print(Help.text)
      return arguments.isEmpty ? 2 : 0
    }
    do {
      let invocation = try Invocation(parsing: arguments)
      guard let command = commands[invocation.command] else {
        throw Invocation.UsageError(description: "unknown command \(invocation.command)")
      }
      return try command(invocation)
    } catch let error as Invocation.UsageError {
      standardError("selfmodel: \(error.description)\n\n\(Help.text)")
      return 2
    } catch {
      standardError("selfmodel: \(error)")
      return 1
    }
  }

  /// Writes a line to standard error.
  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Prints `value` as one line of JSON, keys sorted.
  static func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
  }
}
