import SelfModelStore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Holds a ``FaultInjectingFileSystem``'s syncs while closed, for tests of what must not wait
/// for a sync in flight.
///
/// ```swift
/// fileSystem.gate.hold()
/// // … start a write; wait until `fileSystem.gate.heldCount > 0`; read …
/// fileSystem.gate.release()
/// ```
package final class SynchronizationGate: Sendable {
  private struct State {
    var isHolding = false
    var held = 0
  }

  private let state = Mutex(State())

  /// Creates an open gate.
  package init() {}

  /// Makes later syncs wait until ``release()``.
  package func hold() { state.withLock { $0.isHolding = true } }

  /// Lets every waiting and later sync through.
  package func release() { state.withLock { $0.isHolding = false } }

  /// The syncs waiting at the gate now.
  package var heldCount: Int { state.withLock { $0.held } }

  /// Returns once the gate is open, polling every millisecond.
  func pass() {
    var isCounted = false
    while true {
      let mustWait = state.withLock { state in
        if state.isHolding {
          if !isCounted { state.held += 1 }
          return true
        }
        if isCounted { state.held -= 1 }
        return false
      }
      guard mustWait else { return }
      isCounted = true
      usleep(1_000)
    }
  }
}
