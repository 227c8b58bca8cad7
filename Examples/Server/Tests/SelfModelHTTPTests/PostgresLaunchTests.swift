import Foundation
import Testing

/// `selfmodel-server --postgres` refuses a bad URL or tenant layout before it opens anything:
/// a message on standard error, exit status 1, no crash and no password.
@Suite struct PostgresLaunchTests {
  /// The built `selfmodel-server`, next to the test binary.
  static var executable: URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
      .deletingLastPathComponent().appendingPathComponent("selfmodel-server")
  }

  /// Runs the server with `arguments` and `tenants` in `SELFMODEL_TOKENS`; its exit status
  /// and standard error.
  static func launch(
    _ arguments: [String], tenants: [String] = ["acme"], environment: [String: String] = [:]
  ) async throws -> (status: Int32, error: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments + ["--port", "0", "--drain-seconds", "0"]
    let entries = tenants.enumerated().map { index, tenant in
      #"{"tenant": "\#(tenant)", "tokens": ["token-\#(index)-abcdefghijklmnopqrstuvwxyz0123"]}"#
    }
    process.environment = environment.merging(
      ["SELFMODEL_TOKENS": #"{"tenants": [\#(entries.joined(separator: ","))]}"#]
    ) { given, _ in given }
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Read and waited for off the cooperative pool: a launch that waits for a database holds
    // its reader 10 s, and two such readers on the pool's two threads stalled every other
    // test in the process.
    let data = await withCheckedContinuation { continuation in
      DispatchQueue.global().async {
        let data = (try? errors.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        continuation.resume(returning: data)
      }
    }
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func aBadURLStopsTheLaunchWithoutShowingThePassword() async throws {
    let (status, error) = try await Self.launch([
      "--postgres", "postgres://app:hunter2@127.0.0.1:1/app?sslmode=maybe",
    ])
    #expect(status == 1)
    #expect(error.contains("the PostgreSQL URL has sslmode=maybe; use disable or require"))
    #expect(!error.contains("hunter2"))
  }

  @Test func theURLCanComeFromTheEnvironment() async throws {
    let (status, error) = try await Self.launch(
      [], environment: ["SELFMODEL_POSTGRES_URL": "postgres://app:hunter2@db"])
    #expect(status == 1)
    #expect(error.contains("the PostgreSQL URL names no database"))
    #expect(!error.contains("hunter2"))
  }

  @Test func tenantsThatWouldShareASchemaStopTheLaunch() async throws {
    let (status, error) = try await Self.launch(
      ["--postgres", "postgres://app@127.0.0.1:1/app?sslmode=disable"],
      tenants: ["acme-eu", "acme_eu"])
    #expect(status == 1)
    #expect(error.contains("would share the PostgreSQL schema selfmodel_acme_eu"))
  }

  /// Nothing listens on port 1: the launch stops at the store's time limit (10 s), naming
  /// the tenant and the database without its password.
  @Test func aDatabaseThatDoesNotAnswerStopsTheLaunchAtTheTimeLimit() async throws {
    let started = ContinuousClock.now
    let (status, error) = try await Self.launch([
      "--postgres", "postgres://app:hunter2@127.0.0.1:1/app?sslmode=disable",
    ])
    #expect(status == 1)
    #expect(
      error.contains(
        "the store of tenant acme on PostgreSQL postgres://app@127.0.0.1:1/app?sslmode=disable"))
    #expect(!error.contains("hunter2"))
    #expect(ContinuousClock.now - started < .seconds(30))
  }

  @Test func envWithoutPGHOSTStopsTheLaunch() async throws {
    let (status, error) = try await Self.launch(["--postgres", "env"])
    #expect(status == 1)
    #expect(error.contains("--postgres env needs PGHOST"))
  }
}
