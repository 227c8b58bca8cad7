/// Validation helpers shared by the model's throwing initialisers. Each throws the
/// ``ModelError`` that names the field.
package enum Check {
  static let maximumStatementLength = 1_000
  static let maximumOutcomeLength = 64
  static let maximumNoteLength = 4_096
  static let maximumMetadataEntries = 32
  static let maximumMetadataKeyLength = 128
  static let maximumMetadataValueLength = 1_024
  /// The most plain observations one evidence item may be worth. It keeps `T` far below 2^53,
  /// where `(t + W a) / (T + W)` would round to exactly 0 or 1.
  static let maximumWeight = 1_000_000.0
  /// The furthest a time may lie from 2001-01-01 (seconds, about 317 years either way: 1684 to
  /// 2318). Decay raises 2 to `(now - observedAt) / halfLife`; without a bound, a time such as
  /// `1e300` turns every tally of its belief into infinity and its probabilities into NaN.
  static let maximumTimeMagnitude = 1e10
  /// The most clock skew a policy may tolerate (one day, in seconds).
  static let maximumFutureTolerance = 86_400.0

  /// A finite time within ``maximumTimeMagnitude`` of the reference date.
  static func time(_ value: Double, field: @autoclosure () -> String) throws(ModelError) {
    try finite(value, field: field())
    guard abs(value) <= maximumTimeMagnitude else {
      throw .numberOutOfRange(
        field: field(), value: value,
        allowed: "within 1e10 seconds of 2001-01-01 (years 1684 to 2318)")
    }
  }

  package static func finite(_ value: Double, field: @autoclosure () -> String) throws(ModelError) {
    guard value.isFinite else { throw .nonFiniteNumber(field: field()) }
  }

  static func unitInterval(_ value: Double, field: @autoclosure () -> String) throws(ModelError) {
    guard value.isFinite else { throw .nonFiniteNumber(field: field()) }
    guard (0...1).contains(value) else {
      throw .numberOutOfRange(field: field(), value: value, allowed: "0...1")
    }
  }

  /// A prior weight: finite, greater than 0 and at most ``RevisionPolicy/maximumPriorWeight``.
  static func priorWeight(_ value: Double, field: @autoclosure () -> String) throws(ModelError) {
    try positive(value, field: field())
    guard value <= RevisionPolicy.maximumPriorWeight else {
      throw .numberOutOfRange(
        field: field(), value: value, allowed: "0 < priorWeight <= 1000000000")
    }
  }

  package static func positive(_ value: Double, field: @autoclosure () -> String) throws(ModelError)
  {
    guard value.isFinite else { throw .nonFiniteNumber(field: field()) }
    guard value > 0 else {
      throw .numberOutOfRange(field: field(), value: value, allowed: "greater than 0")
    }
  }

  /// Not empty or all whitespace, at most `maximum` UTF-8 bytes, no control characters.
  static func text(_ text: String, field: @autoclosure () -> String, maximum: Int)
    throws(ModelError)
  {
    if text.allSatisfy(\.isWhitespace) {
      throw .invalidText(field: field(), reason: "it is empty")
    }
    let length = text.utf8.count
    if length > maximum {
      throw .invalidText(field: field(), reason: "it is \(length) bytes; the maximum is \(maximum)")
    }
    if text.unicodeScalars.contains(where: isControl) {
      throw .invalidText(field: field(), reason: "it contains a control character")
    }
  }

  /// C0 and C1 control characters and DEL, except newline and tab.
  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) && scalar != "\n"
      && scalar != "\t"
  }

  /// A probability vector: every entry finite and in 0...1, summing to 1 within 1e-9.
  static func distribution(_ values: [Double], field: @autoclosure () -> String) throws(ModelError)
  {
    var sum = 0.0
    for (index, value) in values.enumerated() {
      try unitInterval(value, field: "\(field())[\(index)]")
      sum += value
    }
    guard abs(sum - 1) <= 1e-9 else {
      throw .invalidDistribution(field: field(), reason: "it sums to \(sum), not 1")
    }
  }
}
