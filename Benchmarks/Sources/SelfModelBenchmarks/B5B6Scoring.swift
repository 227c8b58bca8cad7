import BenchmarkSupport
import Foundation
import SelfModel
import SelfModelTesting

/// B5: rank 100 candidates of 20 stances each against a 300-belief model.
/// B6: backtest a ledger of about 170,000 events over 20,000 users, and tune a policy on it.
enum B5B6Scoring {
  static func rank(_ settings: Settings) throws -> [ResultRow] {
    let model = try modelWithEvidence()
    let now = Fixtures.now
    var random = BenchmarkRandom(seed: 5)
    let candidates = try (0..<100).map { index in
      try Candidate(
        id: CandidateID("reply-\(index)"),
        stances: (0..<20).map { offset in
          // 20 distinct beliefs per candidate: a candidate takes one stance per belief.
          try Stance(
            belief: BeliefKey(stringLiteral: "belief.\((index * 37 + offset * 15) % 300)"),
            asserts: random.next() % 2 == 0 ? .holds : .doesNotHold,
            importance: Double(random.next() % 5 + 1))
        })
    }
    let repetitions = settings.quick ? 3 : 200
    var setups: [Double] = []
    var ranks: [Double] = []
    for _ in 0..<repetitions {
      var scorer: AlignmentScorer?
      setups.append(try time { scorer = try AlignmentScorer(model: model, at: now) })
      guard let scorer else { continue }
      ranks.append(
        try time {
          let ranked = try scorer.rank(candidates)
          precondition(ranked.count == 100)
        })
    }
    let us = { (seconds: Double) in seconds * 1e6 }
    return [
      ResultRow(
        id: "B5", workload: "rank 100 candidates x 20 stances (300 beliefs)",
        value: us(median(ranks)), unit: "us", baseline: nil, baselineValue: nil, ratio: nil,
        target: "<= 200 us", met: us(median(ranks)) <= 200),
      ResultRow(
        id: "B5s", workload: "  scorer setup for the model (once per model)",
        value: us(median(setups)), unit: "us", baseline: nil, baselineValue: nil, ratio: nil,
        target: "(informative)", met: nil),
    ]
  }

  static func backtest(_ settings: Settings) throws -> [ResultRow] {
    let users = settings.quick ? 200 : 20_000
    let events = 9
    let population = try SyntheticPopulation(
      truth: RevisionPolicy(
        halfLifeBySourceKind: [.userStated: 60 * 86_400, .behavior: 7 * 86_400],
        reliabilityOverrides: ["clicks": 0.4]),
      beliefs: Fixtures.beliefs(5),
      sources: [
        Source(id: "user", kind: .userStated, reliability: 1),
        Source(id: "clicks", kind: .behavior, reliability: 1),
      ],
      sourceWeights: [1, 3], userCount: users, eventsPerUser: events, start: Fixtures.start,
      meanGap: 86_400)
    var random = BenchmarkRandom(seed: 6)
    let models = try population.generate(foldedUnder: RevisionPolicy(), using: &random)
    let total = models.reduce(0) { $0 + $1.evidenceCount }
    var backtests: [Double] = []
    for _ in 0..<(settings.quick ? 1 : 5) {
      backtests.append(try time { _ = try Backtest(replaying: models) })
    }
    let tuner = PolicyTuner(fixedSources: ["user"])
    var tuning: PolicyTuning?
    let tuneTime = try time { tuning = try tuner.tune(models, from: RevisionPolicy()) }
    if let tuning {
      print(
        "  B6 tuning: log loss \(String(format: "%.4f", tuning.logLossBefore)) -> "
          + "\(String(format: "%.4f", tuning.logLossAfter)) in \(tuning.evaluations) replays")
    }
    return [
      ResultRow(
        id: "B6", workload: "backtest \(total) events over \(users) users",
        value: median(backtests), unit: "s", baseline: nil, baselineValue: nil, ratio: nil,
        target: "<= 0.5 s", met: median(backtests) <= 0.5),
      ResultRow(
        id: "B6t", workload: "  tune a policy on the same ledger", value: tuneTime, unit: "s",
        baseline: nil, baselineValue: nil, ratio: nil, target: "<= 30 s", met: tuneTime <= 30),
    ]
  }

  /// 300 beliefs, three sources, 3,000 evidence items.
  static func modelWithEvidence() throws -> UserModel {
    var model = try UserModel(
      user: "bench", policy: Fixtures.policy(), beliefs: Fixtures.beliefs(300),
      sources: Fixtures.modelSources(), evidence: [])
    for index in 0..<3_000 { try model.append(Fixtures.evidence(index), at: Fixtures.now) }
    return model
  }
}
