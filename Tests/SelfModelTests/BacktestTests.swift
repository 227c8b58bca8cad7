import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The slow, obviously correct backtest: rebuild the model one item at a time, in time order,
/// and ask it for its estimate before each outcome item.
enum SlowBacktest {
  static func predictions(
    _ model: UserModel, policy: RevisionPolicy, kinds: Set<SourceKind>
  ) throws -> [EvidenceID: [Double]] {
    var replay = try UserModel(
      user: model.user, policy: policy, beliefs: model.beliefs, sources: model.sources,
      evidence: [])
    let ordered = model.evidence.enumerated().sorted {
      ($0.element.observedAt, $0.offset) < ($1.element.observedAt, $1.offset)
    }
    var result: [EvidenceID: [Double]] = [:]
    for (_, item) in ordered {
      let kind = try #require(model.source(item.source)).kind
      if case .outcome = item.content, kinds.contains(kind) {
        result[item.id] = try replay.estimate(for: item.belief, at: item.observedAt).probabilities
      }
      try replay.record(item, at: item.observedAt)
    }
    return result
  }
}

@Suite struct BacktestTests {
  @Test(arguments: [UInt64(11), 12, 13, 14, 15, 16, 17, 18])
  func replayEqualsTheModelFoldedOneItemAtATime(seed: UInt64) throws {
    var random = AlignmentTestRandom(seed: seed)
    let kinds: Set<SourceKind> = [.userStated, .behavior]
    for _ in 0..<25 {
      let model = try AlignmentFixtures.model(&random, beliefs: 5, cap: seed % 2 == 0 ? 4 : nil)
      let backtest = try Backtest(
        replaying: [model], outcomeSourceKinds: kinds, recordingPredictions: true)
      let slow = try SlowBacktest.predictions(model, policy: model.policy, kinds: kinds)
      #expect(backtest.predictions.count == slow.count)
      for prediction in backtest.predictions {
        let expected = try #require(slow[prediction.evidence])
        for (a, b) in zip(prediction.probabilities, expected) {
          #expect(abs(a - b) <= 1e-9, "\(prediction.evidence): \(a) vs \(b)")
        }
      }
    }
  }

  @Test func onlyHardEvidenceFromOutcomeKindsIsScored() throws {
    let start = AlignmentFixtures.start
    var model = try UserModel(user: "u")
    try model.register(Source(id: "user", kind: .userStated, reliability: 1))
    try model.register(Source(id: "llm", kind: .modelInference, reliability: 1))
    try model.declare(.binary("b", statement: "B"))
    let items: [(String, EvidenceContent, SourceID)] = [
      ("e1", .holds, "user"), ("e2", .holds, "llm"),
      ("e3", .distribution(["true": 0.9, "false": 0.1]), "user"), ("e4", .doesNotHold, "user"),
    ]
    for (offset, (id, content, source)) in items.enumerated() {
      try model.record(
        Evidence(
          id: EvidenceID(id), belief: "b", content: content, source: source,
          observedAt: start + Double(offset)), at: start + 10)
    }
    let backtest = try Backtest(replaying: [model], recordingPredictions: true)
    #expect(backtest.predictions.map(\.evidence) == ["e1", "e4"])
    #expect(backtest.predictions[0].probability == 0.5)
    // Before e4: t = (1 + 1 + 0.9, 0.1), W = 2: p(false) = (0.1 + 1) / 5.
    #expect(abs(backtest.predictions[1].probability - 1.1 / 5) < 1e-12)
    let overall = try #require(backtest.overall)
    #expect(overall.outcomeCount == 2)
    #expect(abs(overall.logLoss - (log(2) - log(1.1 / 5)) / 2) < 1e-12)
    #expect(abs(overall.calibration.logLoss - overall.logLoss) < 1e-12)
    #expect(backtest.perSource.keys.sorted() == ["user"])
    #expect(backtest.evidenceCount == 4)
  }

  @Test func slicesPartitionTheOutcomes() throws {
    var random = AlignmentTestRandom(seed: 21)
    let models = try (0..<20).map { _ in try AlignmentFixtures.model(&random) }
    let backtest = try Backtest(replaying: models)
    let overall = try #require(backtest.overall)
    #expect(backtest.perBelief.values.reduce(0) { $0 + $1.outcomeCount } == overall.outcomeCount)
    #expect(backtest.perSource.values.reduce(0) { $0 + $1.outcomeCount } == overall.outcomeCount)
    let weighted = backtest.perBelief.values.reduce(0) { $0 + $1.logLoss * Double($1.outcomeCount) }
    #expect(abs(weighted / Double(overall.outcomeCount) - overall.logLoss) < 1e-9)
    #expect(try Backtest(replaying: models) == backtest)
    #expect(backtest.userCount == 20)
  }

  @Test func aPolicyArgumentOverridesEachModelsOwn() throws {
    var random = AlignmentTestRandom(seed: 22)
    let model = try AlignmentFixtures.model(&random, beliefs: 4)
    let other = RevisionPolicy(priorWeight: 5, defaultHalfLife: 3 * AlignmentFixtures.day)
    var refolded = model
    try refolded.replacePolicy(other)
    #expect(try Backtest(replaying: [model], under: other) == Backtest(replaying: [refolded]))
  }

  @Test func noOutcomesMeansNoScore() throws {
    var model = try UserModel(user: "u")
    try model.declare(.binary("b", statement: "B"))
    let backtest = try Backtest(replaying: [model])
    #expect(backtest.overall == nil)
    #expect(backtest.perBelief.isEmpty)
    #expect(try Backtest(replaying: []).overall == nil)
  }
}
