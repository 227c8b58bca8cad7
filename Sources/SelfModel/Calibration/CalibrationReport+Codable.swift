extension CalibrationReport {
  private enum CodingKeys: String, CodingKey {
    case count, baseRate, brierScore, logLoss, unclippedLogLoss
    case expectedCalibrationError, topLabelCalibrationError, maximumCalibrationError
    case areaUnderCurve, bins
  }

  /// Decodes a report written by ``encode(to:)``.
  ///
  /// A `null` or missing `unclippedLogLoss` decodes as `+infinity`, and a `null` or missing
  /// `areaUnderCurve` as `nil`.
  ///
  /// - Parameter decoder: The decoder to read from.
  /// - Throws: The decoder's error when a field is missing or has the wrong type.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    count = try container.decode(Int.self, forKey: .count)
    baseRate = try container.decode(Double.self, forKey: .baseRate)
    brierScore = try container.decode(Double.self, forKey: .brierScore)
    logLoss = try container.decode(Double.self, forKey: .logLoss)
    unclippedLogLoss =
      try container.decodeIfPresent(Double.self, forKey: .unclippedLogLoss) ?? .infinity
    expectedCalibrationError = try container.decode(
      Double.self, forKey: .expectedCalibrationError)
    topLabelCalibrationError = try container.decode(
      Double.self, forKey: .topLabelCalibrationError)
    maximumCalibrationError = try container.decode(Double.self, forKey: .maximumCalibrationError)
    areaUnderCurve = try container.decodeIfPresent(Double.self, forKey: .areaUnderCurve)
    bins = try container.decode([ReliabilityBin].self, forKey: .bins)
  }

  /// Encodes the report so that any encoder accepts it, including a `JSONEncoder` with the
  /// default (throwing) non-conforming float strategy.
  ///
  /// An infinite ``unclippedLogLoss`` is written as `null`; a `nil` ``areaUnderCurve`` too.
  ///
  /// - Parameter encoder: The encoder to write to.
  /// - Throws: The encoder's error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(count, forKey: .count)
    try container.encode(baseRate, forKey: .baseRate)
    try container.encode(brierScore, forKey: .brierScore)
    try container.encode(logLoss, forKey: .logLoss)
    if unclippedLogLoss.isFinite {
      try container.encode(unclippedLogLoss, forKey: .unclippedLogLoss)
    } else {
      try container.encodeNil(forKey: .unclippedLogLoss)
    }
    try container.encode(expectedCalibrationError, forKey: .expectedCalibrationError)
    try container.encode(topLabelCalibrationError, forKey: .topLabelCalibrationError)
    try container.encode(maximumCalibrationError, forKey: .maximumCalibrationError)
    try container.encode(areaUnderCurve, forKey: .areaUnderCurve)
    try container.encode(bins, forKey: .bins)
  }
}
