import Foundation
import SelfModel
import Testing

/// The tuner's extensions: half-lives per source with "no decay" as a candidate, reliabilities
/// above 1 relative to a fixed source, `W` per belief and a factor on `W` per (belief, context),
/// handed back as definitions and written into a catalogue. Populations are seeded and their
/// outcomes drawn from the true model, so the truth is recoverable up to sampling noise.
@Suite struct PolicyTunerSourceTests {
  static let day: TimeInterval = 86_400
  static let kinds: Set<SourceKind> = [.userStated, .behavior]

  static func population(
    truth: RevisionPolicy, beliefs: [BeliefDefinition], sources: [(String, SourceKind)],
    contexts: [BeliefKey: [ContextID?]] = [:]
  ) throws -> ContextPopulation {
    ContextPopulation(
      beliefs: beliefs,
      sources: try sources.map { try Source(id: SourceID($0.0), kind: $0.1, reliability: 1) },
      sourceWeights: Array(repeating: 1, count: sources.count), truth: truth,
      contexts: contexts)
  }

  static func binary(_ key: BeliefKey, weight: Double? = nil) throws -> BeliefDefinition {
    try .binary(key, statement: "Statement \(key)", baseRate: 0.5, priorWeight: weight)
  }

  @Test func recoversPerSourceHalfLivesAndChoosesNoDecayWhereThereIsNone() throws {
    let truth = RevisionPolicy(
      priorWeight: 2, halfLifeBySource: ["fast": .seconds(5 * Self.day), "slow": .noDecay])
    let population = try Self.population(
      truth: truth, beliefs: [Self.binary("a"), Self.binary("b")],
      sources: [("fast", .behavior), ("slow", .behavior)])
    let users = try population.generate(users: 200, events: 60, seed: 81)
    let tuner = PolicyTuner(
      halfLifeBounds: 3_600...(30 * Self.day), halfLifeGrouping: .bySource,
      fixedSources: ["fast", "slow"], rounds: 4, outcomeSourceKinds: Self.kinds)
    let tuning = try tuner.tune(users, from: RevisionPolicy(defaultHalfLife: 10 * Self.day))
    // Finite candidates reach 30 days over ~90 days of data: no decay must win on "slow".
    #expect(tuning.after.halfLifeBySource["slow"] == .noDecay)
    let fast = try #require(tuning.after.halfLifeBySource["fast"]?.timeInterval) / Self.day
    #expect((5 / 1.5...5 * 1.5).contains(fast), "fast half-life \(fast) d")
    #expect((2 / 1.5...2 * 1.5).contains(tuning.after.priorWeight))
    #expect(
      tuning.parameters.map(\.parameter) == [
        .sourceHalfLife("fast"), .sourceHalfLife("slow"), .priorWeight,
      ])
    let slow = try #require(tuning.parameters.first { $0.parameter == .sourceHalfLife("slow") })
    #expect(slow.before == 10 * Self.day && slow.after == nil)
    // The tuned policy's own backtest reproduces the tuner's.
    let check = try Backtest(replaying: users, under: tuning.after, outcomeSourceKinds: Self.kinds)
    #expect(abs((check.overall?.logLoss ?? 0) - tuning.logLossAfter) < 1e-12)
  }

  @Test func recoversAReliabilityAboveOneRelativeToTheFixedSource() throws {
    let truth = RevisionPolicy(priorWeight: 2, reliabilityOverrides: ["tma": 4])
    let population = try Self.population(
      truth: truth, beliefs: [Self.binary("a"), Self.binary("b")],
      sources: [("cma", .behavior), ("tma", .behavior)])
    let users = try population.generate(users: 200, events: 50, seed: 82)
    let tuner = PolicyTuner(
      tunedKinds: [], fixedSources: ["cma"], rounds: 4, outcomeSourceKinds: Self.kinds)
    let tuning = try tuner.tune(users, from: RevisionPolicy())
    let tma = try #require(tuning.after.reliabilityOverrides["tma"])
    #expect((4 / 1.5...4 * 1.5).contains(tma), "tma reliability \(tma)")
    #expect(tuning.after.reliabilityOverrides["cma"] == nil)
    #expect((2 / 1.5...2 * 1.5).contains(tuning.after.priorWeight))
  }

  @Test func recoversEachBeliefsPriorWeightAndHandsBackDefinitions() throws {
    let truth = RevisionPolicy(priorWeight: 2)
    let beliefs = [try Self.binary("a", weight: 1), try Self.binary("b", weight: 20)]
    let population = try Self.population(
      truth: truth, beliefs: beliefs, sources: [("said", .userStated)])
    let plain = [try Self.binary("a"), try Self.binary("b")]
    let users = try population.generate(users: 250, events: 60, seed: 83, definitions: plain)
    let tuner = PolicyTuner(
      tunesBeliefPriorWeights: true, rounds: 4, outcomeSourceKinds: Self.kinds)
    let tuning = try tuner.tune(users, from: RevisionPolicy())
    #expect(
      tuning.parameters.map(\.parameter) == [
        .halfLife(.userStated), .beliefPriorWeight("a"), .beliefPriorWeight("b"),
      ])
    let tuned = Dictionary(uniqueKeysWithValues: tuning.tunedDefinitions.map { ($0.key, $0) })
    let a = try #require(tuned["a"]?.priorWeight)
    let b = try #require(tuned["b"]?.priorWeight)
    #expect((1 / 1.6...1 * 1.6).contains(a), "W of a \(a)")
    #expect((20 / 2...20 * 2).contains(b), "W of b \(b)")
    #expect(tuning.after.priorWeight == 2)
    #expect(tuning.logLossAfter < tuning.logLossBefore)
    // Models on the tuned definitions reproduce the tuner's backtest.
    let rebuilt = try users.map {
      try UserModel(
        user: $0.user, policy: tuning.after, beliefs: tuning.tunedDefinitions,
        sources: $0.sources, evidence: $0.evidence)
    }
    let check = try Backtest(replaying: rebuilt, outcomeSourceKinds: Self.kinds)
    #expect(abs((check.overall?.logLoss ?? 0) - tuning.logLossAfter) < 1e-12)
  }

  @Test func tunesAFactorOnEachContextsWeightAndWritesItIntoTheCatalogue() throws {
    let truthBelief = try BeliefDefinition.binary(
      "mastery", statement: "Masters it", baseRate: 0.5,
      contexts: [
        "a": ContextPrior(baseRates: [0.7, 0.3], priorWeight: 2),
        "b": ContextPrior(baseRates: [0.3, 0.7], priorWeight: 30),
        "b/late": ContextPrior(baseRates: [0.2, 0.8], parent: "b"),
      ])
    let fitted = try truthBelief.replacingPriors(
      baseRates: [0.5, 0.5], priorWeight: nil,
      contexts: [
        "a": ContextPrior(baseRates: [0.7, 0.3], priorWeight: 6),
        "b": ContextPrior(baseRates: [0.3, 0.7], priorWeight: 6),
        "b/late": ContextPrior(baseRates: [0.2, 0.8], parent: "b"),
        "c": ContextPrior(parent: "b"),
      ])
    let population = try Self.population(
      truth: RevisionPolicy(), beliefs: [truthBelief], sources: [("said", .userStated)],
      contexts: ["mastery": ["a", "b", "b/late"]])
    let catalogue = try Catalogue(
      version: 1, beliefs: [fitted],
      sources: [try Source(id: "said", kind: .userStated, reliability: 1)])
    let users = try population.generate(users: 250, events: 40, seed: 84).map {
      try UserModel(user: $0.user, catalogue: catalogue, evidence: $0.evidence)
    }
    let tuner = PolicyTuner(
      tunedKinds: [], tunesPriorWeight: false, tunesContextPriorWeights: true, rounds: 4,
      outcomeSourceKinds: Self.kinds)
    let tuning = try tuner.tune(users, from: catalogue.policy)
    #expect(
      tuning.parameters.map(\.parameter) == [
        .contextPriorWeightMultiplier(belief: "mastery", context: "a"),
        .contextPriorWeightMultiplier(belief: "mastery", context: "b"),
        .contextPriorWeightMultiplier(belief: "mastery", context: "b/late"),
      ])
    let next = try tuning.applied(to: catalogue, version: 2)
    let definition = try #require(next.definition(for: "mastery"))
    let a = try #require(definition.contexts["a"]?.priorWeight)
    let b = try #require(definition.contexts["b"]?.priorWeight)
    #expect((2 / 1.6...2 * 1.6).contains(a), "W in a \(a)")
    #expect((30 / 2...30 * 2).contains(b), "W in b \(b)")
    // "b/late" was scored, so it gets its own W; "c" was not, and still inherits from "b".
    #expect(definition.contexts["b/late"]?.priorWeight != nil)
    #expect(try definition.prior(in: "c").priorWeight == b)
    #expect(definition.contexts["b/late"]?.baseRates == [0.2, 0.8])
    #expect(next.version == 2 && next.policy == tuning.after)
    #expect(tuning.tunedDefinitions == [definition])
    // Replayed on the new catalogue, the models' backtest is the tuner's.
    let rebuilt = try users.map {
      try UserModel(user: $0.user, catalogue: next, evidence: $0.evidence)
    }
    let check = try Backtest(replaying: rebuilt, outcomeSourceKinds: Self.kinds)
    #expect(abs((check.overall?.logLoss ?? 0) - tuning.logLossAfter) < 1e-12)
    #expect(tuning.logLossAfter < tuning.logLossBefore)
  }

  @Test func badOptionsAreRejectedWithTypedErrors() throws {
    let population = try Self.population(
      truth: RevisionPolicy(), beliefs: [Self.binary("a")],
      sources: [("said", .userStated), ("clicks", .behavior)])
    let users = try population.generate(users: 3, events: 5, seed: 85)
    let bad: [(PolicyTuner, ModelError)] = [
      (
        PolicyTuner(reliabilityBounds: 0...10),
        .numberOutOfRange(
          field: "reliabilityBounds.lowerBound", value: 0, allowed: "greater than 0")
      ),
      (
        PolicyTuner(reliabilityBounds: 0.1...5_000),
        .numberOutOfRange(
          field: "reliabilityBounds.upperBound", value: 5_000, allowed: "at most 1000.0")
      ),
      (
        PolicyTuner(halfLifeBounds: 1...(.infinity)),
        .nonFiniteNumber(field: "halfLifeBounds.upperBound")
      ),
      (
        PolicyTuner(halfLifeBounds: 1...1e12),
        .numberOutOfRange(
          field: "halfLifeBounds.upperBound", value: 1e12, allowed: "at most 10000000000.0")
      ),
      (
        PolicyTuner(contextPriorWeightMultiplierBounds: 0.5...1e5),
        .numberOutOfRange(
          field: "contextPriorWeightMultiplierBounds.upperBound", value: 1e5,
          allowed: "at most 10000.0")
      ),
      (PolicyTuner(rounds: 0), .numberOutOfRange(field: "rounds", value: 0, allowed: "1...100")),
      (
        PolicyTuner(gridPoints: 2),
        .numberOutOfRange(field: "gridPoints", value: 2, allowed: "3...1000")
      ),
      (
        PolicyTuner(tunedKinds: [], fixedSources: ["said", "clicks"], tunesPriorWeight: false),
        .undefined(
          quantity: "policy tuning",
          reason: "nothing to tune: every candidate parameter is fixed, switched off or unscored")
      ),
    ]
    for (tuner, error) in bad {
      #expect(throws: error) { try tuner.tune(users, from: RevisionPolicy()) }
    }
  }
}
