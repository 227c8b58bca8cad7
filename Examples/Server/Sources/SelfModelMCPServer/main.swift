// The `selfmodel-mcp` executable: the SelfModel MCP server over a FileStore.
//
//   selfmodel-mcp --store DIR --catalogue catalogue.json --agent-source agent:assistant  (stdio)
//   selfmodel-mcp --store DIR --agent-source agent:assistant --http 8080 --tokens tokens.json
//
// The store's catalogue must list every --agent-source (kind behavior, modelInference or
// thirdParty, never userStated). Logs go to standard error; standard output is the protocol.
import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore

let options: LaunchOptions
do {
  options = try LaunchOptions(CommandLine.arguments.dropFirst())
} catch {
  FileHandle.standardError.write(Data("selfmodel-mcp: \(error)\n\(LaunchOptions.usage)\n".utf8))
  exit(2)
}
if options.help {
  print(LaunchOptions.usage)
  exit(0)
}

do {
  try await Launcher.run(options)
} catch {
  FileHandle.standardError.write(Data("selfmodel-mcp: \(error)\n".utf8))
  exit(1)
}
