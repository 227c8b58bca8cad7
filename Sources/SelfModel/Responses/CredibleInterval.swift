/// A range of probabilities or scores in a response value: `{"lower": …, "upper": …}`, with
/// the credibility `level` when it is a credible interval.
///
/// ```swift
/// let interval = CredibleInterval(try estimate.credibleInterval(for: "true", level: 0.9), level: 0.9)
/// ```
public struct CredibleInterval: Sendable, Hashable, Codable {
  /// The lower bound.
  public let lower: Double
  /// The upper bound.
  public let upper: Double
  /// The credibility of the interval (such as 0.9), or `nil` for a plain range.
  public let level: Double?

  /// Creates an interval from a range.
  ///
  /// - Parameters:
  ///   - range: The bounds.
  ///   - level: The credibility, or `nil` for a plain range.
  public init(_ range: ClosedRange<Double>, level: Double? = nil) {
    lower = range.lowerBound
    upper = range.upperBound
    self.level = level
  }
}
