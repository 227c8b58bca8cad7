import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The invariants of the revision rule for likelihood-ratio and Jeffrey evidence, over 300
/// seeded scenarios where about a third of the items are virtual evidence (see
/// ``RandomScenario/init(seed:virtualEvidence:)``). A failure names its seed.
@Suite struct VirtualEvidencePropertyTests {
  static let caseCount: UInt64 = 300

  private func forEachScenario(
    salt: UInt64, _ body: (RandomScenario, inout SeededRandom) throws -> Void
  ) throws {
    var sawVirtual = false
    for seed in 0..<Self.caseCount {
      let scenario = try RandomScenario(seed: seed, virtualEvidence: true)
      sawVirtual = sawVirtual || scenario.evidence.contains { $0.content.isVirtual }
      var random = SeededRandom(seed: seed ^ salt)
      try body(scenario, &random)
    }
    #expect(sawVirtual, "no scenario holds virtual evidence")
  }

  @Test func evidenceOrderDoesNotMatter() throws {
    try forEachScenario(salt: 11) { scenario, random in
      let inOrder = try scenario.model()
      var shuffled = try scenario.emptyModel()
      for item in scenario.evidence.shuffled(using: &random) {
        try shuffled.record(item, at: scenario.now)
      }
      for time in [scenario.now, scenario.now + 30 * RandomScenario.day] {
        assertEquivalent(inOrder, shuffled, at: time, "seed \(scenario.seed)")
        assertProbabilitiesValid(shuffled, at: time, "seed \(scenario.seed)")
      }
    }
  }

  @Test func sameEvidenceIDTwiceCountsOnce() throws {
    try forEachScenario(salt: 12) { scenario, random in
      let once = try scenario.model()
      var twice = try scenario.emptyModel()
      let repeated = scenario.evidence.filter { _ in Bool.random(using: &random) }
      try twice.record(scenario.evidence + repeated, at: scenario.now)
      try twice.record(scenario.evidence.shuffled(using: &random), at: scenario.now)
      #expect(twice == once, "seed \(scenario.seed)")
      assertEquivalent(once, twice, at: scenario.now, "seed \(scenario.seed)")
    }
  }

  @Test func replayingTheLedgerEqualsTheIncrementalState() throws {
    try forEachScenario(salt: 13) { scenario, random in
      var incremental = try scenario.emptyModel()
      var remaining = scenario.evidence[...]
      while !remaining.isEmpty {
        let chunk = remaining.prefix(Int.random(in: 1...5, using: &random))
        remaining = remaining.dropFirst(chunk.count)
        try incremental.record(Array(chunk), at: chunk.map(\.recordedAt).max() ?? scenario.now)
      }
      let data = try JSONEncoder().encode(incremental.snapshot)
      let decoded = try JSONDecoder().decode(UserModelSnapshot.self, from: data)
      let fromJSON = try UserModel(snapshot: decoded)
      #expect(fromJSON == incremental, "seed \(scenario.seed)")
      assertEquivalent(incremental, fromJSON, at: scenario.now, "seed \(scenario.seed)")
      let virtual = scenario.evidence.contains { $0.content.isVirtual }
      #expect(decoded.formatVersion == (virtual ? 4 : decoded.formatVersion))
    }
  }

  @Test func forgettingAnItemOrASourceEqualsNeverHavingSeenIt() throws {
    try forEachScenario(salt: 14) { scenario, random in
      let virtual = scenario.evidence.filter(\.content.isVirtual)
      if let victim = virtual.randomElement(using: &random) {
        var model = try scenario.model()
        #expect(model.forget(evidence: victim.id) == victim, "seed \(scenario.seed)")
        let never = try scenario.model(with: scenario.evidence.filter { $0.id != victim.id })
        #expect(model == never, "seed \(scenario.seed)")
        assertEquivalent(model, never, at: scenario.now, "seed \(scenario.seed)")
      }
      let source = try #require(scenario.sources.randomElement(using: &random)).id
      var model = try scenario.model()
      model.forget(source: source)
      let never = try scenario.model(with: scenario.evidence.filter { $0.source != source })
      assertEquivalent(model, never, at: scenario.now, "seed \(scenario.seed)")
    }
  }

  @Test func asOfEqualsTheFoldOfWhatWasRecordedByThen() throws {
    try forEachScenario(salt: 15) { scenario, random in
      let model = try scenario.model()
      let cut = RandomScenario.start + .random(in: -1...91, using: &random) * RandomScenario.day
      let fold = try scenario.model(with: scenario.evidence.filter { $0.recordedAt <= cut })
      assertEquivalent(try model.asOf(cut), fold, at: cut, "seed \(scenario.seed)")
    }
  }

  /// A virtual item's probability shift in `explain` is exact leave-one-out.
  @Test func explainShiftIsLeaveOneOut() throws {
    try forEachScenario(salt: 16) { scenario, random in
      guard let item = scenario.evidence.filter(\.content.isVirtual).randomElement(using: &random)
      else { return }
      let model = try scenario.model()
      let explanation = try model.explain(item.belief, at: scenario.now)
      let entry = try #require(explanation.contributions.first { $0.evidence.id == item.id })
      #expect(entry.logLikelihoods != nil && entry.currentWeight == 0, "seed \(scenario.seed)")
      var without = model
      without.forget(evidence: item.id)
      let after = try without.estimate(for: item.belief, at: scenario.now).probabilities
      for (k, shift) in entry.probabilityShift.enumerated() {
        let exact = explanation.estimate.probabilities[k] - after[k]
        #expect(abs(shift - exact) <= 1e-9, "seed \(scenario.seed): \(shift) vs \(exact)")
      }
    }
  }
}
