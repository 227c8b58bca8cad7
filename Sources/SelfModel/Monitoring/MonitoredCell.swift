/// Where a ``CalibrationMonitor`` files a pair besides its overall sums: a belief over every
/// context (`context == nil`), or a belief in one context.
///
/// ```swift
/// let cell = MonitoredCell(belief: "mastery", context: "type:TMA")
/// ```
public struct MonitoredCell: Sendable, Hashable, Codable, Comparable {
  /// The belief.
  public let belief: BeliefKey
  /// The context, or `nil` for the belief over every context.
  public let context: ContextID?

  /// Creates a cell.
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - context: The context, or `nil` for the belief over every context.
  public init(belief: BeliefKey, context: ContextID?) {
    self.belief = belief
    self.context = context
  }

  /// Belief first, then the belief's own cell before its contexts, then context order.
  public static func < (lhs: MonitoredCell, rhs: MonitoredCell) -> Bool {
    if lhs.belief != rhs.belief { return lhs.belief < rhs.belief }
    switch (lhs.context, rhs.context) {
    case (nil, nil): return false
    case (nil, _): return true
    case (_, nil): return false
    case (let left?, let right?): return left < right
    }
  }
}
