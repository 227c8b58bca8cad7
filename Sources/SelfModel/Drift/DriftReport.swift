public import Foundation

/// What changed in a self-model between two snapshots or two times: each shared belief's
/// movement, the top movers, the beliefs that went stale, and the shift of the belief
/// population as a whole.
///
/// For every belief both sides declare with the same outcomes (matched by name):
///
///     change     = max_k |p_k(later) - p_k(earlier)|
///     divergence = JS(p(earlier), p(later)) in bits, in 0...1
///
/// ``topMovers`` are the beliefs with the largest divergence (ties by key). ``goneStale`` are
/// the beliefs stale at the later time (``UserModel/staleBeliefs(at:maximumFreshness:)``: their
/// evidence has faded to at most `maximumFreshness` of what it was) that were not stale at the
/// earlier one. ``populationStabilityIndex`` compares the histograms (10 equal-width bins) of
/// the shared binary beliefs' `P(true)` at both ends:
/// `PSI = sum_b (after_b - before_b) ln(after_b / before_b)` in nats, proportions floored at
/// `1e-4`.
///
/// ```swift
/// let drift = try DriftReport(model: model, from: monday, to: friday)
/// for mover in drift.topMovers { print(mover.belief, mover.divergence) }
/// drift.goneStale.map(\.estimate.key)
/// ```
public struct DriftReport: Sendable, Hashable, Codable {
  /// The floor applied to histogram proportions before the PSI: `1e-4`.
  public static var proportionFloor: Double { 1e-4 }

  /// Every shared belief, largest divergence first (ties by key).
  public let beliefs: [BeliefDrift]
  /// The first `topCount` of ``beliefs`` whose divergence is above 0.
  public let topMovers: [BeliefDrift]
  /// Beliefs stale at the later time but not at the earlier one, stalest first.
  public let goneStale: [StaleBelief]
  /// Keys only the later side declares, sorted.
  public let added: [BeliefKey]
  /// Keys only the earlier side declares, sorted.
  public let removed: [BeliefKey]
  /// Keys both declare with different outcomes, sorted; not compared.
  public let incompatible: [BeliefKey]
  /// The PSI of the shared binary beliefs' `P(true)` histograms in nats; `nil` without any.
  public let populationStabilityIndex: Double?
  /// The earlier evaluation time.
  public let earlierTime: Date
  /// The later evaluation time.
  public let laterTime: Date

  /// Compares one model with itself at two times: the model as it stood at each time (its
  /// evidence recorded by then, see ``UserModel/asOf(_:)``), evaluated at that time.
  ///
  /// ```swift
  /// let drift = try DriftReport(model: model, from: monday, to: friday, topCount: 3)
  /// ```
  ///
  /// - Parameters:
  ///   - model: The model.
  ///   - earlier: The first time.
  ///   - later: The second time.
  ///   - topCount: How many top movers to list, at least 0 (default 5).
  ///   - maximumFreshness: The staleness threshold in `0...1` (default 0.5).
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad time, count or
  ///   threshold.
  public init(
    model: UserModel, from earlier: Date, to later: Date, topCount: Int = 5,
    maximumFreshness: Double = 0.5
  ) throws(ModelError) {
    try Check.finite(earlier.timeIntervalSinceReferenceDate, field: "earlier")
    try Check.finite(later.timeIntervalSinceReferenceDate, field: "later")
    try self.init(
      from: try model.asOf(earlier), at: earlier, to: try model.asOf(later), at: later,
      topCount: topCount, maximumFreshness: maximumFreshness)
  }

  /// Compares two models (for example two snapshots), each evaluated at its own time.
  ///
  /// ```swift
  /// let drift = try DriftReport(from: lastWeek, at: monday, to: today, at: friday)
  /// ```
  ///
  /// - Parameters:
  ///   - earlierModel: The earlier model.
  ///   - earlier: The time to evaluate it at.
  ///   - laterModel: The later model.
  ///   - later: The time to evaluate it at.
  ///   - topCount: How many top movers to list, at least 0 (default 5).
  ///   - maximumFreshness: The staleness threshold in `0...1` (default 0.5).
  /// - Throws: ``ModelError/nonFiniteNumber(field:)`` or
  ///   ``ModelError/numberOutOfRange(field:value:allowed:)`` for a bad time, count or
  ///   threshold.
  public init(
    from earlierModel: UserModel, at earlier: Date, to laterModel: UserModel, at later: Date,
    topCount: Int = 5, maximumFreshness: Double = 0.5
  ) throws(ModelError) {
    try Check.finite(earlier.timeIntervalSinceReferenceDate, field: "earlier")
    try Check.finite(later.timeIntervalSinceReferenceDate, field: "later")
    try Check.unitInterval(maximumFreshness, field: "maximumFreshness")
    guard topCount >= 0 else {
      throw .numberOutOfRange(field: "topCount", value: Double(topCount), allowed: "0 or more")
    }
    let old = try earlierModel.estimates(at: earlier)
    let new = try laterModel.estimates(at: later)
    let matched = Self.match(old, new)
    beliefs = matched.drifts.sorted { ($0.divergence, $1.belief) > ($1.divergence, $0.belief) }
    topMovers = Array(beliefs.filter { $0.divergence > 0 }.prefix(topCount))
    let staleBefore = Set(
      try earlierModel.staleBeliefs(at: earlier, maximumFreshness: maximumFreshness)
        .map(\.estimate.key))
    goneStale = try laterModel.staleBeliefs(at: later, maximumFreshness: maximumFreshness)
      .filter { !staleBefore.contains($0.estimate.key) }
    added = matched.added
    removed = matched.removed
    incompatible = matched.incompatible
    populationStabilityIndex = try Self.stability(matched.drifts)
    earlierTime = earlier
    laterTime = later
  }
}
