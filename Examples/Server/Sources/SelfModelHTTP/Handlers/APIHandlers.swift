import Foundation
import SelfModel
import SelfModelStore

/// The handlers of the API: each reads its input (``RequestInput``), makes one or two calls
/// to the store or the library, and encodes the library's response value. No handler computes
/// a belief itself. The routes that call them are listed in one place, ``APIRoutes``.
struct APIHandlers: Sendable {
  /// The store every handler works on.
  let store: any UserModelStore
  /// The time to evaluate and record at: the server's clock, a fixed one in tests.
  let clock: @Sendable () -> Date
  /// Body and parameter limits.
  let limits: RequestLimits

  /// The default credible level of intervals in estimates and explanations.
  static let defaultLevel = 0.9
}
