public import HummingbirdCore

/// When the server accepts a connection: while fewer than the limit are open and the service
/// is not draining. Past either, the listener stops reading its queue, so new connections wait
/// in the kernel (they cost the process no descriptor) and are taken once one closes, or are
/// refused when the listener closes at shutdown.
public struct ConnectionLimit: AvailableConnectionsDelegate {
  let maximum: Int
  let drain: DrainState
  var open = 0

  /// Creates the limit.
  ///
  /// - Parameters:
  ///   - maximum: The most connections open at once.
  ///   - drain: Whether the service drains.
  public init(maximum: Int, drain: DrainState) {
    self.maximum = maximum
    self.drain = drain
  }

  /// Counts an accepted connection.
  public mutating func connectionOpened() { open += 1 }

  /// Counts a closed connection.
  public mutating func connectionClosed() { open -= 1 }

  /// Whether to accept another connection now.
  public func isAcceptingNewConnections() -> Bool { open < maximum && !drain.isDraining }
}
