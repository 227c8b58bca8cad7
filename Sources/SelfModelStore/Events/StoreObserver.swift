import Synchronization

/// Receives a ``FileStore``'s ``StoreEvent``s: a closure, or an `AsyncStream` from
/// ``stream(bufferingPolicy:)``.
///
/// The store calls the closure synchronously on its worker threads, so it must be quick and
/// must not call the store (hand the event to a logger, a metrics counter or a stream).
/// Observers compare equal only to themselves (copies of one observer).
///
/// ```swift
/// let (events, observer) = StoreObserver.stream()
/// let store = try FileStore(at: folder, options: .init(observer: observer))
/// Task {
///   for await event in events { logger.notice("\(event)") }
/// }
/// ```
public struct StoreObserver: Sendable, Hashable {
  private final class Box: Sendable {
    let body: @Sendable (StoreEvent) -> Void
    init(_ body: @escaping @Sendable (StoreEvent) -> Void) { self.body = body }
  }

  private let box: Box

  /// Creates an observer that calls `body` with each event.
  ///
  /// ```swift
  /// let observer = StoreObserver { event in metrics.increment(event.kind.rawValue) }
  /// ```
  ///
  /// - Parameter body: Called on a store thread for each event; quick, never calling the store.
  public init(_ body: @escaping @Sendable (StoreEvent) -> Void) { box = Box(body) }

  /// An observer that yields every event to the returned stream; the stream finishes when
  /// the observer (every store holding it) is gone.
  ///
  /// ```swift
  /// let (events, observer) = StoreObserver.stream(bufferingPolicy: .bufferingNewest(1_000))
  /// ```
  ///
  /// - Parameter bufferingPolicy: What the stream keeps while nobody reads it. Default
  ///   unbounded.
  /// - Returns: The stream and the observer to put in ``FileStore/Options/observer``.
  public static func stream(
    bufferingPolicy: AsyncStream<StoreEvent>.Continuation.BufferingPolicy = .unbounded
  ) -> (AsyncStream<StoreEvent>, StoreObserver) {
    let (stream, continuation) = AsyncStream.makeStream(
      of: StoreEvent.self, bufferingPolicy: bufferingPolicy)
    let finisher = Finisher(continuation)
    return (stream, StoreObserver { finisher.continuation.yield($0) })
  }

  /// Delivers `event`.
  ///
  /// - Parameter event: The event.
  public func report(_ event: StoreEvent) { box.body(event) }

  /// Whether both are copies of one observer.
  public static func == (lhs: StoreObserver, rhs: StoreObserver) -> Bool { lhs.box === rhs.box }

  /// Hashes the observer's identity.
  ///
  /// - Parameter hasher: The hasher.
  public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(box)) }
}

/// Finishes a stream's continuation when the last observer holding it goes away.
private final class Finisher: Sendable {
  let continuation: AsyncStream<StoreEvent>.Continuation
  init(_ continuation: AsyncStream<StoreEvent>.Continuation) { self.continuation = continuation }
  deinit { continuation.finish() }
}
