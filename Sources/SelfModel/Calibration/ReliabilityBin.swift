/// One non-empty bin of a reliability diagram: the predictions whose probability fell into
/// `lower..<upper` (the last bin also includes `upper`), with their mean prediction and how
/// often the predicted event happened.
///
/// A well-calibrated predictor has `observedFrequency` close to `meanProbability` in every bin.
/// The edges are `numpy.linspace(0, 1, 11)` exactly, so `lower` of bin 3 is
/// `0.30000000000000004`; probabilities are clipped to `[eps, 1 - eps]` (`eps` =
/// ``CalibrationReport/clippingEpsilon``) before binning, as netcal does.
///
/// ```swift
/// let report = try CalibrationReport(probabilities: [0.8, 0.85], outcomes: [true, false])
/// report.bins[0].index  // 8
/// report.bins[0].observedFrequency  // 0.5
/// ```
public struct ReliabilityBin: Sendable, Hashable, Codable {
  /// The bin's position, from 0 (probabilities near 0) to 9 (near 1).
  public let index: Int
  /// The bin's lower edge (included).
  public let lower: Double
  /// The bin's upper edge (excluded, except for the last bin).
  public let upper: Double
  /// How many predictions fell into the bin, at least 1.
  public let count: Int
  /// The mean of the (clipped) predicted probabilities in the bin.
  public let meanProbability: Double
  /// The fraction of the bin's predictions whose outcome was `true`.
  public let observedFrequency: Double

  /// The absolute calibration gap `|observedFrequency - meanProbability|` of the bin.
  public var calibrationGap: Double { abs(observedFrequency - meanProbability) }
}
