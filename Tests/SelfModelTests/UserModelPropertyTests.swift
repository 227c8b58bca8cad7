import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The invariants of the revision rule (DESIGN.md, "Bayesian revision"), each over 1,000 seeded
/// random scenarios (see ``RandomScenario``). A failure names its seed.
@Suite struct UserModelPropertyTests {
  static let caseCount: UInt64 = 1_000

  private func forEachScenario(
    salt: UInt64, _ body: (RandomScenario, inout SeededRandom) throws -> Void
  ) throws {
    for seed in 0..<Self.caseCount {
      let scenario = try RandomScenario(seed: seed)
      var random = SeededRandom(seed: seed ^ salt)
      try body(scenario, &random)
    }
  }

  @Test func evidenceOrderDoesNotMatter() throws {
    try forEachScenario(salt: 1) { scenario, random in
      let inOrder = try scenario.model()
      var shuffled = try scenario.emptyModel()
      for item in scenario.evidence.shuffled(using: &random) {
        try shuffled.record(item, at: scenario.now)
      }
      var batched = try scenario.emptyModel()
      try batched.record(scenario.evidence.shuffled(using: &random), at: scenario.now)
      for time in [scenario.now, scenario.now + 30 * RandomScenario.day] {
        assertEquivalent(inOrder, shuffled, at: time, "seed \(scenario.seed), one at a time")
        assertEquivalent(inOrder, batched, at: time, "seed \(scenario.seed), one batch")
      }
    }
  }

  @Test func sameEvidenceIDTwiceCountsOnce() throws {
    try forEachScenario(salt: 2) { scenario, random in
      let once = try scenario.model()
      var twice = try scenario.emptyModel()
      let repeated = scenario.evidence.filter { _ in Bool.random(using: &random) }
      let first = try twice.record(scenario.evidence + repeated, at: scenario.now)
      #expect(first.recorded == scenario.evidence.map(\.id), "seed \(scenario.seed)")
      #expect(first.duplicates == repeated.map(\.id), "seed \(scenario.seed)")
      let again = try twice.record(scenario.evidence.shuffled(using: &random), at: scenario.now)
      #expect(again.recorded.isEmpty && again.changes.isEmpty, "seed \(scenario.seed)")
      #expect(again.duplicates.count == scenario.evidence.count, "seed \(scenario.seed)")
      #expect(twice == once, "seed \(scenario.seed)")
      assertEquivalent(once, twice, at: scenario.now, "seed \(scenario.seed)")
    }
  }

  @Test func replayingTheLedgerEqualsTheIncrementalState() throws {
    try forEachScenario(salt: 3) { scenario, random in
      var incremental = try scenario.emptyModel()
      var remaining = scenario.evidence[...]
      while !remaining.isEmpty {
        let chunk = remaining.prefix(Int.random(in: 1...5, using: &random))
        remaining = remaining.dropFirst(chunk.count)
        let now = chunk.map(\.recordedAt).max() ?? scenario.now
        try incremental.record(Array(chunk), at: now)
      }
      let fromSnapshot = try UserModel(snapshot: incremental.snapshot)
      let fromParts = try UserModel(
        user: incremental.user, policy: incremental.policy, beliefs: incremental.beliefs,
        sources: incremental.sources, evidence: incremental.evidence)
      #expect(fromSnapshot == incremental, "seed \(scenario.seed)")
      #expect(fromParts == incremental, "seed \(scenario.seed)")
      assertEquivalent(incremental, fromSnapshot, at: scenario.now, "seed \(scenario.seed)")
      assertEquivalent(incremental, fromParts, at: scenario.now, "seed \(scenario.seed)")
    }
  }

  @Test func forgettingAnItemEqualsNeverHavingSeenIt() throws {
    try forEachScenario(salt: 4) { scenario, random in
      guard let victim = scenario.evidence.randomElement(using: &random) else { return }
      var model = try scenario.model()
      #expect(model.forget(evidence: victim.id) == victim, "seed \(scenario.seed)")
      #expect(model.forget(evidence: victim.id) == nil, "seed \(scenario.seed)")
      let never = try scenario.model(with: scenario.evidence.filter { $0.id != victim.id })
      #expect(model == never, "seed \(scenario.seed)")
      assertEquivalent(model, never, at: scenario.now, "seed \(scenario.seed)")
      // The forgotten id may be recorded again afterwards, even with other content.
      let reused = Evidence(
        id: victim.id, belief: victim.belief, content: victim.content, weight: victim.weight + 1,
        source: victim.source, observedAt: victim.observedAt)
      try model.record(reused, at: scenario.now)
      #expect(model.evidence(victim.id) == reused, "seed \(scenario.seed)")
    }
  }

  @Test func forgettingASourceEqualsNeverHavingSeenIt() throws {
    try forEachScenario(salt: 5) { scenario, random in
      let source = try #require(scenario.sources.randomElement(using: &random)).id
      var model = try scenario.model()
      let removed = model.forget(source: source)
      #expect(removed == scenario.evidence.filter { $0.source == source }, "seed \(scenario.seed)")
      let never = try scenario.model(with: scenario.evidence.filter { $0.source != source })
      #expect(model == never, "seed \(scenario.seed)")
      #expect(model.source(source) != nil, "seed \(scenario.seed): the source stays registered")
      for time in [scenario.now, scenario.now + 10 * RandomScenario.day] {
        assertEquivalent(model, never, at: time, "seed \(scenario.seed)")
      }
    }
  }

  @Test func asOfEqualsTheFoldOfWhatWasRecordedByThen() throws {
    try forEachScenario(salt: 6) { scenario, random in
      let model = try scenario.model()
      let cut = RandomScenario.start + .random(in: -1...91, using: &random) * RandomScenario.day
      let past = try model.asOf(cut)
      let fold = try scenario.model(with: scenario.evidence.filter { $0.recordedAt <= cut })
      #expect(past == fold, "seed \(scenario.seed)")
      assertEquivalent(past, fold, at: cut, "seed \(scenario.seed)")
      assertEquivalent(
        try model.asOf(scenario.now), model, at: scenario.now, "seed \(scenario.seed)")
    }
  }

  @Test func decayEntersOnlyThroughNow() throws {
    try forEachScenario(salt: 7) { scenario, random in
      // Recorded as it happened (each batch at its own clock time) or all at once at the end.
      var live = try scenario.emptyModel()
      for item in scenario.evidence { try live.record(item, at: item.recordedAt) }
      let late = try scenario.model()
      let times = (0..<4).map { _ in
        scenario.now + .random(in: 0...400, using: &random) * RandomScenario.day
      }.sorted()
      for time in times {
        assertEquivalent(live, late, at: time, "seed \(scenario.seed)")
      }
      // Moving `now` forward never adds evidence; without decay it changes nothing.
      for (earlier, later) in zip(times, times.dropFirst()) {
        for (a, b) in zip(try late.estimates(at: earlier), try late.estimates(at: later)) {
          #expect(
            b.totalEvidence <= a.totalEvidence * (1 + 1e-12) + 1e-300,
            "seed \(scenario.seed): T grew from \(a.totalEvidence) to \(b.totalEvidence)")
          if !scenario.hasDecay {
            #expect(a.evidence == b.evidence, "seed \(scenario.seed)")
          }
        }
      }
    }
  }

  @Test func probabilitiesStayStrictlyInsideZeroOneAndSumToOne() throws {
    try forEachScenario(salt: 8) { scenario, random in
      let model = try scenario.model()
      for days in [0, .random(in: 0...30, using: &random), 365 * 20] as [Double] {
        assertProbabilitiesValid(
          model, at: scenario.now + days * RandomScenario.day, "seed \(scenario.seed)")
      }
      for estimate in try model.estimates(at: scenario.now) {
        let outcome = try #require(estimate.outcomes.first)
        let interval = try estimate.credibleInterval(for: outcome, level: 0.9)
        #expect(
          interval.lowerBound >= 0 && interval.upperBound <= 1, "seed \(scenario.seed)")
      }
    }
  }

  @Test func snapshotJSONRoundTripIsIdentity() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let decoder = JSONDecoder()
    try forEachScenario(salt: 9) { scenario, _ in
      let model = try scenario.model()
      let data = try encoder.encode(model.snapshot)
      let snapshot = try decoder.decode(UserModelSnapshot.self, from: data)
      #expect(snapshot == model.snapshot, "seed \(scenario.seed)")
      #expect(try encoder.encode(snapshot) == data, "seed \(scenario.seed)")
      let decoded = try decoder.decode(UserModel.self, from: data)
      #expect(decoded == model, "seed \(scenario.seed)")
      #expect(
        try decoded.estimates(at: scenario.now) == model.estimates(at: scenario.now),
        "seed \(scenario.seed)")
    }
  }
}
