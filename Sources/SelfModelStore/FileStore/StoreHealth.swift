import SelfModel
import Synchronization

/// Whether a ``FileStore`` is open and still trusted to write, shared by all its workers.
///
/// Once a write or sync fails after bytes may have reached a file, the store cannot tell what
/// the disk holds (a failed `fsync` may have dropped dirty pages for good), so it never
/// retries: it records the first cause and refuses every later write with
/// ``StoreError/Code/storeFailed`` until it is reopened, which re-reads the files.
final class StoreHealth: Sendable {
  private struct State {
    var isClosed = false
    var failure: StoreError?
    var lock: LockFile?
  }

  private let state = Mutex(State())

  /// The first failure, if any.
  var failure: StoreError? { state.withLock { $0.failure } }

  /// Throws ``StoreError/Code/closed`` once the store is closed.
  func checkOpen(_ operation: String, user: UserID?) throws(StoreError) {
    if state.withLock({ $0.isClosed }) {
      throw StoreError(.closed, operation: operation, user: user)
    }
  }

  /// Throws ``StoreError/Code/closed`` or ``StoreError/Code/storeFailed``; the latter also
  /// when the watched lock file was deleted or replaced (the store then stops writing).
  func checkWritable(_ operation: String, user: UserID?) throws(StoreError) {
    let current = state.withLock { $0 }
    if current.isClosed { throw StoreError(.closed, operation: operation, user: user) }
    if let cause = current.failure {
      throw StoreError(
        .storeFailed, operation: operation, user: user, path: cause.path, errno: cause.errno,
        detail: "an earlier write failed and was not retried: \(cause.description)")
    }
    do {
      try current.lock?.verify()
    } catch {
      markFailed(error)
      try checkWritable(operation, user: user)
    }
  }

  /// Checks `lock` before every write from now on (see ``LockFile/verify()``).
  func watch(_ lock: LockFile) {
    state.withLock { $0.lock = lock }
  }

  /// Records `error` as the reason the store stopped writing (the first one wins).
  ///
  /// - Returns: Whether this was the first failure.
  @discardableResult
  func markFailed(_ error: StoreError) -> Bool {
    state.withLock { state in
      guard state.failure == nil else { return false }
      state.failure = error
      return true
    }
  }

  /// Marks the store closed; returns whether it was open.
  func close() -> Bool {
    state.withLock { state in
      defer { state.isClosed = true }
      return !state.isClosed
    }
  }
}
