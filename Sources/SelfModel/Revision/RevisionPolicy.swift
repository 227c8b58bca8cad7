public import Foundation

/// How evidence revises beliefs: the prior's weight, how fast evidence fades, how far each
/// source is trusted and how much one source may contribute.
///
/// The policy is a plain value. Changing it and calling ``UserModel/replacePolicy(_:)`` refolds
/// the ledger, so a tuned policy applies to all past evidence as well.
///
/// Half-life resolution for an evidence item about belief `b` from source `s` of kind `k`, the
/// most specific rule first: `halfLifeBySource[s] ?? halfLifeByBelief[b] ??
/// halfLifeBySourceKind[k] ?? defaultHalfLife`; `nil` means no decay, and a per-source
/// ``HalfLife/noDecay`` switches decay off for that source whatever the other rules say. A
/// source's entry wins over a belief's because it names one channel, which is what
/// ``PolicyTuner`` tunes per source. An item's tally contribution is multiplied by
/// `2^(-(now - observedAt) / halfLife)`.
///
/// Reliability: ``reliabilityOverrides`` replace a source's own ``Source/reliability`` and may
/// exceed 1 (up to ``maximumReliability``), so that one source can weigh more than another. Only
/// ratios matter against the prior weight: multiplying every reliability and every `W` by the
/// same factor leaves every probability unchanged (when no cap applies).
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
  /// Half-lives per source, or ``HalfLife/noDecay``; these win over every other rule.
  public var halfLifeBySource: [SourceID: HalfLife]
  /// Reliabilities that replace a source's own ``Source/reliability``, each in
  /// `0...maximumReliability`: above 1, a source's observation counts as more than one plain
  /// observation.
  public var reliabilityOverrides: [SourceID: Double]
  /// The most (decayed, reliability-weighted) observations one source can contribute to one
  /// belief; a source above the cap has its contribution scaled down to it. `nil` = no cap.
  public var maximumContributionPerSource: Double?
  /// How far in the future (seconds after `now`) an evidence time may lie, for clock skew
  /// (default 300, at most 86,400: one day).
  public var futureTolerance: TimeInterval

  /// The largest reliability an override may give a source (1,000): relative weights of up to
  /// five orders of magnitude between sources, far from where tallies lose precision.
  public static let maximumReliability = 1_000.0

  /// The largest prior weight `W` a policy, a belief or a context may set (1e9).
  ///
  /// It bounds the work of every estimate: a credible interval's exact cost grows with the
  /// square root of the Beta shapes `t + W a`, and shapes above 1e6 use the bounded-time
  /// approximation of the Beta quantile (Docs/Math.md), so at this limit an interval stays
  /// well under a millisecond, where `W = 1e308` took minutes. Fitted and tuned context
  /// weights reach a few million on real data (the OULAD example's on-time contexts: 3e6),
  /// which is why the limit is not lower.
  public static let maximumPriorWeight = 1_000_000_000.0

  /// Creates a policy. Call ``validate()`` (the model does) to check it.
  ///
  /// - Parameters:
  ///   - priorWeight: `W`, default 2.
  ///   - defaultHalfLife: Seconds, or `nil` for no decay.
  ///   - halfLifeBySourceKind: Seconds per kind.
  ///   - halfLifeByBelief: Seconds per belief.
  ///   - halfLifeBySource: Half-life or no decay per source.
  ///   - reliabilityOverrides: Reliability per source, each in `0...maximumReliability`.
  ///   - maximumContributionPerSource: The per-source cap, or `nil`.
  ///   - futureTolerance: Seconds of allowed clock skew, default 300.
  public init(
    priorWeight: Double = 2, defaultHalfLife: TimeInterval? = nil,
    halfLifeBySourceKind: [SourceKind: TimeInterval] = [:],
    halfLifeByBelief: [BeliefKey: TimeInterval] = [:],
    halfLifeBySource: [SourceID: HalfLife] = [:],
    reliabilityOverrides: [SourceID: Double] = [:],
    maximumContributionPerSource: Double? = nil, futureTolerance: TimeInterval = 300
  ) {
    self.priorWeight = priorWeight
    self.defaultHalfLife = defaultHalfLife
    self.halfLifeBySourceKind = halfLifeBySourceKind
    self.halfLifeByBelief = halfLifeByBelief
    self.halfLifeBySource = halfLifeBySource
    self.reliabilityOverrides = reliabilityOverrides
    self.maximumContributionPerSource = maximumContributionPerSource
    self.futureTolerance = futureTolerance
  }

  /// Checks every number: the prior weight finite, greater than 0 and at most
  /// ``maximumPriorWeight``; half-lives and cap finite and greater than 0,
  /// reliability overrides finite and in `0...maximumReliability`, the tolerance finite, not
  /// negative and at most a day.
  ///
  /// - Throws: The ``ModelError`` naming the first bad field.
  public func validate() throws(ModelError) {
    try Check.priorWeight(priorWeight, field: "priorWeight")
    if let defaultHalfLife { try Check.positive(defaultHalfLife, field: "defaultHalfLife") }
    for (kind, value) in halfLifeBySourceKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      try Check.positive(value, field: "halfLifeBySourceKind[\(kind.rawValue)]")
    }
    for (key, value) in halfLifeByBelief.sorted(by: { $0.key < $1.key }) {
      try Check.positive(value, field: "halfLifeByBelief[\(key)]")
    }
    for (id, value) in halfLifeBySource.sorted(by: { $0.key < $1.key }) {
      if case .seconds(let seconds) = value {
        try Check.positive(seconds, field: "halfLifeBySource[\(id)]")
      }
    }
    for (id, value) in reliabilityOverrides.sorted(by: { $0.key < $1.key }) {
      let field = "reliabilityOverrides[\(id)]"
      try Check.finite(value, field: field)
      guard value >= 0, value <= Self.maximumReliability else {
        throw .numberOutOfRange(field: field, value: value, allowed: "0...1000")
      }
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

  /// The half-life that applies to evidence about `belief` from a source of `kind`, by the
  /// rules that do not name a source: `halfLifeByBelief`, then `halfLifeBySourceKind`, then
  /// `defaultHalfLife`.
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - kind: The source's kind.
  /// - Returns: Seconds, or `nil` for no decay.
  public func halfLife(for belief: BeliefKey, sourceKind kind: SourceKind) -> TimeInterval? {
    halfLifeByBelief[belief] ?? halfLifeBySourceKind[kind] ?? defaultHalfLife
  }

  /// The half-life that applies to evidence about `belief` from `source` (of `kind`):
  /// `halfLifeBySource[source]` when set (``HalfLife/noDecay`` gives `nil`), otherwise
  /// ``halfLife(for:sourceKind:)``.
  ///
  /// ```swift
  /// let policy = RevisionPolicy(
  ///   halfLifeBySourceKind: [.behavior: 86_400], halfLifeBySource: ["exams": .noDecay])
  /// policy.halfLife(for: "mastery", source: "exams", sourceKind: .behavior)  // nil
  /// policy.halfLife(for: "mastery", source: "clicks", sourceKind: .behavior)  // 86_400
  /// ```
  ///
  /// - Parameters:
  ///   - belief: The belief.
  ///   - source: The source's id.
  ///   - kind: The source's kind.
  /// - Returns: Seconds, or `nil` for no decay.
  public func halfLife(for belief: BeliefKey, source: SourceID, sourceKind kind: SourceKind)
    -> TimeInterval?
  {
    if let rule = halfLifeBySource[source] { return rule.timeInterval }
    return halfLife(for: belief, sourceKind: kind)
  }

  /// The reliability that applies to `source`: its override, or its own.
  ///
  /// - Parameter source: The source.
  /// - Returns: A number in `0...maximumReliability` (a source's own is at most 1).
  public func reliability(of source: Source) -> Double {
    reliabilityOverrides[source.id] ?? source.reliability
  }
}

extension RevisionPolicy {
  /// Whether the policy sets a half-life per source (``halfLifeBySource``): files that hold such
  /// a policy are written in a format that libraries predating it refuse, so the half-lives are
  /// never dropped silently.
  public var hasPerSourceHalfLives: Bool { !halfLifeBySource.isEmpty }
}

extension RevisionPolicy: Codable {
  private enum CodingKeys: String, CodingKey {
    case priorWeight, defaultHalfLife, halfLifeBySourceKind, halfLifeByBelief, halfLifeBySource
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
      halfLifeBySource: try container.decodeIfPresent(
        [SourceID: HalfLife].self, forKey: .halfLifeBySource) ?? [:],
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
    if !halfLifeBySource.isEmpty {
      try container.encode(halfLifeBySource, forKey: .halfLifeBySource)
    }
    try container.encode(reliabilityOverrides, forKey: .reliabilityOverrides)
    try container.encodeIfPresent(
      maximumContributionPerSource, forKey: .maximumContributionPerSource)
    try container.encode(futureTolerance, forKey: .futureTolerance)
  }
}
