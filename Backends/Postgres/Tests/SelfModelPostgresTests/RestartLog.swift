import SelfModelStore
import Synchronization

/// What the restart test's clients saw (acknowledged ids and every error), and the deadline
/// past which they stop retrying and fail the test.
final class RestartLog: Sendable {
  struct State {
    var acked: [String] = []
    var errors: [StoreError] = []
    /// Whether the server's restart has finished.
    var restarted = false
  }

  struct DeadlinePassed: Error, CustomStringConvertible {
    var description: String
  }

  let state = Mutex(State())
  let deadline: ContinuousClock.Instant

  init(deadline: ContinuousClock.Instant) {
    self.deadline = deadline
  }

  /// Throws if the deadline has passed, saying what was still being waited for.
  func checkDeadline(_ waiting: String) throws {
    guard ContinuousClock.now >= deadline else { return }
    throw DeadlinePassed(description: "deadline passed \(waiting)")
  }

  /// Runs `body` until it succeeds, logging each error and retrying the retryable ones
  /// every 50 ms until the deadline. Throws a non-retryable error at once.
  @discardableResult
  func retrying<T: Sendable>(_ body: () async throws(StoreError) -> T) async throws -> T {
    while true {
      do throws(StoreError) {
        return try await body()
      } catch {
        state.withLock { $0.errors.append(error) }
        guard error.isRetryable else { throw error }
        try checkDeadline("still failing: \(error)")
        try await Task.sleep(for: .milliseconds(50))
      }
    }
  }
}
