import Dispatch
import Synchronization

/// Runs async work from the tool's synchronous top level and waits for it.
enum Blocking {
  /// Runs `body` in a task and blocks the calling thread (the main thread, never a task)
  /// until it finishes.
  static func wait<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) throws
    -> Value
  {
    let result = Mutex<Result<Value, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
      let outcome: Result<Value, any Error>
      do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
      result.withLock { $0 = outcome }
      done.signal()
    }
    done.wait()
    guard let outcome = result.withLock({ $0 }) else { preconditionFailure("the task signalled") }
    return try outcome.get()
  }
}
