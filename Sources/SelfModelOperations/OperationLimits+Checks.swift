import SelfModel
import SelfModelStore

extension OperationLimits {
  /// `value` if it lies in `range`, else the typed error naming `field`.
  static func check(
    _ value: Int?, _ range: ClosedRange<Int>, field: String, operation: String, user: UserID?
  ) throws(StoreError) {
    guard let value, !range.contains(value) else { return }
    throw StoreError(
      .rejectedByModel, operation: operation, user: user,
      modelError: .numberOutOfRange(
        field: field, value: Double(value),
        allowed: "\(range.lowerBound)...\(range.upperBound)"))
  }

  /// A credible level in (0, 1), or the typed error.
  static func check(level: Double, operation: String, user: UserID?) throws(StoreError) {
    guard level.isFinite, level > 0, level < 1 else {
      throw StoreError(
        .rejectedByModel, operation: operation, user: user,
        modelError: .numberOutOfRange(field: "level", value: level, allowed: "(0, 1)"))
    }
  }

  /// A list no longer than `maximum`, or the typed error.
  static func check(
    count: Int, maximum: Int, field: String, operation: String, user: UserID?
  ) throws(StoreError) {
    guard count <= maximum else {
      throw StoreError(
        .rejectedByModel, operation: operation, user: user,
        modelError: .numberOutOfRange(
          field: field, value: Double(count), allowed: "at most \(maximum) items"))
    }
  }
}
