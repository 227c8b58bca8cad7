import Foundation
import SelfModel
import SelfModelTesting

/// A random but reproducible model for property tests: 1-4 binary or categorical beliefs,
/// 1-4 sources of random kinds and reliabilities, a policy with or without half-lives and a
/// cap, and 0-30 evidence items (a third of them soft) observed over 90 days. With
/// `virtualEvidence`, about a third of the items are likelihood ratios or Jeffrey targets
/// instead (the random stream of the default scenarios is unchanged).
struct RandomScenario {
  static let start = Date(timeIntervalSince1970: 1_700_000_000)
  static let day: TimeInterval = 86_400

  let seed: UInt64
  let user: UserID
  let policy: RevisionPolicy
  let beliefs: [BeliefDefinition]
  let sources: [Source]
  /// The ledger, in recording order; every time lies in `start ... now`.
  let evidence: [Evidence]
  /// 90 days after `start`: no evidence time is later.
  let now: Date

  /// Whether any evidence can decay under the policy.
  var hasDecay: Bool {
    policy.defaultHalfLife != nil || !policy.halfLifeBySourceKind.isEmpty
      || !policy.halfLifeByBelief.isEmpty
  }

  /// The model holding `items` (default: the whole ledger), folded by replay.
  func model(with items: [Evidence]? = nil) throws -> UserModel {
    try UserModel(
      user: user, policy: policy, beliefs: beliefs, sources: sources,
      evidence: items ?? evidence)
  }

  /// The model with beliefs and sources but no evidence.
  func emptyModel() throws -> UserModel { try model(with: []) }

  init(seed: UInt64) throws { try self.init(seed: seed, virtualEvidence: false) }

  init(seed: UInt64, virtualEvidence: Bool) throws {
    var random = SeededRandom(seed: seed &* 0x9E37_79B9 &+ 17)
    self.seed = seed
    user = try UserID("user-\(seed)")
    now = Self.start + 90 * Self.day
    beliefs = try Self.makeBeliefs(using: &random)
    sources = try Self.makeSources(using: &random)
    policy = Self.makePolicy(beliefs: beliefs, sources: sources, using: &random)
    evidence = try Self.makeEvidence(
      beliefs: beliefs, sources: sources, now: now, virtual: virtualEvidence, using: &random)
  }

  private static func makeBeliefs(using random: inout SeededRandom) throws -> [BeliefDefinition] {
    try (0..<Int.random(in: 1...4, using: &random)).map { index in
      let key = try BeliefKey("belief.\(index)")
      if Bool.random(using: &random) {
        return try .binary(
          key, statement: "Statement \(index)", baseRate: .random(in: 0.05...0.95, using: &random))
      }
      let count = Int.random(in: 2...4, using: &random)
      let raw = (0..<count).map { _ in Double.random(in: 0.2...1, using: &random) }
      let total = raw.reduce(0, +)
      return try BeliefDefinition(
        key: key, statement: "Categorical \(index)",
        outcomes: (0..<count).map { "o\($0)" },
        baseRates: Bool.random(using: &random) ? raw.map { $0 / total } : nil)
    }
  }

  private static func makeSources(using random: inout SeededRandom) throws -> [Source] {
    try (0..<Int.random(in: 1...4, using: &random)).map { index in
      let reliability: Double =
        switch Int.random(in: 0..<10, using: &random) {
        case 0: 0
        case 1: 1
        default: .random(in: 0...1, using: &random)
        }
      return try Source(
        id: SourceID("source-\(index)"),
        kind: SourceKind.allCases.randomElement(using: &random) ?? .behavior,
        reliability: reliability)
    }
  }

  private static func makePolicy(
    beliefs: [BeliefDefinition], sources: [Source], using random: inout SeededRandom
  ) -> RevisionPolicy {
    var policy = RevisionPolicy(priorWeight: .random(in: 0.5...5, using: &random))
    if Bool.random(using: &random) {
      policy.defaultHalfLife = .random(in: 1...60, using: &random) * day
    }
    for kind in SourceKind.allCases where Int.random(in: 0..<4, using: &random) == 0 {
      policy.halfLifeBySourceKind[kind] = .random(in: 0.5...30, using: &random) * day
    }
    for belief in beliefs where Int.random(in: 0..<5, using: &random) == 0 {
      policy.halfLifeByBelief[belief.key] = .random(in: 2...90, using: &random) * day
    }
    for source in sources where Int.random(in: 0..<5, using: &random) == 0 {
      policy.reliabilityOverrides[source.id] = .random(in: 0...1, using: &random)
    }
    if Int.random(in: 0..<3, using: &random) == 0 {
      policy.maximumContributionPerSource = .random(in: 0.5...20, using: &random)
    }
    return policy
  }

  private static func makeEvidence(
    beliefs: [BeliefDefinition], sources: [Source], now: Date, virtual: Bool,
    using random: inout SeededRandom
  ) throws -> [Evidence] {
    let ids = SequentialIDs(prefix: "e")
    let items = try (0..<Int.random(in: 0...30, using: &random)).map { _ -> Evidence in
      let belief = beliefs.randomElement(using: &random) ?? beliefs[0]
      let observedAt = start + .random(in: 0...(90 * day), using: &random)
      let recordedAt = min(observedAt + .random(in: 0...(3 * day), using: &random), now)
      let note: String? = Int.random(in: 0..<5, using: &random) == 0 ? "note" : nil
      return Evidence(
        id: ids.next(), belief: belief.key,
        content: virtual && Int.random(in: 0..<3, using: &random) == 0
          ? makeVirtualContent(for: belief, using: &random)
          : makeContent(for: belief, using: &random),
        weight: exp(.random(in: log(0.1)...log(10), using: &random)),
        source: try requireSome(sources.randomElement(using: &random)).id,
        observedAt: observedAt, recordedAt: recordedAt, note: note,
        metadata: Bool.random(using: &random) ? [:] : ["channel": "chat"])
    }
    return items.sorted { $0.recordedAt < $1.recordedAt }
  }

  private static func makeContent(
    for belief: BeliefDefinition, using random: inout SeededRandom
  ) -> EvidenceContent {
    guard Int.random(in: 0..<3, using: &random) == 0 else {
      return .outcome(belief.outcomes.randomElement(using: &random) ?? belief.outcomes[0])
    }
    let named = belief.outcomes.filter { _ in Int.random(in: 0..<4, using: &random) != 0 }
    let chosen = named.isEmpty ? [belief.outcomes[0]] : named
    let raw = chosen.map { _ in Double.random(in: 0.01...1, using: &random) }
    let total = raw.reduce(0, +)
    return .distribution(Dictionary(uniqueKeysWithValues: zip(chosen, raw.map { $0 / total })))
  }
}

extension RandomScenario {
  /// A likelihood ratio in `e^-4 ... e^4` for a random outcome, or a Jeffrey target with every
  /// outcome in `0.02 ... 1` before normalising.
  fileprivate static func makeVirtualContent(
    for belief: BeliefDefinition, using random: inout SeededRandom
  ) -> EvidenceContent {
    if Bool.random(using: &random) {
      return .likelihoodRatio(
        outcome: belief.outcomes.randomElement(using: &random) ?? belief.outcomes[0],
        ratio: exp(.random(in: -4...4, using: &random)))
    }
    let raw = belief.outcomes.map { _ in Double.random(in: 0.02...1, using: &random) }
    let total = raw.reduce(0, +)
    return .jeffrey(
      target: Dictionary(uniqueKeysWithValues: zip(belief.outcomes, raw.map { $0 / total })))
  }
}

/// A non-throwing stand-in for `#require` outside a test body.
private func requireSome<T>(_ value: T?) throws -> T {
  guard let value else { throw ScenarioError.empty }
  return value
}

private enum ScenarioError: Error { case empty }
