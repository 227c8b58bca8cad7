import Hummingbird

/// Runs a handler under the server's request deadline: past it, the handler's task is
/// cancelled and the client gets a retryable 503 `requestTimeout` problem.
///
/// Cancellation stops what checks for it (reading a slow request body, sleeping, waiting for a
/// store's queue); a store write already under way finishes, and the answer waits for it, so a
/// timed-out request never leaves half a batch behind.
enum RequestDeadline {
  /// `body`'s response, or ``HTTPProblem/timedOut(after:)`` once `limit` has passed.
  static func run(
    _ limit: Duration, _ body: @escaping @Sendable () async throws -> Response
  ) async throws -> Response {
    try await withThrowingTaskGroup(of: Response.self) { group in
      group.addTask { try await body() }
      group.addTask {
        try await Task.sleep(for: limit)
        throw HTTPProblem.timedOut(after: limit)
      }
      defer { group.cancelAll() }
      guard let first = try await group.next() else { throw HTTPProblem.timedOut(after: limit) }
      return first
    }
  }
}
