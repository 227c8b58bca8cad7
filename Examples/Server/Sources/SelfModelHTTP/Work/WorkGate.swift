import Synchronization

/// At most `permits` runs of a kind of long work at once (an import's decoding and refold,
/// which a store cannot interrupt), so that the ``WorkExecutor``'s other threads stay free for
/// other requests. Waiters suspend (they hold no thread) and are served first come, first
/// served; a waiter cancelled by its deadline leaves without running its work.
final class WorkGate: Sendable {
  private struct State {
    var free: Int
    var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    var nextID = 0
  }

  private let state: Mutex<State>

  /// A gate letting `permits` (at least 1) runs through at once.
  init(permits: Int) {
    state = Mutex(State(free: max(1, permits)))
  }

  /// Runs `work` once a permit is free; throws `CancellationError` if the task is cancelled
  /// while it waits.
  func run<T: Sendable>(_ work: () async throws -> T) async throws -> T {
    try await acquire()
    defer { release() }
    try Task.checkCancellation()
    return try await work()
  }

  private func acquire() async throws {
    let id = state.withLock { state in
      state.nextID += 1
      return state.nextID
    }
    try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation {
        (continuation: CheckedContinuation<Void, any Error>) in
        // Checked under the lock: a cancellation whose handler found no waiter to remove has
        // set the task's flag before it took the lock, so it is seen here and the task does
        // not wait for a permit it no longer wants.
        let admitted = state.withLock { state -> Bool? in
          if Task.isCancelled { return nil }
          if state.free > 0 {
            state.free -= 1
            return true
          }
          state.waiters.append((id, continuation))
          return false
        }
        switch admitted {
        case nil: continuation.resume(throwing: CancellationError())
        case true?: continuation.resume()
        case false?: break
        }
      }
    } onCancel: {
      let waiter = state.withLock { state in
        state.waiters.firstIndex { $0.id == id }.map { state.waiters.remove(at: $0) }
      }
      waiter?.continuation.resume(throwing: CancellationError())
    }
  }

  private func release() {
    let next = state.withLock { state in
      guard !state.waiters.isEmpty else {
        state.free += 1
        return nil as CheckedContinuation<Void, any Error>?
      }
      return state.waiters.removeFirst().continuation
    }
    next?.resume()
  }
}
