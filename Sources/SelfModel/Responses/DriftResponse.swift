public import Foundation

/// A ``DriftReport`` as a response body: each shared belief's movement with every outcome's
/// probability before and after by name, the top movers, the beliefs gone stale, and the
/// population stability index. Dates are ``Timestamp`` strings.
///
/// ```swift
/// let drift = try DriftReport(model: model, from: monday, to: friday)
/// let body = try JSONEncoder().encode(drift.response)
/// ```
///
/// The JSON is specified, with an example, in `Docs/JSON.md`.
public struct DriftResponse: Sendable, Hashable, Codable {
  /// How one outcome's probability moved.
  public struct OutcomeDrift: Sendable, Hashable, Codable {
    /// The outcome's name.
    public let outcome: String
    /// Its probability at the earlier time.
    public let before: Double
    /// Its probability at the later time.
    public let after: Double
    /// `after - before`.
    public let change: Double
  }

  /// How one belief moved (see ``BeliefDrift``).
  public struct Belief: Sendable, Hashable, Codable {
    /// The belief.
    public let belief: BeliefKey
    /// `max_k |after_k - before_k|`.
    public let largestChange: Double
    /// Jensen-Shannon divergence in bits.
    public let divergence: Double
    /// The uncertainty at the earlier time.
    public let uncertaintyBefore: Double
    /// The uncertainty at the later time.
    public let uncertaintyAfter: Double
    /// Each outcome, in the belief's order.
    public let outcomes: [OutcomeDrift]

    init(_ drift: BeliefDrift) {
      belief = drift.belief
      largestChange = drift.largestChange
      divergence = drift.divergence
      uncertaintyBefore = drift.uncertaintyBefore
      uncertaintyAfter = drift.uncertaintyAfter
      outcomes = drift.outcomes.indices.map { index in
        let before = drift.before.element(at: index)
        let after = drift.after.element(at: index)
        return OutcomeDrift(
          outcome: drift.outcomes[index], before: before, after: after, change: after - before)
      }
    }
  }

  /// A belief that went stale (see ``StaleBelief``).
  public struct Stale: Sendable, Hashable, Codable {
    /// The belief.
    public let belief: BeliefKey
    /// `T(now) / T(last observed)`.
    public let freshness: Double
    /// When it last received evidence.
    @TimestampCoded public var lastObservedAt: Date
    /// Its uncertainty then.
    public let uncertaintyWhenLastObserved: Double
    /// Its uncertainty at the later time.
    public let uncertainty: Double

    init(_ stale: StaleBelief) {
      belief = stale.estimate.key
      freshness = stale.freshness
      lastObservedAt = stale.lastObservedAt
      uncertaintyWhenLastObserved = stale.uncertaintyWhenLastObserved
      uncertainty = stale.estimate.uncertainty
    }
  }

  /// The earlier time.
  @TimestampCoded public var earlierTime: Date
  /// The later time.
  @TimestampCoded public var laterTime: Date
  /// Every belief both sides share, in the report's order.
  public let beliefs: [Belief]
  /// The keys of the largest movers, largest first.
  public let topMovers: [BeliefKey]
  /// The beliefs stale at the later time but not at the earlier one.
  public let goneStale: [Stale]
  /// Beliefs only the later side declares.
  public let added: [BeliefKey]
  /// Beliefs only the earlier side declares.
  public let removed: [BeliefKey]
  /// Beliefs both declare with different outcomes.
  public let incompatible: [BeliefKey]
  /// The population stability index of the binary beliefs, or `nil` (omitted).
  public let populationStabilityIndex: Double?

  /// Builds the response of `report`.
  ///
  /// ```swift
  /// let response = DriftResponse(drift)
  /// ```
  ///
  /// - Parameter report: The report.
  public init(_ report: DriftReport) {
    earlierTime = report.earlierTime
    laterTime = report.laterTime
    beliefs = report.beliefs.map(Belief.init)
    topMovers = report.topMovers.map(\.belief)
    goneStale = report.goneStale.map(Stale.init)
    added = report.added
    removed = report.removed
    incompatible = report.incompatible
    populationStabilityIndex = report.populationStabilityIndex
  }
}
