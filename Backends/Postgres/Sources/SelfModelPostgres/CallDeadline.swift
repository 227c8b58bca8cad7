import Synchronization

/// Runs a call's body with a time limit that holds even if the body ignores cancellation
/// (a query on a connection the server stopped answering): at the deadline the caller gets
/// its error, the body is cancelled and its late result dropped.
final class CallDeadline<Value: Sendable>: Sendable {
  private struct State {
    var continuation: CheckedContinuation<Value, any Error>?
    var timer: Task<Void, Never>?
    var work: Task<Void, Never>?
  }

  private let state = Mutex(State())

  static func run(
    _ limit: Duration, onTimeout: @escaping @Sendable () -> any Error,
    _ body: @escaping @Sendable () async throws -> Value
  ) async throws -> Value {
    let deadline = CallDeadline<Value>()
    return try await withCheckedThrowingContinuation { continuation in
      deadline.state.withLock { $0.continuation = continuation }
      let work = Task {
        do {
          deadline.finish(.success(try await body()))
        } catch {
          deadline.finish(.failure(error))
        }
      }
      let timer = Task {
        guard (try? await Task.sleep(for: limit)) != nil else { return }
        deadline.finish(.failure(onTimeout()))
      }
      deadline.state.withLock { state in
        state.work = work
        state.timer = timer
      }
    }
  }

  /// Resumes the caller with the first outcome; cancels the other side.
  private func finish(_ outcome: Result<Value, any Error>) {
    let (continuation, timer, work) = state.withLock { state in
      defer { state.continuation = nil }
      return (state.continuation, state.timer, state.work)
    }
    guard let continuation else { return }
    timer?.cancel()
    if case .failure = outcome { work?.cancel() }
    continuation.resume(with: outcome)
  }
}
