import Foundation
import SelfModel
import Testing

/// Backtests predict each scored item in its context, exactly as `UserModel.estimate(for:in:at:)`
/// does: checked against models replayed by hand, item by item.
@Suite struct BacktestContextTests {
  static let day: TimeInterval = 86_400

  /// Two beliefs with contexts, parents and weights set at different levels, and a policy
  /// with per-source half-lives (one without decay) and a reliability above 1.
  static func population(byDay: Bool) throws -> ContextPopulation {
    let mastery = try BeliefDefinition.binary(
      "mastery", statement: "Scores at least 70", baseRate: 0.6, priorWeight: 3,
      contexts: [
        "type:TMA": ContextPrior(baseRates: [0.7, 0.3], priorWeight: 4),
        "module:A/type:TMA": ContextPrior(baseRates: [0.85, 0.15], parent: "type:TMA"),
        "type:CMA": ContextPrior(baseRates: [0.3, 0.7]),
        "module:B/type:CMA": ContextPrior(priorWeight: 10, parent: "type:CMA"),
      ])
    let tone = try BeliefDefinition(
      key: "tone", statement: "Preferred tone", outcomes: ["formal", "casual", "playful"],
      baseRates: [0.5, 0.3, 0.2],
      contexts: [
        "surface:chat": ContextPrior(baseRates: [0.2, 0.5, 0.3], priorWeight: 1.5),
        "surface:mail": ContextPrior(baseRates: [0.7, 0.2, 0.1]),
      ])
    return ContextPopulation(
      beliefs: [mastery, tone],
      sources: [
        try Source(id: "tma", kind: .behavior, reliability: 0.9),
        try Source(id: "cma", kind: .behavior, reliability: 0.5),
        try Source(id: "said", kind: .userStated, reliability: 1),
      ],
      sourceWeights: [2, 2, 1],
      truth: RevisionPolicy(
        priorWeight: 2, halfLifeBySourceKind: [.behavior: 20 * day],
        halfLifeBySource: ["cma": .noDecay, "said": .seconds(40 * day)],
        reliabilityOverrides: ["tma": 2.5]),
      contexts: [
        "mastery": [nil, "type:TMA", "module:A/type:TMA", "type:CMA", "module:B/type:CMA"],
        "tone": [nil, "surface:chat", "surface:mail"],
      ],
      byDay: byDay)
  }

  /// What each item's belief was estimated at, in the item's context, by a model holding the
  /// items observed before it (`strictly`: only earlier moments; otherwise earlier in ledger
  /// order too).
  static func handReplay(_ model: UserModel, strictly: Bool) throws -> [EvidenceID: [Double]] {
    let items = model.evidence.enumerated().sorted {
      ($0.element.observedAt, $0.offset) < ($1.element.observedAt, $1.offset)
    }
    var expected: [EvidenceID: [Double]] = [:]
    for (rank, entry) in items.enumerated() {
      let item = entry.element
      let earlier = items[..<rank].map(\.element).filter {
        !strictly || $0.observedAt < item.observedAt
      }
      let past = try UserModel(
        user: model.user, policy: model.policy, beliefs: model.beliefs, sources: model.sources,
        evidence: earlier)
      expected[item.id] =
        try past.estimate(for: item.belief, in: item.context, at: item.observedAt).probabilities
    }
    return expected
  }

  @Test(arguments: [false, true])
  func predictionsEqualTheModelsEstimateInTheItemsContext(byDay: Bool) throws {
    let population = try Self.population(byDay: byDay)
    let models = try population.generate(
      users: 6, events: 30, seed: byDay ? 71 : 72, policy: population.truth)
    let backtest = try Backtest(
      replaying: models, outcomeSourceKinds: [.behavior, .userStated],
      recordingPredictions: true,
      simultaneousEvidence: byDay ? .predictedTogether : .inLedgerOrder)
    #expect(backtest.predictions.count == 180)
    #expect(Set(backtest.predictions.compactMap(\.context)).count == 6)
    var expected: [UserID: [EvidenceID: [Double]]] = [:]
    for model in models {
      expected[model.user] = try Self.handReplay(model, strictly: byDay)
    }
    for prediction in backtest.predictions {
      let want = try #require(expected[prediction.user]?[prediction.evidence])
      #expect(prediction.probabilities.count == want.count)
      for (got, wanted) in zip(prediction.probabilities, want) {
        #expect(abs(got - wanted) < 1e-12, "\(prediction.user) \(prediction.evidence)")
      }
    }
  }

  @Test func aContextTheBeliefDoesNotListIsAnErrorWhenScored() throws {
    let population = try Self.population(byDay: false)
    var model = try #require(try population.generate(users: 1, events: 5, seed: 73).first)
    let stray = Evidence(
      id: "stray", belief: "mastery", content: .holds, source: "tma",
      observedAt: ContextPopulation.start + 400 * Self.day, context: "type:EXAM")
    _ = try model.append(stray, at: stray.observedAt)
    #expect(throws: ModelError.unknownContext(belief: "mastery", context: "type:EXAM")) {
      try Backtest(replaying: [model])
    }
    // As history only (not scored) its context is never looked up.
    let history = try Backtest(replaying: [model], scoring: { $0.id != "stray" })
    #expect(history.evidenceCount == 6)
    #expect(throws: ModelError.unknownContext(belief: "mastery", context: "type:EXAM")) {
      try model.estimate(for: "mastery", in: "type:EXAM", at: stray.observedAt)
    }
  }

  @Test func withoutContextsTheBeliefsOwnWeightApplies() throws {
    // The belief's own W (3) is used, not the policy's (2).
    let definition = try BeliefDefinition.binary(
      "mastery", statement: "Scores at least 70", baseRate: 0.6, priorWeight: 3)
    let source = try Source(id: "tma", kind: .behavior, reliability: 1)
    let start = ContextPopulation.start
    let items = [
      Evidence(id: "a", belief: "mastery", content: .holds, source: "tma", observedAt: start),
      Evidence(
        id: "b", belief: "mastery", content: .holds, source: "tma", observedAt: start + 60),
    ]
    let model = try UserModel(
      user: "u", policy: RevisionPolicy(), beliefs: [definition], sources: [source],
      evidence: items)
    let backtest = try Backtest(replaying: [model], recordingPredictions: true)
    #expect(abs(backtest.predictions[0].probability - 0.6) < 1e-12)
    #expect(abs(backtest.predictions[1].probability - (1 + 3 * 0.6) / 4) < 1e-12)
  }
}
