import Foundation
import PostgresNIO
import SelfModelPostgres

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The second throwaway server `Scripts/with-postgres` offers through `SELFMODEL_PG_SPARE`,
/// for a test that restarts its server: the other tests keep the main server.
///
/// Each command runs as a child process with no descriptor of this process's but a log file,
/// and is waited for with a deadline: past it the child is killed and the command fails.
enum SpareServer {
  static let command = ProcessInfo.processInfo.environment["SELFMODEL_PG_SPARE"]
  static var isAvailable: Bool { command != nil }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Starts the server; the configuration that reaches it.
  static func start() async throws -> PostgresClient.Configuration {
    let output = try await run("start", timeout: .seconds(60))
    let fields = output.split(whereSeparator: \.isWhitespace).map(String.init)
    let environment =
      fields.count == 2
      ? ["PGHOST": fields[0], "PGPORT": fields[1], "PGUSER": "postgres", "PGDATABASE": "postgres"]
      : [:]
    guard let configuration = PostgresClient.Configuration.fromEnvironment(environment) else {
      throw Failure(description: "spare start printed \(output)")
    }
    return configuration
  }

  /// Runs `spare <verb>`; its output. Throws if it fails or outlives `timeout`.
  @discardableResult
  static func run(_ verb: String, timeout: Duration) async throws -> String {
    guard let command else { throw Failure(description: "SELFMODEL_PG_SPARE is not set") }
    let log = FileManager.default.temporaryDirectory
      .appendingPathComponent("spare-\(verb)-\(UUID().uuidString).log").path
    defer { try? FileManager.default.removeItem(atPath: log) }
    let pid = try spawn([command, verb], output: log)
    let status = await wait(pid, timeout: timeout)
    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    guard let status else {
      throw Failure(description: "spare \(verb) took over \(timeout); killed. Output: \(output)")
    }
    guard status == 0 else {
      throw Failure(description: "spare \(verb) exited with \(status). Output: \(output)")
    }
    return output
  }

  /// Starts `arguments` with standard input from /dev/null and its output to `output`.
  static func spawn(_ arguments: [String], output: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
    guard result == 0 else {
      throw Failure(description: "cannot start \(arguments[0]): errno \(result)")
    }
    return pid
  }

  /// The exit status of `pid`, or `nil` after killing it at `timeout`. Polls, so no thread
  /// blocks in `waitpid`.
  static func wait(_ pid: pid_t, timeout: Duration) async -> Int32? {
    let deadline = ContinuousClock.now + timeout
    var status: Int32 = 0
    while ContinuousClock.now < deadline {
      if waitpid(pid, &status, WNOHANG) == pid {
        // WEXITSTATUS, or 128 + the signal that ended it, as a shell reports it.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
      }
      try? await Task.sleep(for: .milliseconds(20))
    }
    kill(pid, SIGKILL)
    _ = waitpid(pid, &status, 0)
    return nil
  }
}
