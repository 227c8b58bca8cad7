import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SelfModelHTTP
import SelfModelStore

/// `selfmodel-server`: the reference HTTP service over a `FileStore`. Each flag falls back to
/// an environment variable, then to a default.
@main
struct ServerCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "selfmodel-server",
    abstract: "Serves SelfModel's FileStore over a JSON HTTP API (see Docs/Server.md).")

  @Option(help: "The data folder, created if missing (env SELFMODEL_DATA).")
  var data: String?

  @Option(help: "The address to listen on (env SELFMODEL_HOST; default 127.0.0.1).")
  var host: String?

  @Option(help: "The port to listen on (env SELFMODEL_PORT; default 8080).")
  var port: Int?

  @Option(help: "The largest request body in bytes (env SELFMODEL_MAX_BODY; default 1 MiB).")
  var maxBody: Int?

  @Option(help: "synchronous, groupCommit or deferred (env SELFMODEL_DURABILITY).")
  var durability: String?

  @Option(help: "trace, debug, info, notice, warning, error (env LOG_LEVEL; default info).")
  var logLevel: String?

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    var configuration = ServerConfiguration(
      dataFolder: data ?? environment["SELFMODEL_DATA"] ?? "selfmodel-server-data")
    configuration.host = host ?? environment["SELFMODEL_HOST"] ?? configuration.host
    configuration.port = port ?? environment["SELFMODEL_PORT"].flatMap(Int.init) ?? 8080
    configuration.maximumBodyBytes =
      maxBody ?? environment["SELFMODEL_MAX_BODY"].flatMap(Int.init)
      ?? configuration.maximumBodyBytes
    if let name = durability ?? environment["SELFMODEL_DURABILITY"] {
      guard let mode = Durability(rawValue: name) else {
        throw ValidationError("unknown durability \(name)")
      }
      configuration.durability = mode
    }
    var logger = Logger(label: "selfmodel-server")
    let level = logLevel ?? environment["LOG_LEVEL"] ?? "info"
    guard let parsed = Logger.Level(rawValue: level) else {
      throw ValidationError("unknown log level \(level)")
    }
    logger.logLevel = parsed
    let store = try SelfModelService.openStore(configuration, logger: logger)
    logger.info(
      "serving \(configuration.dataFolder) on \(configuration.host):\(configuration.port)")
    let app = SelfModelService.application(
      store: store, configuration: configuration, logger: logger)
    try await app.runService()
  }
}
