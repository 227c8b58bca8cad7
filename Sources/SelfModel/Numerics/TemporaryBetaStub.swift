/// Temporary.
public struct BetaDistribution: Sendable, Hashable, Codable {
  /// a
  public let alpha: Double
  /// b
  public let beta: Double
  /// init
  public init(alpha: Double, beta: Double) throws(ModelError) { self.alpha = alpha; self.beta = beta }
  /// i
  public func equalTailedInterval(level: Double) throws(ModelError) -> ClosedRange<Double> { 0...1 }
}
