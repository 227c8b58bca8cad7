public import SelfModelStore
import Synchronization

/// One backend under test for one check of ``StoreConformance``: how to open handles on it,
/// what it promises, and how to clean it up.
///
/// A *handle* is one store value, as one server instance would hold. ``open()`` is called once
/// for the check's first handle, again for a second handle on the same data (the multi-instance
/// checks), and again after every handle was shut down (the reopen check). Handles the suite
/// opens are shut down by the suite, then ``tearDown()`` runs, even when the check fails.
///
/// ```swift
/// let backend = ConformanceBackend(traits: .init(isPersistent: true, sharing: .exclusive)) {
///   try FileStore(at: folder)
/// } tearDown: {
///   try FileManager.default.removeItem(atPath: folder)
/// }
/// ```
public struct ConformanceBackend: Sendable {
  /// What the backend promises, which decides the checks that apply to it.
  public let traits: ConformanceTraits
  private let opener: @Sendable () async throws -> any UserModelStore
  private let cleaner: @Sendable () async throws -> Void

  /// Creates a backend.
  ///
  /// - Parameters:
  ///   - traits: What the backend promises.
  ///   - open: Opens a new handle on the backend's data (for an in-memory store, hand out the
  ///     same instance each time).
  ///   - tearDown: Removes the backend's data (a folder, a database schema); runs after every
  ///     handle is shut down.
  public init(
    traits: ConformanceTraits, open: @escaping @Sendable () async throws -> any UserModelStore,
    tearDown: @escaping @Sendable () async throws -> Void = {}
  ) {
    self.traits = traits
    self.opener = open
    self.cleaner = tearDown
  }

  /// Opens a new handle on the backend's data.
  ///
  /// - Returns: The handle.
  /// - Throws: Whatever the `open` closure throws.
  public func open() async throws -> any UserModelStore { try await opener() }

  /// Removes the backend's data.
  ///
  /// - Throws: Whatever the `tearDown` closure throws.
  public func tearDown() async throws { try await cleaner() }
}

/// The handles one check opened, so that the suite can shut every one down.
final class ConformanceHandles: Sendable {
  private let handles = Mutex<[any UserModelStore]>([])

  func add(_ handle: any UserModelStore) {
    handles.withLock { $0.append(handle) }
  }

  func shutdownAll() async {
    let all = handles.withLock { $0 }
    for handle in all { await handle.shutdown() }
  }
}
