import Hummingbird
import Synchronization

/// Runs a handler under the server's request deadline, on the service's ``WorkExecutor``:
/// past the deadline the handler's task is cancelled and the client gets a retryable 503
/// `requestTimeout` problem at once, whether or not the handler has stopped.
///
/// Cancellation stops what checks for it (reading a slow request body, sleeping, waiting for a
/// store's queue, a handler still queued for a work thread); a computation or a store write
/// already under way finishes in the background, its result dropped. A store write is all or
/// nothing, so a timed-out request never leaves half a batch behind, but it may have been
/// written: clients retry with the same evidence ids, which count once. What a computation can
/// cost is bounded by the limits on what a request may ask (Docs/Server.md, "Bounded work").
enum RequestDeadline {
  /// `body`'s response, or ``HTTPProblem/timedOut(after:)`` once `limit` has passed.
  static func run(
    _ limit: Duration, on executor: WorkExecutor,
    _ body: @escaping @Sendable () async throws -> Response
  ) async throws -> Response {
    let race = Race()
    let work = Task(executorPreference: executor) {
      try Task.checkCancellation()
      return try await body()
    }
    let timer = Task {
      try await Task.sleep(for: limit)
      race.finish(.failure(HTTPProblem.timedOut(after: limit)))
      work.cancel()
    }
    Task {
      let result = await work.result
      timer.cancel()
      race.finish(result)
    }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { race.wait($0) }
    } onCancel: {
      work.cancel()
      timer.cancel()
      race.finish(.failure(CancellationError()))
    }
  }
}

/// The first of a handler's result, its deadline and its client's cancellation; the others
/// are dropped.
private final class Race: Sendable {
  private enum State {
    case idle
    case waiting(CheckedContinuation<Response, any Error>)
    case finished(Result<Response, any Error>)
    case delivered
  }

  private let state = Mutex<State>(.idle)

  /// Resumes `continuation` with the first result, now if there is one already.
  func wait(_ continuation: CheckedContinuation<Response, any Error>) {
    let ready = state.withLock { state -> Result<Response, any Error>? in
      guard case .finished(let result) = state else {
        state = .waiting(continuation)
        return nil
      }
      state = .delivered
      return result
    }
    if let ready { continuation.resume(with: ready) }
  }

  /// Delivers `result` if nothing came first.
  func finish(_ result: Result<Response, any Error>) {
    let waiting = state.withLock { state -> CheckedContinuation<Response, any Error>? in
      switch state {
      case .idle:
        state = .finished(result)
        return nil
      case .waiting(let continuation):
        state = .delivered
        return continuation
      case .finished, .delivered:
        return nil
      }
    }
    waiting?.resume(with: result)
  }
}
