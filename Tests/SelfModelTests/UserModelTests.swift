import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// Behaviour of ``UserModel``: observing, explaining, forgetting, contested and stale beliefs,
/// redeclaring, re-registering and policy changes.
@Suite struct UserModelTests {
  static let now = Date(timeIntervalSince1970: 1_700_000_000)
  static let day: TimeInterval = 86_400

  let clock = ManualClock(start: now)
  let make: EvidenceFactory

  init() {
    make = EvidenceFactory(clock: clock, source: "user")
  }

  func builder(_ policy: RevisionPolicy = RevisionPolicy()) -> UserModelBuilder {
    UserModelBuilder(user: "u").policy(policy)
      .binary("k", baseRate: 0.5)
      .categorical("tone", ["formal", "casual", "playful"])
      .source("user", kind: .userStated, reliability: 1)
      .source("clicks", kind: .behavior, reliability: 0.5)
  }

  @Test func observeReportsWhatChanged() throws {
    var model = try builder().build()
    let result = try model.record(make.holds("k", weight: 2), at: Self.now)
    #expect(result.recorded == ["e-000001"] && result.duplicates.isEmpty)
    let change = try #require(result.changes.first)
    #expect(change.key == "k")
    #expect(isClose(change.before.probabilities[0], 0.5))
    #expect(isClose(change.after.probabilities[0], 0.75))  // (2 + 1) / (2 + 2)
    #expect(isClose(change.probabilityShift[0], 0.25))
    #expect(isClose(change.uncertaintyShift, -0.5))
    #expect(isClose(change.after.confidence, 0.5))
  }

  @Test func softEvidenceSpreadsItsWeight() throws {
    var model = try builder().build()
    try model.record(
      make.soft(["formal": 0.75, "casual": 0.25], for: "tone", weight: 4), at: Self.now)
    let estimate = try model.estimate(for: "tone", at: Self.now)
    #expect(estimate.evidence == [3, 1, 0])
    #expect(estimate.mostLikelyOutcome == "formal")
    #expect(estimate.opinion == nil)
  }

  @Test func reliabilityScalesAndZeroReliabilityCountsForNothing() throws {
    var model = try builder().source("mute", kind: .thirdParty, reliability: 0).build()
    try model.record(
      [make.holds("k", weight: 4, source: "clicks"), make.holds("k", weight: 9, source: "mute")],
      at: Self.now)
    #expect(try model.estimate(for: "k", at: Self.now).evidence == [2, 0])
  }

  @Test func theCapLimitsOneSourcesContribution() throws {
    var policy = RevisionPolicy()
    policy.maximumContributionPerSource = 3
    var model = try builder(policy).build()
    try model.record(
      [
        make.holds("k", weight: 8), make.doesNotHold("k", weight: 2),
        make.doesNotHold("k", weight: 2, source: "clicks"),
      ], at: Self.now)
    let estimate = try model.estimate(for: "k", at: Self.now)
    // user: 8 and 2 scaled by 3/10; clicks: 1, under the cap.
    #expect(isClose(estimate.evidence[0], 2.4) && isClose(estimate.evidence[1], 1.6))
  }

  @Test func evidenceFadesToTheBaseRateAndTheBeliefGoesStale() throws {
    var model = try builder(RevisionPolicy(defaultHalfLife: 10 * Self.day)).build()
    try model.record(make.holds("k", weight: 6), at: Self.now)
    let later = Self.now + 10 * Self.day
    #expect(isClose(try model.estimate(for: "k", at: later).evidence[0], 3))
    let stale = try model.staleBeliefs(at: later)
    #expect(stale.map(\.estimate.key) == ["k"])
    #expect(isClose(try #require(stale.first).freshness, 0.5))
    #expect(isClose(try #require(stale.first).uncertaintyWhenLastObserved, 0.25))
    #expect(try model.staleBeliefs(at: Self.now + 9 * Self.day).isEmpty)
    let muchLater = try model.estimate(for: "k", at: Self.now + 3_650 * Self.day)
    #expect(isClose(muchLater.probabilities[0], 0.5, tolerance: 1e-12))
    #expect(muchLater.uncertainty > 0.999_999)
  }

  @Test func evidenceWithinTheFutureToleranceIsAccepted() throws {
    var model = try builder().build()
    let item = Evidence(
      id: "skewed", belief: "k", content: .holds, source: "user", observedAt: Self.now + 299)
    #expect(try model.record(item, at: Self.now).recorded == ["skewed"])
  }

  @Test func contestedBeliefsAreReportedMostConflictedFirst() throws {
    var model = try builder().build()
    try model.record(
      [
        make.holds("k", weight: 5), make.doesNotHold("k", weight: 5),
        make.outcome("formal", for: "tone", weight: 9), make.outcome("casual", for: "tone"),
      ], at: Self.now)
    let contested = try model.contestedBeliefs(at: Self.now)
    #expect(contested.map(\.estimate.key) == ["k"])
    #expect(isClose(try #require(contested.first).conflict, 1))
    let all = try model.contestedBeliefs(at: Self.now, minimumConflict: 0)
    #expect(all.map(\.estimate.key) == ["k", "tone"])
    #expect(isClose(all[1].conflict, 0.15))  // (1 - 9/10) * 3/2
  }

  /// Each contribution's shift is exact leave-one-out: the estimate minus the estimate after
  /// forgetting that item, with the cap recomputed.
  @Test(arguments: [nil, 2.5] as [Double?])
  func explanationShiftsAreLeaveOneOut(cap: Double?) throws {
    var policy = RevisionPolicy(defaultHalfLife: 5 * Self.day)
    policy.maximumContributionPerSource = cap
    var model = try builder(policy).build()
    try model.record(
      [
        make.holds("k", weight: 3, age: 2 * Self.day), make.doesNotHold("k"),
        make.holds("k", weight: 2, source: "clicks", age: Self.day),
        make.soft(["true": 0.2, "false": 0.8], for: "k", weight: 2, source: "clicks"),
      ], at: Self.now)
    let explanation = try model.explain("k", at: Self.now)
    #expect(explanation.contributions.count == 4)
    let weights = explanation.contributions.map(\.currentWeight)
    #expect(weights == weights.sorted(by: >))
    for contribution in explanation.contributions {
      var without = model
      without.forget(evidence: contribution.evidence.id)
      let reference = try without.estimate(for: "k", at: Self.now).probabilities
      for (shift, (p, q)) in zip(
        contribution.probabilityShift, zip(explanation.estimate.probabilities, reference))
      {
        #expect(isClose(shift, p - q, tolerance: 1e-12), "\(contribution.evidence.id)")
      }
    }
  }

  @Test func asOfIgnoresEvidenceRecordedLaterEvenIfObservedEarlier() throws {
    var model = try builder().build()
    let backfilled = Evidence(
      id: "late", belief: "k", content: .holds, source: "user", observedAt: Self.now - Self.day,
      recordedAt: Self.now + Self.day)
    try model.record(make.doesNotHold("k"), at: Self.now)
    try model.record(backfilled, at: Self.now + Self.day)
    let monday = try model.asOf(Self.now)
    #expect(monday.evidence.map(\.id) == ["e-000001"])
    #expect(try monday.estimate(for: "k", at: Self.now).evidence == [0, 1])
  }

  @Test func reRegisteringASourceWithAnotherKindRefolds() throws {
    var policy = RevisionPolicy()
    policy.halfLifeBySourceKind[.behavior] = Self.day
    let items = [make.holds("k", weight: 4, source: "clicks", age: Self.day)]
    var model = try builder(policy).evidence(items).build()
    #expect(isClose(try model.estimate(for: "k", at: Self.now).evidence[0], 1))
    try model.register(Source(id: "clicks", kind: .userStated, reliability: 0.5))
    let direct = try UserModelBuilder(user: "u").policy(policy).binary("k", baseRate: 0.5)
      .categorical("tone", ["formal", "casual", "playful"]).source(
        "user", kind: .userStated, reliability: 1
      )
      .source("clicks", kind: .userStated, reliability: 0.5).evidence(items).build()
    #expect(model == direct)
    assertEquivalent(model, direct, at: Self.now)
    #expect(isClose(try model.estimate(for: "k", at: Self.now).evidence[0], 2))
  }

  @Test func replacingThePolicyEqualsBuildingUnderIt() throws {
    let items = [
      make.holds("k", weight: 3, age: 4 * Self.day),
      make.outcome("casual", for: "tone", weight: 2, source: "clicks", age: Self.day),
    ]
    var model = try builder().evidence(items).build()
    var tuned = RevisionPolicy(priorWeight: 5, defaultHalfLife: 2 * Self.day)
    tuned.reliabilityOverrides["clicks"] = 0.9
    try model.replacePolicy(tuned)
    let direct = try builder(tuned).evidence(items).build()
    #expect(model == direct)
    assertEquivalent(model, direct, at: Self.now)
  }

  @Test func redeclaringChangesBaseRatesAndOutcomesWhileUnobserved() throws {
    var model = try builder().evidence(make.holds("k")).build()
    try model.redeclare(.binary("k", statement: "Changed", baseRate: 0.2))
    let estimate = try model.estimate(for: "k", at: Self.now)
    #expect(estimate.evidence == [1, 0])
    #expect(isClose(estimate.probabilities[0], 1.4 / 3))
    try model.redeclare(
      BeliefDefinition(key: "tone", statement: "Tone", outcomes: ["warm", "cold"]))
    #expect(model.definition(for: "tone")?.outcomes == ["warm", "cold"])
  }

  @Test func forgettingAnUnknownItemOrSourceChangesNothing() throws {
    var model = try builder().evidence(make.holds("k")).build()
    let before = model
    #expect(model.forget(evidence: "missing") == nil)
    #expect(model.forget(source: "nobody").isEmpty)
    assertUnchanged(model, comparedTo: before, at: Self.now)
  }

  /// DESIGN.md promises probabilities never reach 0 or 1, but `(t + W a) / (T + W)` rounds to
  /// 1.0 once `T` passes about 2^53 plain observations: so one item may be worth at most a
  /// million observations, and a heavier one is refused.
  @Test func hugeWeightsAreRefusedAndTheHeaviestKeepProbabilitiesInside() throws {
    var model = try builder().build()
    let before = model
    #expect(throws: ModelError.self) {
      try model.record(make.holds("k", weight: 1e17), at: Self.now)
    }
    assertUnchanged(model, comparedTo: before, at: Self.now)
    for _ in 0..<1_000 { try model.record(make.holds("k", weight: 1e6), at: Self.now) }
    let p = try model.estimate(for: "k", at: Self.now).probabilities
    #expect(p[0] < 1 && p[1] > 0)
  }
}
