public import Foundation
import Synchronization

/// A clock for tests that moves only when told to.
///
/// The `SelfModel` core never reads the time: every call that needs it takes a `now`. Code under
/// test that asks "what time is it?" can hold a `ManualClock` and advance it explicitly, so a test
/// of decay over thirty days runs in microseconds and gives the same answer every time.
///
/// ```swift
/// let clock = ManualClock(start: Date(timeIntervalSince1970: 1_700_000_000))
/// clock.advance(byDays: 30)
/// let estimate = try model.estimate(for: key, at: clock.now)
/// ```
public final class ManualClock: Sendable {
  private let current: Mutex<Date>

  /// Creates a clock that reads `start` until advanced.
  ///
  /// - Parameter start: The first time the clock reports.
  public init(start: Date) {
    current = Mutex(start)
  }

  /// The current time of this clock.
  public var now: Date { current.withLock { $0 } }

  /// Moves the clock forward (or backward, for a negative interval) by `interval` seconds.
  ///
  /// - Parameter interval: Seconds to add.
  public func advance(by interval: TimeInterval) {
    current.withLock { $0 += interval }
  }

  /// Moves the clock forward by a number of days of 86,400 seconds.
  ///
  /// - Parameter days: Days to add.
  public func advance(byDays days: Double) {
    advance(by: days * 86_400)
  }

  /// Sets the clock to `date`.
  ///
  /// - Parameter date: The new current time.
  public func set(to date: Date) {
    current.withLock { $0 = date }
  }
}
