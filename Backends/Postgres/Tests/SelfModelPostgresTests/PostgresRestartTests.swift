import Foundation
import SelfModel
import SelfModelPostgres
import SelfModelStore
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// PostgreSQL restarted in the middle of a load. Restarting breaks every other test's
/// connections, so it runs only when `SELFMODEL_PG_RESTARTABLE=1` says the server is this
/// test's alone (see the package README).
@Suite(
  .enabled(
    if: ProcessInfo.processInfo.environment["SELFMODEL_PG_RESTARTABLE"] == "1"
      && PostgresTestDatabase.isConfigured, "needs SELFMODEL_PG_RESTARTABLE=1 and PGHOST"))
struct PostgresRestartTests {
  static let now = Date(timeIntervalSinceReferenceDate: 780_000_000)

  @Test func restartMidLoadGivesRetryableErrorsAndLosesNoAcknowledgedWrite() async throws {
    let schema = PostgresTestDatabase.newSchema("restart")
    let store = try await PostgresTestDatabase.store(schema: schema, timeout: .seconds(5))
    let users = try (0..<8).map { try UserID("r-\($0)") }
    try await PostgresTestDatabase.makeUsers(users, in: store)
    let log = RestartLog()
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, user) in users.enumerated() {
        group.addTask { try await Self.write(60, tag: "w\(index)", to: user, store, log) }
      }
      group.addTask {
        while log.state.withLock({ $0.acked.count }) < 100 {
          try await Task.sleep(for: .milliseconds(5))
        }
        let status = await Self.pgCtl(["restart", "-m", "immediate", "-w", "-t", "60"])
        #expect(status == 0)
      }
      try await group.waitForAll()
    }
    let (acked, errors) = log.state.withLock { ($0.acked, $0.errors) }
    #expect(!errors.isEmpty, "the restart caused no error: the test saw nothing")
    let allRetryable = errors.allSatisfy { $0.isRetryable }
    #expect(allRetryable, "errors: \(errors)")
    #expect(errors.contains { $0.code == .connectionLost || $0.code == .timedOut })
    var stored: [String] = []
    for user in users { stored += try await store.model(for: user).evidence.map(\.id.rawValue) }
    #expect(stored.count == Set(stored).count)
    #expect(Set(acked).isSubset(of: Set(stored)))
    #expect(stored.count == 8 * 60)
    await store.shutdown()
    try await PostgresTestDatabase.dropSchema(schema)
  }

  /// Records `count` items for `user`, retrying retryable errors until each is acknowledged.
  static func write(
    _ count: Int, tag: String, to user: UserID, _ store: PostgresStore,
    _ log: RestartLog
  ) async throws {
    for index in 0..<count {
      let item = Evidence(
        id: try EvidenceID("\(tag)-\(index)"), belief: "preference.concise", content: .holds,
        source: "user", observedAt: now)
      while true {
        do throws(StoreError) {
          try await store.record(item, for: user, at: now)
          log.state.withLock { $0.acked.append(item.id.rawValue) }
          break
        } catch {
          log.state.withLock { $0.errors.append(error) }
          guard error.isRetryable else { throw error }
          try await Task.sleep(for: .milliseconds(50))
        }
      }
      try await Task.sleep(for: .milliseconds(2))
    }
  }

  /// Runs the server's pg_ctl on a thread of its own; returns its exit status.
  static func pgCtl(_ arguments: [String]) async -> Int32 {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: runPgCtl(arguments)) }.start()
    }
  }

  /// Runs pg_ctl with `system` (which reaps the child itself: Foundation's `Process` did
  /// not notice this child's exit here).
  static func runPgCtl(_ arguments: [String]) -> Int32 {
    let tool = ProcessInfo.processInfo.environment["SELFMODEL_PG_CTL"] ?? "pg_ctl"
    return system(([tool] + arguments).joined(separator: " ") + " >/dev/null")
  }
}

/// What the restart test's writers saw: acknowledged ids and every error.
final class RestartLog: Sendable {
  let state = Mutex<(acked: [String], errors: [StoreError])>(([], []))
}
