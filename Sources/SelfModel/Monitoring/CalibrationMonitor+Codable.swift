import Foundation

extension CalibrationMonitor: Codable {
  private enum CodingKeys: String, CodingKey {
    case halfLife, falseAlarmRate, minimumEffectiveCount, referenceTime, overall, cells
  }

  /// One cell's sums, as encoded.
  private struct Entry: Codable {
    let cell: MonitoredCell
    let sums: DecayedCalibration
  }

  /// Decodes a monitor, validating its settings as ``init(halfLife:falseAlarmRate:minimumEffectiveCount:)``
  /// does and its sums (finite, not negative, 10 bins).
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError.dataCorrupted` carrying the ``ModelError`` of a bad value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self = try DecodingError.validating(decoder) {
      try CalibrationMonitor(
        halfLife: container.decodeIfPresent(TimeInterval.self, forKey: .halfLife),
        falseAlarmRate: container.decode(Double.self, forKey: .falseAlarmRate),
        minimumEffectiveCount: container.decode(Double.self, forKey: .minimumEffectiveCount))
    }
    let reference = try container.decodeIfPresent(Date.self, forKey: .referenceTime)
    if let reference {
      try DecodingError.validating(decoder) {
        try Check.time(reference.timeIntervalSinceReferenceDate, field: "reference time")
      }
    }
    referenceTime = reference
    overall = try container.decode(DecayedCalibration.self, forKey: .overall)
    for entry in try container.decode([Entry].self, forKey: .cells) {
      cells[entry.cell] = entry.sums
    }
  }

  /// Encodes the settings, the reference time and every cell's sums.
  ///
  /// - Parameter encoder: The encoder.
  /// - Throws: The encoder's errors.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(halfLife, forKey: .halfLife)
    try container.encode(falseAlarmRate, forKey: .falseAlarmRate)
    try container.encode(minimumEffectiveCount, forKey: .minimumEffectiveCount)
    try container.encodeIfPresent(referenceTime, forKey: .referenceTime)
    try container.encode(overall, forKey: .overall)
    let entries = cells.keys.sorted().map { Entry(cell: $0, sums: cells[$0, default: .init()]) }
    try container.encode(entries, forKey: .cells)
  }
}
