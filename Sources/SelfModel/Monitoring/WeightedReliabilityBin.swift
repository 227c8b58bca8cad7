/// One non-empty bin of a ``CalibrationMonitor``'s reliability diagram: like
/// ``ReliabilityBin``, but its pairs carry decay weights, so it reports their total
/// ``weight`` instead of a count.
///
/// ```swift
/// let bin = summary.bins[0]
/// bin.observedFrequency - bin.meanProbability  // the bin's gap, weighted by recency
/// ```
public struct WeightedReliabilityBin: Sendable, Hashable, Codable {
  /// The bin's position, from 0 (probabilities near 0) to 9 (near 1).
  public let index: Int
  /// The bin's lower edge (included), as ``ReliabilityBin/lower``.
  public let lower: Double
  /// The bin's upper edge (excluded, except for the last bin).
  public let upper: Double
  /// The decayed weight of the bin's pairs, `sum_i w_i`.
  public let weight: Double
  /// The weighted mean of the bin's (clipped) predictions, `sum w p / sum w`.
  public let meanProbability: Double
  /// The weighted fraction of the bin's outcomes that were `true`, `sum w y / sum w`.
  public let observedFrequency: Double

  /// The absolute calibration gap `|observedFrequency - meanProbability|` of the bin.
  public var calibrationGap: Double { abs(observedFrequency - meanProbability) }
}
