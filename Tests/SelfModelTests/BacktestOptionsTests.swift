import Foundation
import SelfModel
import Testing

/// The backtest options real data needs: evidence at the same moment predicted together, and
/// history-only evidence that is applied but not scored. Expected predictions are computed
/// independently, by folding a fresh `UserModel` over the items before each moment.
@Suite struct BacktestOptionsTests {
  private static let day: TimeInterval = 86_400
  private static let start = Date(timeIntervalSinceReferenceDate: 700_000_000)

  /// Items on days 0, 0, 0, 1, 1, 3, 3 (as in data stamped by day), alternating outcomes,
  /// from a decaying behaviour source and a user-stated one.
  private static func model() throws -> UserModel {
    var policy = RevisionPolicy(priorWeight: 3)
    policy.halfLifeBySourceKind[.behavior] = 5 * day
    let catalogue = try Catalogue(
      version: 1, beliefs: [.binary("mastery", statement: "Scores at least 70", baseRate: 0.3)],
      sources: [
        Source(id: "tma", kind: .behavior, reliability: 0.8),
        Source(id: "said", kind: .userStated, reliability: 0.9),
      ],
      policy: policy)
    let days = [0, 0, 0, 1, 1, 3, 3]
    let items = try days.enumerated().map { index, day in
      Evidence(
        id: try EvidenceID(index == 4 ? "h\(index)" : "e\(index)"), belief: "mastery",
        content: index % 3 == 1 ? .doesNotHold : .holds, source: index == 2 ? "said" : "tma",
        observedAt: start + Double(day) * Self.day)
    }
    return try UserModel(user: "student", catalogue: catalogue, evidence: items)
  }

  /// What the model predicted for each item before its moment: the fold of the items
  /// observed strictly earlier, at the item's time.
  private static func blindPredictions(_ model: UserModel) throws -> [EvidenceID: Double] {
    var expected: [EvidenceID: Double] = [:]
    for item in model.evidence {
      let earlier = model.evidence.filter { $0.observedAt < item.observedAt }
      let past = try UserModel(user: model.user, catalogue: model.catalogue, evidence: earlier)
      expected[item.id] = try past.estimate(for: item.belief, at: item.observedAt)
        .probability(of: item.content == .holds ? "true" : "false")
    }
    return expected
  }

  @Test func itemsAtOneMomentArePredictedTogether() throws {
    let model = try Self.model()
    let expected = try Self.blindPredictions(model)
    let backtest = try Backtest(
      replaying: [model], outcomeSourceKinds: [.behavior, .userStated],
      recordingPredictions: true, simultaneousEvidence: .predictedTogether)
    #expect(backtest.predictions.count == 7)
    for prediction in backtest.predictions {
      let want = try #require(expected[prediction.evidence])
      #expect(abs(prediction.probability - want) < 1e-12, "\(prediction.evidence)")
    }
    // In ledger order the second item of day 0 sees the first, so its prediction differs.
    let ordered = try Backtest(
      replaying: [model], outcomeSourceKinds: [.behavior, .userStated],
      recordingPredictions: true)
    let second = try #require(ordered.predictions.first { $0.evidence == "e1" })
    #expect(abs(second.probability - (expected["e1"] ?? 0)) > 1e-3)
  }

  @Test func withoutTiesBothOrdersAgree() throws {
    var model = try Self.model()
    var seen = Set<Date>()
    for item in model.evidence where !seen.insert(item.observedAt).inserted {
      model.forget(evidence: item.id)
    }
    let kinds: Set<SourceKind> = [.behavior, .userStated]
    let a = try Backtest(replaying: [model], outcomeSourceKinds: kinds, recordingPredictions: true)
    let b = try Backtest(
      replaying: [model], outcomeSourceKinds: kinds, recordingPredictions: true,
      simultaneousEvidence: .predictedTogether)
    #expect(a.predictions.count == 3)
    let together = b.predictions.map(\.probability)
    for (x, y) in zip(a.predictions.map(\.probability), together) { #expect(abs(x - y) < 1e-12) }
  }

  @Test func historyOnlyItemsAreAppliedButNotScored() throws {
    let model = try Self.model()
    let kinds: Set<SourceKind> = [.behavior, .userStated]
    let all = try Backtest(
      replaying: [model], outcomeSourceKinds: kinds, recordingPredictions: true,
      simultaneousEvidence: .predictedTogether)
    let scored = try Backtest(
      replaying: [model], outcomeSourceKinds: kinds, recordingPredictions: true,
      simultaneousEvidence: .predictedTogether,
      scoring: { !$0.id.rawValue.hasPrefix("h") })
    #expect(
      scored.predictions.map(\.evidence) == all.predictions.map(\.evidence).filter { $0 != "h4" })
    // The history item still moved later predictions: they equal the unfiltered ones.
    for prediction in scored.predictions {
      let twin = try #require(all.predictions.first { $0.evidence == prediction.evidence })
      #expect(prediction.probability == twin.probability)
    }
    let losses = all.predictions.filter { $0.evidence != "h4" }.map { -log($0.probability) }
    let mean = losses.reduce(0, +) / Double(losses.count)
    #expect(abs((scored.overall?.logLoss ?? .nan) - mean) < 1e-12)
  }

  @Test func theTunerOptimisesTheSameObjective() throws {
    let model = try Self.model()
    let tuner = PolicyTuner(
      rounds: 2, outcomeSourceKinds: [.behavior, .userStated],
      simultaneousEvidence: .predictedTogether)
    let scoring: (Evidence) -> Bool = { !$0.id.rawValue.hasPrefix("h") }
    let tuning = try tuner.tune([model], from: model.policy, scoring: scoring)
    let check = try Backtest(
      replaying: [model], under: tuning.after, outcomeSourceKinds: [.behavior, .userStated],
      simultaneousEvidence: .predictedTogether, scoring: scoring)
    #expect(check.overall?.outcomeCount == 6)
    #expect(abs((check.overall?.logLoss ?? .nan) - tuning.logLossAfter) < 1e-12)
    #expect(tuning.logLossAfter <= tuning.logLossBefore)
  }
}
