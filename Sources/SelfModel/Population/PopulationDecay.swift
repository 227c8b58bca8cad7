public import Foundation

/// How a population fit forgets: each outcome counts `2^(-age / halfLife)` of a trial, its
/// age measured from ``time``, the fit's time. Set it in
/// ``PopulationFitOptions/decay`` to fit priors that follow a population that moves.
///
/// The counts become fractional and the fit uses the Dirichlet-multinomial likelihood in its
/// Gamma form (`Docs/Population.md`, "Priors that forget"). An outcome observed after
/// ``time`` counts 1 (age 0).
///
/// ```swift
/// let decay = try PopulationDecay(halfLife: 30 * 86_400, at: now)
/// var fit = PopulationPriorFit(catalogue: catalogue, options: PopulationFitOptions(decay: decay))
/// ```
public struct PopulationDecay: Sendable, Hashable, Codable {
  /// The half-life of an outcome's weight, in seconds.
  public let halfLife: TimeInterval
  /// The fit's time, from which ages are measured.
  public let time: Date

  /// Creates a decay.
  ///
  /// - Parameters:
  ///   - halfLife: The half-life in seconds, finite and positive.
  ///   - time: The fit's time.
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad half-life or a time
  ///   beyond the model's bounds.
  public init(halfLife: TimeInterval, at time: Date) throws(ModelError) {
    try Check.positive(halfLife, field: "population half-life")
    try Check.time(time.timeIntervalSinceReferenceDate, field: "time of the population fit")
    self.halfLife = halfLife
    self.time = time
  }

  private enum CodingKeys: String, CodingKey { case halfLife, time }

  /// Decodes a decay, validating it as ``init(halfLife:at:)`` does.
  ///
  /// - Parameter decoder: The decoder.
  /// - Throws: `DecodingError.dataCorrupted` carrying the ``ModelError`` of a bad value.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let halfLife = try container.decode(TimeInterval.self, forKey: .halfLife)
    let time = try container.decode(Date.self, forKey: .time)
    self = try DecodingError.validating(decoder) { try Self(halfLife: halfLife, at: time) }
  }

  /// The weight of an outcome observed at `observed`: `2^(-max(0, time - observed) / halfLife)`.
  func weight(observedAt observed: Date) -> Double {
    exp2(-max(time.timeIntervalSince(observed), 0) / halfLife)
  }
}
