public import Foundation

/// How evidence revises beliefs: the prior's weight, how fast evidence fades, how far each
/// source is trusted and how much one source may contribute.
///
/// The policy is a plain value. Changing it and calling ``UserModel/replacePolicy(_:)`` refolds
/// the ledger, so a tuned policy applies to all past evidence as well.
///
/// Half-life resolution for an evidence item about belief `b` from a source of kind `k`:
/// `halfLifeByBelief[b] ?? halfLifeBySourceKind[k] ?? defaultHalfLife`; `nil` means no decay.
/// An item's tally contribution is multiplied by `2^(-(now - observedAt) / halfLife)`.
///
/// ```swift
/// var policy = RevisionPolicy()
/// policy.halfLifeBySourceKind[.behavior] = 14 * 86_400   // clicks fade in two weeks
/// policy.maximumContributionPerSource = 10                // no source outweighs 10 observations
/// ```
public struct RevisionPolicy: Sendable, Hashable {
  /// The prior weight `W > 0` (default 2, the non-informative prior of subjective logic).
  public var priorWeight: Double
  /// The half-life, in seconds, for evidence that no more specific rule covers; `nil` = none.
  public var defaultHalfLife: TimeInterval?
  /// Half-lives, in seconds, per source kind.
  public var halfLifeBySourceKind: [SourceKind: TimeInterval]
  /// Half-lives, in seconds, per belief; these win over the per-kind ones.
  public var halfLifeByBelief: [BeliefKey: TimeInterval]
  /// Reliabilities that replace a source's own ``Source/reliability``.
  public var reliabilityOverrides: [SourceID: Double]
  /// The most (decayed, reliability-weighted) observations one source can contribute to one
  /// belief; a source above the cap has its contribution scaled down to it. `nil` = no cap.
  public var maximumContributionPerSource: Double?
  /// How far in the future (seconds after `now`) an evidence time may lie, for clock skew
  /// (default 300, at most 86,400: one day).
  public var futureTolerance: TimeInterval

  /// Creates a policy. Call ``validate()`` (the model does) to check it.
  ///
  /// - Parameters:
  ///   - priorWeight: `W`, default 2.
  ///   - defaultHalfLife: Seconds, or `nil` for no decay.
  ///   - halfLifeBySourceKind: Seconds per kind.
  ///   - halfLifeByBelief: Seconds per belief.
  ///   - reliabilityOverrides: Reliability per source, each in `0...1`.
  ///   - maximumContributionPerSource: The per-source cap, or `nil`.
  ///   - futureTolerance: Seconds of allowed clock skew, default 300.
  public init(
    priorWeight: Double = 2, defaultHalfLife: TimeInterval? = nil,
    halfLifeBySourceKind: [SourceKind: TimeInterval] = [:],
    halfLifeByBelief: [BeliefKey: TimeInterval] = [:],
    reliabilityOverrides: [SourceID: Double] = [:],
    maximumContributionPerSource: Double? = nil, futureTolerance: TimeInterval = 300
  ) {
    self.priorWeight = priorWeight
    self.defaultHalfLife = defaultHalfLife
    self.halfLifeBySourceKind = halfLifeBySourceKind
    self.halfLifeByBelief = halfLifeByBelief
    self.reliabilityOverrides = reliabilityOverrides
    self.maximumContributionPerSource = maximumContributionPerSource
    self.futureTolerance = futureTolerance
  }

  /// Checks every number: the prior weight, half-lives and cap finite and greater than 0,
  /// reliabilities in `0...1`, the tolerance finite, not negative and at most a day.
  ///
  /// - Throws: The ``ModelError`` naming the first bad field.
  public func validate() throws(ModelError) {
    try Check.positive(priorWeight, field: "priorWeight")
    if let defaultHalfLife { try Check.positive(defaultHalfLife, field: "defaultHalfLife") }
    for (kind, value) in halfLifeBySourceKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      try Check.positive(value, field: "halfLifeBySourceKind[\(kind.rawValue)]")
    }
    for (key, value) in halfLifeByBelief.sorted(by: { $0.key < $1.key }) {
      try Check.positive(value, field: "halfLifeByBelief[\(key)]")
    }
    for (id, value) in reliabilityOverrides.sorted(by: { $0.key < $1.key }) {
      try Check.unitInterval(value, field: "reliabilityOverrides[\(id)]")
    }
    if let cap = maximumContributionPerSource {
      try Check.positive(cap, field: "maximumContributionPerSource")
    }
    try Check.finite(futureTolerance, field: "futureTolerance")
    guard futureTolerance >= 0, futureTolerance <= Check.maximumFutureTolerance else {
      throw .numberOutOfRange(
        field: "futureTolerance", value: futureTolerance, allowed: "0...86400 (one day)")
    }
  }

  /// The half-life that applies to evidence about `belief` from a source of `kind`.
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - kind: The source's kind.
  /// - Returns: Seconds, or `nil` for no decay.
  public func halfLife(for belief: BeliefKey, sourceKind kind: SourceKind) -> TimeInterval? {
    halfLifeByBelief[belief] ?? halfLifeBySourceKind[kind] ?? defaultHalfLife
  }

  /// The reliability that applies to `source`: its override, or its own.
  ///
  /// - Parameter source: The source.
  /// - Returns: A number in `0...1`.
  public func reliability(of source: Source) -> Double {
    reliabilityOverrides[source.id] ?? source.reliability
  }
}

extension RevisionPolicy: Codable {
  private enum CodingKeys: String, CodingKey {
    case priorWeight, defaultHalfLife, halfLifeBySourceKind, halfLifeByBelief
    case reliabilityOverrides, maximumContributionPerSource, futureTolerance
  }

  /// Decodes a policy; every missing field takes its default, so documents written before a
  /// field existed still read. The result is validated.
  ///
  /// - Throws: A `DecodingError`; a validation failure is `dataCorrupted` at its coding path,
  ///   with the ``ModelError`` as underlying error (see ``ModelError/init(unwrapping:)``).
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      priorWeight: try container.decodeIfPresent(Double.self, forKey: .priorWeight) ?? 2,
      defaultHalfLife: try container.decodeIfPresent(Double.self, forKey: .defaultHalfLife),
      halfLifeBySourceKind: try container.decodeIfPresent(
        [SourceKind: Double].self, forKey: .halfLifeBySourceKind) ?? [:],
      halfLifeByBelief: try container.decodeIfPresent(
        [BeliefKey: Double].self, forKey: .halfLifeByBelief) ?? [:],
      reliabilityOverrides: try container.decodeIfPresent(
        [SourceID: Double].self, forKey: .reliabilityOverrides) ?? [:],
      maximumContributionPerSource: try container.decodeIfPresent(
        Double.self, forKey: .maximumContributionPerSource),
      futureTolerance: try container.decodeIfPresent(Double.self, forKey: .futureTolerance) ?? 300)
    try DecodingError.validating(decoder) { try validate() }
  }

  /// Encodes every field.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(priorWeight, forKey: .priorWeight)
    try container.encodeIfPresent(defaultHalfLife, forKey: .defaultHalfLife)
    try container.encode(halfLifeBySourceKind, forKey: .halfLifeBySourceKind)
    try container.encode(halfLifeByBelief, forKey: .halfLifeByBelief)
    try container.encode(reliabilityOverrides, forKey: .reliabilityOverrides)
    try container.encodeIfPresent(
      maximumContributionPerSource, forKey: .maximumContributionPerSource)
    try container.encode(futureTolerance, forKey: .futureTolerance)
  }
}
