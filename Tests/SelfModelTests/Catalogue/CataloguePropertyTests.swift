import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The revision invariants across catalogue changes, over seeded random scenarios: publishing
/// version N+1 and then recording equals recording under version N+1 from the start, wherever
/// the change is compatible (and a retired entry's evidence is kept, hidden).
@Suite struct CataloguePropertyTests {
  static let caseCount: UInt64 = 400

  /// One scenario split into a catalogue and the user's own entries, with a random
  /// compatible next version.
  struct Split {
    let scenario: RandomScenario
    let v1: Catalogue
    let v2: Catalogue
    let ownBeliefs: [BeliefDefinition]
    let ownSources: [Source]
    let ownPolicy: RevisionPolicy?

    init(_ scenario: RandomScenario, random: inout SeededRandom) throws {
      self.scenario = scenario
      var listedBeliefs: [BeliefDefinition] = []
      var ownBeliefs: [BeliefDefinition] = []
      for belief in scenario.beliefs {
        if Bool.random(using: &random) {
          listedBeliefs.append(belief)
        } else {
          ownBeliefs.append(belief)
        }
      }
      var listedSources: [Source] = []
      var ownSources: [Source] = []
      for source in scenario.sources {
        if Bool.random(using: &random) {
          listedSources.append(source)
        } else {
          ownSources.append(source)
        }
      }
      let followsCatalogue = Bool.random(using: &random)
      ownPolicy = followsCatalogue ? nil : scenario.policy
      let listedPolicy =
        followsCatalogue
        ? scenario.policy : RevisionPolicy(priorWeight: .random(in: 1...4, using: &random))
      v1 = try Catalogue(
        version: 1, beliefs: listedBeliefs, sources: listedSources, policy: listedPolicy)
      let candidate = try Self.nextVersion(
        of: v1, own: ownBeliefs, ownSources: ownSources, using: &random)
      v2 = try candidate.successor(of: v1)
      self.ownBeliefs = ownBeliefs
      self.ownSources = ownSources
    }

    static func nextVersion(
      of v1: Catalogue, own: [BeliefDefinition], ownSources: [Source],
      using random: inout SeededRandom
    ) throws -> Catalogue {
      var beliefs: [BeliefDefinition] = []
      for belief in v1.beliefs where Int.random(in: 0..<5, using: &random) != 0 {
        beliefs.append(try Bool.random(using: &random) ? belief : rebased(belief, &random))
      }
      // The catalogue takes over one of the user's own beliefs now and then.
      if let adopted = own.randomElement(using: &random), Bool.random(using: &random) {
        beliefs.append(try rebased(adopted, &random))
      }
      beliefs.append(try .binary("added.later", statement: "Added in version 2"))
      var sources: [Source] = []
      for source in v1.sources where Int.random(in: 0..<5, using: &random) != 0 {
        sources.append(
          try Source(
            id: source.id, kind: SourceKind.allCases.randomElement(using: &random) ?? source.kind,
            reliability: .random(in: 0...1, using: &random)))
      }
      if let adopted = ownSources.randomElement(using: &random), Bool.random(using: &random) {
        sources.append(adopted)
      }
      var policy = v1.policy
      if Bool.random(using: &random) { policy.priorWeight = .random(in: 0.5...6, using: &random) }
      return try Catalogue(version: 2, beliefs: beliefs, sources: sources, policy: policy)
    }

    static func rebased(_ belief: BeliefDefinition, _ random: inout SeededRandom) throws
      -> BeliefDefinition
    {
      let raw = belief.outcomes.map { _ in Double.random(in: 0.2...1, using: &random) }
      let total = raw.reduce(0, +)
      return try BeliefDefinition(
        key: belief.key, statement: belief.statement + " (v2)", outcomes: belief.outcomes,
        baseRates: raw.map { $0 / total })
    }

    func model(on catalogue: Catalogue, evidence: [Evidence] = []) throws -> UserModel {
      try UserModel(
        user: scenario.user, catalogue: catalogue, policy: ownPolicy, beliefs: ownBeliefs,
        sources: ownSources, evidence: evidence)
    }
  }

  private func forEachSplit(salt: UInt64, _ body: (Split, inout SeededRandom) throws -> Void)
    throws
  {
    for seed in 0..<Self.caseCount {
      var random = SeededRandom(seed: seed ^ salt)
      try body(Split(RandomScenario(seed: seed), random: &random), &random)
    }
  }

  @Test func publishingThenRecordingEqualsRecordingUnderTheNewVersion() throws {
    try forEachSplit(salt: 11) { split, random in
      let scenario = split.scenario
      let cut = Int.random(in: 0...scenario.evidence.count, using: &random)
      let before = Array(scenario.evidence[..<cut])
      var published = try split.model(on: split.v1)
      try published.record(before, at: scenario.now)
      try published.adopt(split.v2)
      let after = scenario.evidence[cut...].filter {
        published.definition(for: $0.belief) != nil && published.source($0.source) != nil
      }
      try published.record(after, at: scenario.now)

      let replayed = try split.model(on: split.v2, evidence: before + after)
      #expect(published == replayed, "seed \(scenario.seed)")
      let visible = (before + after).filter {
        replayed.definition(for: $0.belief) != nil && replayed.source($0.source) != nil
      }
      var recorded = try split.model(on: split.v2)
      try recorded.record(visible, at: scenario.now)
      for time in [scenario.now, scenario.now + 20 * RandomScenario.day] {
        assertEquivalent(published, recorded, at: time, "seed \(scenario.seed)")
      }
      #expect(published.evidence.count == before.count + after.count, "seed \(scenario.seed)")
    }
  }

  @Test func thePathThroughCatalogueVersionsDoesNotMatter() throws {
    try forEachSplit(salt: 15) { split, random in
      let scenario = split.scenario
      // Version 3 lists what version 1 listed again: version 2's additions are retired.
      let v3 = try Catalogue(
        version: 3, beliefs: split.v1.beliefs, sources: split.v1.sources,
        policy: split.v1.policy
      ).successor(of: split.v2)
      let model = try split.model(on: split.v1, evidence: scenario.evidence)
      var stepwise = model
      try stepwise.adopt(split.v2)
      let throughSnapshot = try UserModel(snapshot: stepwise.snapshot, catalogue: v3)
      try stepwise.adopt(v3)
      var direct = model
      try direct.adopt(v3)
      #expect(stepwise == direct && throughSnapshot == direct, "seed \(scenario.seed)")
      assertEquivalent(stepwise, direct, at: scenario.now, "seed \(scenario.seed)")
      assertEquivalent(throughSnapshot, direct, at: scenario.now, "seed \(scenario.seed)")
      _ = random
    }
  }

  @Test func snapshotsAndAsOfSurviveACatalogueChange() throws {
    try forEachSplit(salt: 12) { split, random in
      let scenario = split.scenario
      var model = try split.model(on: split.v1, evidence: scenario.evidence)
      try model.adopt(split.v2)
      let fromSnapshot = try UserModel(snapshot: model.snapshot, catalogue: split.v2)
      #expect(fromSnapshot == model, "seed \(scenario.seed)")
      let cut = RandomScenario.start + .random(in: 0...90, using: &random) * RandomScenario.day
      let past = try model.asOf(cut)
      let fold = try split.model(
        on: split.v2, evidence: scenario.evidence.filter { $0.recordedAt <= cut })
      #expect(past == fold, "seed \(scenario.seed)")
    }
  }

  @Test func forgettingAfterACatalogueChangeEqualsNeverHavingSeenIt() throws {
    try forEachSplit(salt: 13) { split, random in
      let scenario = split.scenario
      guard let victim = scenario.evidence.randomElement(using: &random) else { return }
      var model = try split.model(on: split.v1, evidence: scenario.evidence)
      try model.adopt(split.v2)
      #expect(model.forget(evidence: victim.id) == victim, "seed \(scenario.seed)")
      let never = try split.model(
        on: split.v2, evidence: scenario.evidence.filter { $0.id != victim.id })
      #expect(model == never, "seed \(scenario.seed)")
      assertEquivalent(model, never, at: scenario.now, "seed \(scenario.seed)")
    }
  }

  @Test func adoptingIsIdempotentAndOrderOfPublicationDoesNotMatter() throws {
    try forEachSplit(salt: 14) { split, random in
      let scenario = split.scenario
      var once = try split.model(on: split.v1, evidence: scenario.evidence)
      try once.adopt(split.v2)
      var twice = once
      try twice.adopt(split.v2)
      #expect(once == twice, "seed \(scenario.seed)")
      var shuffled = try split.model(on: split.v1)
      try shuffled.record(scenario.evidence.shuffled(using: &random), at: scenario.now)
      try shuffled.adopt(split.v2)
      assertEquivalent(once, shuffled, at: scenario.now, "seed \(scenario.seed)")
    }
  }
}
