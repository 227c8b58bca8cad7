public import Logging
public import ServiceLifecycle

/// The first step of graceful shutdown: marks the service draining (``DrainState``) and
/// waits `period` while in-flight requests finish and keep-alive clients are told to go
/// (503 `draining`, `Connection: close`); then the server stops and the stores close.
///
/// A service group shuts its services down in reverse order, so list it after the
/// application:
///
/// ```swift
/// let group = ServiceGroup(configuration: .init(
///   services: [app, DrainService(state: drain, period: .seconds(5), logger: logger)],
///   gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
/// try await group.run()
/// ```
public struct DrainService: Service {
  /// The state the routes read.
  let state: DrainState
  /// How long to drain before the server stops.
  let period: Duration
  /// Where to report draining.
  let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - state: The state shared with the application.
  ///   - period: How long to drain.
  ///   - logger: Where to report draining.
  public init(state: DrainState, period: Duration, logger: Logger) {
    self.state = state
    self.period = period
    self.logger = logger
  }

  /// Waits for graceful shutdown, then drains for the period (or until cancelled).
  public func run() async throws {
    try? await gracefulShutdown()
    state.beginDraining()
    logger.info("draining for \(period)")
    try? await Task.sleep(for: period)
  }
}
