public import Foundation
public import SelfModel

/// Simulated users whose outcomes follow a known ("true") revision policy: ground truth for
/// checking a `Backtest` or a `PolicyTuner` (both in `SelfModel`).
///
/// Each user reports `eventsPerUser` hard outcomes. Gaps between reports are exponential with
/// mean `meanGap`; each report is about a belief chosen uniformly and comes from a source
/// chosen in proportion to `sourceWeights`. Its outcome is drawn from the predictive
/// distribution of the user's ledger so far, folded under ``truth``:
///
///     P(outcome = k) = (t_k + W a_k) / (T + W)   under truth's W, half-lives and reliabilities
///
/// (a Pólya urn with forgetting: preferences reinforce themselves and drift as old evidence
/// fades). The true policy is then, by construction, the exact conditional distribution of
/// every outcome, so under a proper scoring rule such as log loss no policy does better in
/// expectation: a tuner fed these users should recover ``truth`` up to sampling noise.
///
/// Randomness is passed in, so a seeded generator makes the population reproducible.
///
/// ```swift
/// var random = SeededRandom(seed: 42)
/// let population = try SyntheticPopulation(
///   truth: RevisionPolicy(halfLifeBySourceKind: [.behavior: 14 * 86_400],
///                         reliabilityOverrides: ["clicks": 0.4]),
///   beliefs: beliefs, sources: sources, sourceWeights: [1, 3], userCount: 200,
///   eventsPerUser: 40, start: start, meanGap: 86_400)
/// let users = try population.generate(foldedUnder: RevisionPolicy(), using: &random)
/// ```
public struct SyntheticPopulation: Sendable, Hashable {
  /// The policy the outcomes are drawn under.
  public let truth: RevisionPolicy
  /// The beliefs every user has.
  public let beliefs: [BeliefDefinition]
  /// The sources every user has (their registered reliabilities; ``truth``'s overrides win).
  public let sources: [Source]
  /// The relative frequency of each source's reports, one non-negative weight per source.
  public let sourceWeights: [Double]
  /// The number of users.
  public let userCount: Int
  /// The number of reports per user.
  public let eventsPerUser: Int
  /// The time of the first user's clock; every user starts here.
  public let start: Date
  /// The mean gap between one user's reports, in seconds.
  public let meanGap: TimeInterval

  /// Describes a population after validating it.
  ///
  /// - Parameters:
  ///   - truth: The true policy.
  ///   - beliefs: At least one belief, keys unique.
  ///   - sources: At least one source, ids unique.
  ///   - sourceWeights: One finite weight `>= 0` per source, not all 0.
  ///   - userCount: At least 1.
  ///   - eventsPerUser: At least 1.
  ///   - start: The first moment.
  ///   - meanGap: The mean gap in seconds, finite and `> 0`.
  /// - Throws: `ModelError` naming the first bad argument.
  public init(
    truth: RevisionPolicy, beliefs: [BeliefDefinition], sources: [Source], sourceWeights: [Double],
    userCount: Int, eventsPerUser: Int, start: Date, meanGap: TimeInterval
  ) throws(ModelError) {
    try truth.validate()
    try Check.positive(meanGap, field: "meanGap")
    try Check.finite(start.timeIntervalSinceReferenceDate, field: "start")
    try Self.validate(
      beliefs: beliefs, sources: sources, weights: sourceWeights,
      counts: (userCount, eventsPerUser))
    self.truth = truth
    self.beliefs = beliefs
    self.sources = sources
    self.sourceWeights = sourceWeights
    self.userCount = userCount
    self.eventsPerUser = eventsPerUser
    self.start = start
    self.meanGap = meanGap
  }

  private static func validate(
    beliefs: [BeliefDefinition], sources: [Source], weights: [Double], counts: (Int, Int)
  ) throws(ModelError) {
    guard !beliefs.isEmpty else {
      throw .undefined(quantity: "synthetic population", reason: "it has no beliefs")
    }
    guard weights.count == sources.count, !sources.isEmpty else {
      throw .invalidDistribution(
        field: "sourceWeights",
        reason: "\(weights.count) weights for \(sources.count) sources (at least one)")
    }
    for (index, weight) in weights.enumerated() {
      try Check.finite(weight, field: "sourceWeights[\(index)]")
      guard weight >= 0 else {
        throw .numberOutOfRange(field: "sourceWeights[\(index)]", value: weight, allowed: ">= 0")
      }
    }
    guard weights.reduce(0, +) > 0 else {
      throw .invalidDistribution(field: "sourceWeights", reason: "they are all 0")
    }
    for (field, count) in [("userCount", counts.0), ("eventsPerUser", counts.1)] where count < 1 {
      throw .numberOutOfRange(field: field, value: Double(count), allowed: "1 or more")
    }
  }

  /// Simulates the users and returns their models, folded under `policy`.
  ///
  /// User `i` has id `user-i`; report `j` of a user has evidence id `e-j`.
  ///
  /// ```swift
  /// let users = try population.generate(foldedUnder: RevisionPolicy(), using: &random)
  /// ```
  ///
  /// - Parameters:
  ///   - policy: The policy the returned models are folded under (for example the default a
  ///     tuner starts from).
  ///   - generator: The source of randomness; the same seed gives the same users.
  /// - Returns: One model per user.
  /// - Throws: The `ModelError` from building a model (for example an invalid `policy`, or
  ///   duplicate belief keys or source ids).
  public func generate(
    foldedUnder policy: RevisionPolicy, using generator: inout some RandomNumberGenerator
  ) throws(ModelError) -> [UserModel] {
    try policy.validate()
    var users: [UserModel] = []
    users.reserveCapacity(userCount)
    for index in 0..<userCount {
      let ledger = try simulate(user: UserID("user-\(index)"), using: &generator)
      users.append(
        try UserModel(
          user: ledger.user, policy: policy, beliefs: beliefs, sources: sources,
          evidence: ledger.evidence))
    }
    return users
  }

  private func simulate(user: UserID, using generator: inout some RandomNumberGenerator)
    throws(ModelError) -> UserModel
  {
    var model = try UserModel(
      user: user, policy: truth, beliefs: beliefs, sources: sources, evidence: [])
    var time = start.timeIntervalSinceReferenceDate
    let total = sourceWeights.reduce(0, +)
    for step in 0..<eventsPerUser {
      time += -meanGap * log(1 - Double.random(in: 0..<1, using: &generator))
      let belief = Int.random(in: 0..<beliefs.count, using: &generator)
      let source = Self.pick(sourceWeights, total: total, using: &generator)
      let moment = Date(timeIntervalSinceReferenceDate: time)
      let p = model.estimate(atIndex: belief, time: moment).probabilities
      let outcome = Self.pick(p, total: 1, using: &generator)
      let item = Evidence(
        id: try EvidenceID("e-\(step)"), belief: beliefs[belief].key,
        content: .outcome(beliefs[belief].outcomes[outcome]), source: sources[source].id,
        observedAt: moment)
      _ = try model.append(item, at: moment)
    }
    return model
  }

  private static func pick(
    _ weights: [Double], total: Double, using generator: inout some RandomNumberGenerator
  ) -> Int {
    var remaining = Double.random(in: 0..<1, using: &generator) * total
    for (index, weight) in weights.enumerated() {
      remaining -= weight
      if remaining < 0 { return index }
    }
    return weights.count - 1
  }
}
