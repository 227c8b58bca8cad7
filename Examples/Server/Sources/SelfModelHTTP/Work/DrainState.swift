import Synchronization

/// Whether the service is shutting down: set once graceful shutdown begins (by
/// ``DrainService``), read by the readiness route (503 `draining`) and by the drain
/// middleware, which refuses new requests with 503 and `Retry-After` and closes each
/// keep-alive connection after its response.
///
/// ```swift
/// let drain = DrainState()
/// let app = SelfModelService.application(stores: stores, tokens: tokens,
///                                        configuration: configuration, logger: logger,
///                                        drain: drain)
/// ```
public final class DrainState: Sendable {
  private let draining = Atomic<Bool>(false)

  /// Creates a state that is not draining.
  public init() {}

  /// Whether shutdown has begun.
  public var isDraining: Bool { draining.load(ordering: .acquiring) }

  /// Marks the service draining; it stays so.
  public func beginDraining() { draining.store(true, ordering: .releasing) }
}
