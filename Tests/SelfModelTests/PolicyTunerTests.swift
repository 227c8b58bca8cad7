import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// Synthetic users whose outcomes follow a known policy: behaviour decays with a 7-day
/// half-life, statements with a 60-day one, clicks are worth 0.4 of an observation, `W = 2`.
enum TuningFixture {
  static let day: TimeInterval = 86_400
  static let truth = RevisionPolicy(
    priorWeight: 2, halfLifeBySourceKind: [.userStated: 60 * day, .behavior: 7 * day],
    reliabilityOverrides: ["clicks": 0.4])

  static func users(count: Int, events: Int, seed: UInt64) throws -> [UserModel] {
    let population = try SyntheticPopulation(
      truth: truth,
      beliefs: [
        try .binary("preference.concise", statement: "Prefers concise answers"),
        try .binary("preference.examples", statement: "Likes examples"),
      ],
      sources: [
        try Source(id: "user", kind: .userStated, reliability: 1),
        try Source(id: "clicks", kind: .behavior, reliability: 1),
      ],
      sourceWeights: [1, 2], userCount: count, eventsPerUser: events,
      start: AlignmentFixtures.start, meanGap: 1.5 * day)
    var random = AlignmentTestRandom(seed: seed)
    return try population.generate(foldedUnder: RevisionPolicy(), using: &random)
  }
}

@Suite struct PolicyTunerTests {
  static let all: Set<SourceKind> = [.userStated, .behavior]

  @Test func tuningRecoversTheTruePolicyAndLowersLogLoss() throws {
    let users = try TuningFixture.users(count: 250, events: 60, seed: 31)
    let tuning = try PolicyTuner(outcomeSourceKinds: Self.all).tune(users, from: RevisionPolicy())
    let after = tuning.after
    let day = TuningFixture.day
    let behavior = try #require(after.halfLifeBySourceKind[.behavior]) / day
    let stated = try #require(after.halfLifeBySourceKind[.userStated]) / day
    let clicks = try #require(after.reliabilityOverrides["clicks"])
    // Stated tolerance: half-lives within a factor of 1.5, the reliability within 0.15 and W
    // within a factor of 1.5 of the truth (7 d, 60 d, 0.4, 2) on 15,000 events.
    #expect((7 / 1.5...7 * 1.5).contains(behavior), "behavior half-life \(behavior) d")
    #expect((60 / 1.5...60 * 1.5).contains(stated), "stated half-life \(stated) d")
    #expect(abs(clicks - 0.4) <= 0.15, "clicks reliability \(clicks)")
    #expect((2 / 1.5...2 * 1.5).contains(after.priorWeight), "W \(after.priorWeight)")
    #expect(tuning.logLossAfter < tuning.logLossBefore)
    let truth = try #require(
      Backtest(replaying: users, under: TuningFixture.truth, outcomeSourceKinds: Self.all).overall)
    // The tuned policy fits this sample at least about as well as the truth.
    #expect(tuning.logLossAfter <= truth.logLoss + 1e-3)
    #expect(
      tuning.parameters.map(\.parameter) == [
        .halfLife(.userStated), .halfLife(.behavior), .reliability("clicks"), .priorWeight,
      ])
  }

  @Test func tuningIsDeterministicAndKeepsWhatItDoesNotTune() throws {
    let users = try TuningFixture.users(count: 30, events: 30, seed: 32)
    var start = RevisionPolicy(halfLifeByBelief: ["preference.examples": 9 * TuningFixture.day])
    start.futureTolerance = 60
    let tuner = PolicyTuner(
      tunedKinds: [.behavior], tunesPriorWeight: false, rounds: 2, outcomeSourceKinds: Self.all)
    let a = try tuner.tune(users, from: start)
    let b = try tuner.tune(users, from: start)
    #expect(a == b)
    #expect(a.after.priorWeight == 2)
    #expect(a.after.halfLifeByBelief == start.halfLifeByBelief)
    #expect(a.after.futureTolerance == 60)
    #expect(a.after.halfLifeBySourceKind[.userStated] == nil)
    #expect(a.logLossAfter <= a.logLossBefore)
    #expect(a.parameters.map(\.parameter) == [.halfLife(.behavior), .reliability("clicks")])
  }
}
