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
/// the answer. A handler that streams its body reads it inside ``BodyReading/during(_:)``, and
/// an answer at the deadline waits for that read to stop. Cancellation stops what checks for it (sleeping, waiting for a store's queue, a
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
    let watch = BodyReading(race)
    // One task per request: the handler, which delivers its own result. The deadline is a
    // timer on one of SwiftNIO's event loops (a heap entry, no task and no sleeping thread).
    let work = Task(executorPreference: executor) {
      do {
        try Task.checkCancellation()
        let response = try await BodyReading.$current.withValue(watch) { try await body() }
        race.finish(.success(response))
      } catch {
        race.finish(.failure(error))
      }
    }
    let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: timeAmount(limit)) {
      // Ended first, then cancelled: the handler's read, stopping on the cancellation, must
      // find the request ended and deliver the timeout rather than its own error.
      watch.expire(HTTPProblem.timedOut(after: limit))
      work.cancel()
    }
    defer { timer.cancel() }
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { race.wait($0) }
    } onCancel: {
      watch.expire(CancellationError())
      work.cancel()
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

/// A handler's reads of the request body, which an early answer waits for.
///
/// A handler that streams its body (an import in the lines form) reads it inside
/// ``during(_:)``. When the deadline or the client's cancellation ends the request while such
/// a read is under way, the answer waits until the read has stopped (the handler's task is
/// cancelled first, and SwiftNIO's read stops on cancellation), because Hummingbird reads what
/// is left of the body once the answer is written and SwiftNIO allows one reader of it. A read
/// that would start after the request has ended is refused with `CancellationError`.
final class BodyReading: Sendable {
  /// The reads of the request whose handler runs in this task, if it runs under
  /// ``RequestDeadline/run(_:on:_:)``.
  @TaskLocal static var current: BodyReading?

  private struct State {
    var reading = 0
    var ended: (any Error)?
  }

  private let state = Mutex(State())
  private let race: Race

  fileprivate init(_ race: Race) {
    self.race = race
  }

  /// Runs `read`, which reads the request body, so that no answer is sent while it runs; with
  /// no deadline around the handler, just runs it.
  static func during<T>(_ read: () async throws -> T) async throws -> T {
    guard let watch = current else { return try await read() }
    try watch.begin()
    do {
      let value = try await read()
      watch.end()
      return value
    } catch {
      watch.end()
      throw error
    }
  }

  /// Ends the request with `error`: now, or once the read under way has stopped. The first
  /// ending counts.
  fileprivate func expire(_ error: any Error) {
    let now = state.withLock { state -> Bool in
      guard state.ended == nil else { return false }
      state.ended = error
      return state.reading == 0
    }
    if now { race.finish(.failure(error)) }
  }

  private func begin() throws {
    let ended = state.withLock { state -> Bool in
      guard state.ended == nil else { return true }
      state.reading += 1
      return false
    }
    if ended { throw CancellationError() }
  }

  private func end() {
    let ended = state.withLock { state -> (any Error)? in
      state.reading -= 1
      return state.reading == 0 ? state.ended : nil
    }
    // Delivered before the handler goes on, so its own later result cannot come first.
    if let ended { race.finish(.failure(ended)) }
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
