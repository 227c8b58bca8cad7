package import SelfModelStore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ``FileSystem`` for tests that forwards to another one and makes chosen calls fail.
///
/// Calls are counted from ``init(wrapping:)`` or ``resetCount()``; ``close(_:)`` and
/// ``exists(_:)`` are neither counted nor faulted. An injected error fails the call without
/// forwarding it; ``Fault/shortWrite`` makes a write (or read) move half the bytes (at least
/// 1 when more than 1), and acts as `EIO` on other operations.
///
/// ```swift
/// let fileSystem = FaultInjectingFileSystem()
/// fileSystem.inject(.error(ENOSPC), atCall: 1, of: .write, persistent: true)
/// ```
package final class FaultInjectingFileSystem: FileSystem {
  /// The operations that can be counted and faulted.
  package enum Operation: String, Sendable, Hashable, CaseIterable {
    /// ``FileSystem/open(_:_:permissions:)``.
    case open
    /// ``FileSystem/write(_:_:)`` and ``FileSystem/write(_:_:at:)``.
    case write
    /// ``FileSystem/read(_:into:at:)``.
    case read
    /// ``FileSystem/size(_:)``.
    case size
    /// ``FileSystem/truncate(_:to:)``.
    case truncate
    /// ``FileSystem/synchronize(_:)``.
    case synchronize
    /// ``FileSystem/synchronizeData(_:)``.
    case synchronizeData
    /// ``FileSystem/rename(_:to:)``.
    case rename
    /// ``FileSystem/remove(_:)``.
    case remove
    /// ``FileSystem/makeDirectory(_:permissions:)``.
    case makeDirectory
    /// ``FileSystem/removeDirectory(_:)``.
    case removeDirectory
    /// ``FileSystem/contents(ofDirectory:)``.
    case contents
    /// ``FileSystem/lockExclusively(_:)``.
    case lock
    /// ``FileSystem/synchronizeDirectory(_:)``.
    case synchronizeDirectory
  }

  /// What an injected fault does.
  package enum Fault: Sendable, Hashable {
    /// The call fails with this `errno` (`EIO`, `ENOSPC`, `EINTR`, …) and does nothing.
    case error(Int32)
    /// A write or read moves half the bytes (at least 1 when more than 1).
    case shortWrite
  }

  /// One armed fault.
  private struct Armed {
    /// The fault.
    let fault: Fault
    /// The operation it targets, or `nil` for any.
    let operation: Operation?
    /// The count (overall, or of `operation`) at which it fires.
    let target: Int
    /// Whether it keeps firing after `target`.
    let persistent: Bool
  }

  /// Counters, log and armed faults.
  private struct State {
    /// Calls since the last reset.
    var callCount = 0
    /// Calls per operation since the fault counters started (never reset by `resetCount`).
    var perOperation: [Operation: Int] = [:]
    /// All calls ever, overall, for arming faults.
    var total = 0
    /// Operations seen since the last reset.
    var log: [Operation] = []
    /// The armed faults.
    var faults: [Armed] = []
  }

  /// The file system calls are forwarded to.
  let base: any FileSystem
  /// The mutable state.
  private let state = Mutex(State())
  /// Holds syncs while closed (open unless a test holds it).
  package let gate = SynchronizationGate()

  /// Wraps `base`.
  ///
  /// - Parameter base: The file system to forward to.
  package init(wrapping base: any FileSystem = POSIXFileSystem()) { self.base = base }

  /// Arms a fault for the `n`-th call from now (1-based), counted over all operations or only
  /// over `operation`; once, or for that call and every matching call after it.
  ///
  /// - Parameters:
  ///   - fault: What to do.
  ///   - n: Which call, from 1.
  ///   - operation: The operation to count, or `nil` for all.
  ///   - persistent: Keep failing from then on.
  package func inject(
    _ fault: Fault, atCall n: Int, of operation: Operation? = nil, persistent: Bool = false
  ) {
    precondition(n >= 1, "calls are counted from 1")
    state.withLock { state in
      let now = operation.map { state.perOperation[$0, default: 0] } ?? state.total
      state.faults.append(
        Armed(fault: fault, operation: operation, target: now + n, persistent: persistent))
    }
  }

  /// Disarms every fault.
  package func clearFaults() { state.withLock { $0.faults.removeAll() } }

  /// Calls since initialisation or the last ``resetCount()``.
  package var callCount: Int { state.withLock { $0.callCount } }

  /// Restarts ``callCount`` and ``log``; armed faults keep their targets.
  package func resetCount() {
    state.withLock { state in
      state.callCount = 0
      state.log.removeAll()
    }
  }

  /// The operations seen since initialisation or the last ``resetCount()``, in order.
  package var log: [Operation] { state.withLock { $0.log } }

  /// Counts a call and returns the fault that fires on it, if any.
  ///
  /// - Parameter operation: The call's operation.
  /// - Returns: The fault to apply.
  private func count(_ operation: Operation) -> Fault? {
    state.withLock { state in
      state.callCount += 1
      state.total += 1
      state.perOperation[operation, default: 0] += 1
      state.log.append(operation)
      let own = state.perOperation[operation, default: 0]
      var fired: Fault?
      state.faults.removeAll { armed in
        guard armed.operation == nil || armed.operation == operation else { return false }
        let position = armed.operation == nil ? state.total : own
        let fires = position == armed.target || (armed.persistent && position > armed.target)
        if fires, fired == nil { fired = armed.fault }
        return fires && !armed.persistent
      }
      return fired
    }
  }

  /// Counts a call and throws its injected error, if any; returns a short-write fault.
  func check(_ operation: Operation, path: @autoclosure () -> String?) throws(StoreError)
    -> Bool
  {
    switch count(operation) {
    case nil: return false
    case .error(let number):
      throw .system(
        operation.rawValue, path: path(), errno: number,
        detail: "injected fault: \(String(cString: strerror(number)))")
    case .shortWrite:
      guard operation == .write || operation == .read else {
        throw .system(operation.rawValue, path: path(), errno: EIO, detail: "injected fault")
      }
      return true
    }
  }

  /// Half of `count`, at least 1 when `count` > 1.
  static func shortened(_ count: Int) -> Int { count > 1 ? max(count / 2, 1) : count }
}
