import Hummingbird
import NIOCore
import NIOPosix
import Synchronization

/// Runs a handler under the server's request deadline, on the service's ``WorkExecutor``:
/// past the deadline the handler's task is cancelled and the client gets a retryable 503
/// `requestTimeout` problem at once, whether or not the handler has stopped.
///
/// A JSON request body is read before, by ``collect(_:upTo:within:)``, in the request's own
/// task: a handler left running past the deadline must not read the connection's stream after
/// the answer. Cancellation stops what checks for it (sleeping, waiting for a store's queue, a
/// handler still queued for a work thread, an import's streamed body); a computation or a store write
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
    // One task per request: the handler, which delivers its own result. The deadline is a
    // timer on one of SwiftNIO's event loops (a heap entry, no task and no sleeping thread).
    let work = Task(executorPreference: executor) {
      do {
        try Task.checkCancellation()
        race.finish(.success(try await body()))
      } catch {
        race.finish(.failure(error))
      }
    }
    let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: timeAmount(limit)) {
      race.finish(.failure(HTTPProblem.timedOut(after: limit)))
      work.cancel()
    }
    defer { timer.cancel() }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { race.wait($0) }
    } onCancel: {
      work.cancel()
      race.finish(.failure(CancellationError()))
    }
  }

  /// `body` collected, at most `limit` bytes (413 past that), or ``HTTPProblem/timedOut(after:)``
  /// once `deadline` has passed: the read is cancelled by a timer on an event loop and awaited
  /// before this returns (SwiftNIO's read stops on cancellation), so nothing reads the
  /// connection's stream after the answer.
  static func collect(
    _ body: RequestBody, upTo limit: Int, within deadline: Duration
  ) async throws -> ByteBuffer {
    let reading = Task { try await body.collect(upTo: limit) }
    let expired = Expiry()
    let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: timeAmount(deadline)) {
      expired.flag.store(true, ordering: .releasing)
      reading.cancel()
    }
    defer { timer.cancel() }
    do {
      return try await withTaskCancellationHandler {
        try await reading.value
      } onCancel: {
        reading.cancel()
      }
    } catch {
      if expired.flag.load(ordering: .acquiring) { throw HTTPProblem.timedOut(after: deadline) }
      throw error
    }
  }

  /// Whether a body's deadline passed.
  private final class Expiry: Sendable {
    let flag = Atomic<Bool>(false)
  }

  /// `duration` in SwiftNIO's unit, whole nanoseconds.
  private static func timeAmount(_ duration: Duration) -> TimeAmount {
    let (seconds, attoseconds) = duration.components
    let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
    guard !overflow else { return .nanoseconds(Int64.max) }
    return .nanoseconds(
      nanoseconds.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue)
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
