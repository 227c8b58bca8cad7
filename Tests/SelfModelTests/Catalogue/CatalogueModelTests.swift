import Foundation
import SelfModel
import Testing

/// A `UserModel` on a catalogue: shared definitions, own extras, retired entries and hidden
/// evidence, adoption and snapshots.
@Suite struct CatalogueModelTests {
  typealias Fixture = CatalogueTests
  static let now = Date(timeIntervalSince1970: 1_767_225_600)

  static func item(_ id: String, _ belief: BeliefKey, _ outcome: String, source: SourceID = "user")
    -> Evidence
  {
    Evidence(
      id: EvidenceID(stringLiteral: id), belief: belief, content: .outcome(outcome),
      source: source, observedAt: now)
  }

  @Test func aModelReadsItsDefinitionsFromTheCatalogue() throws {
    let catalogue = try Fixture.sample()
    var model = try UserModel(user: "u", catalogue: catalogue)
    #expect(model.beliefs == catalogue.beliefs)
    #expect(model.sources == catalogue.sources)
    #expect(model.policy == catalogue.policy && model.policyOverride == nil)
    #expect(model.ownBeliefs.isEmpty && model.snapshot.beliefs.isEmpty)
    try model.record(Self.item("e1", "preference.tone", "casual"), at: Self.now)
    let p = try model.estimate(for: "preference.tone", at: Self.now).probability(of: "casual")
    // W = 3, a = 0.3, one observation at reliability 0.95.
    #expect(abs(p - (0.95 + 3 * 0.3) / (0.95 + 3)) < 1e-12)
    #expect(model.snapshot.catalogueVersion == 1)
  }

  @Test func ownEntriesLiveBesideTheCatalogue() throws {
    var model = try UserModel(user: "u", catalogue: try Fixture.sample())
    let own = try BeliefDefinition.binary("interest.jazz", statement: "Likes jazz")
    try model.declare(own)
    try model.register(Source(id: "llm", kind: .modelInference, reliability: 0.3))
    #expect(model.beliefs.last == own && model.ownBeliefs == [own])
    #expect(model.sources.map(\.id) == ["user", "clicks", "llm"])
    try model.record(Self.item("e1", "interest.jazz", "true", source: "llm"), at: Self.now)
    #expect(model.snapshot.beliefs == [own] && model.snapshot.sources.map(\.id) == ["llm"])
  }

  @Test func catalogueEntriesChangeOnlyThroughTheCatalogue() throws {
    var model = try UserModel(user: "u", catalogue: try Fixture.sample())
    let before = model
    #expect(throws: ModelError.duplicateBelief("preference.tone")) {
      try model.declare(try Fixture.tone())
    }
    #expect(throws: ModelError.definedByCatalogue("belief preference.concise")) {
      try model.redeclare(try .binary("preference.concise", statement: "x"))
    }
    #expect(throws: ModelError.definedByCatalogue("source clicks")) {
      try model.register(Source(id: "clicks", kind: .behavior, reliability: 0.1))
    }
    #expect(model == before)
  }

  @Test func anOwnBeliefWithOtherOutcomesHidesTheCataloguesForItsUser() throws {
    let mine = try BeliefDefinition(
      key: "preference.tone", statement: "Tone", outcomes: ["terse", "chatty"])
    let model = try UserModel(user: "u", catalogue: try Fixture.sample(), beliefs: [mine])
    #expect(model.definition(for: "preference.tone") == mine)
    #expect(model.beliefs.map(\.key) == ["preference.concise", "preference.tone"])
    #expect(try model.estimates(at: Self.now).count == 2)
  }

  @Test func anOwnBeliefGivesWayToTheCatalogueWhileTheCatalogueListsIt() throws {
    let user = try Source(id: "user", kind: .userStated, reliability: 0.95)
    let v1 = try Catalogue(version: 1, beliefs: [try Fixture.concise()], sources: [user])
    var model = try UserModel(user: "u", catalogue: v1)
    let tone = try BeliefDefinition(
      key: "preference.tone", statement: "My own words", outcomes: ["formal", "casual", "playful"])
    try model.declare(tone)
    try model.record(Self.item("e1", "preference.tone", "formal"), at: Self.now)
    let v2 = try Fixture.sample(version: 2).successor(of: v1)
    try model.adopt(v2)
    #expect(model.ownBeliefs == [tone], "the user's declaration is kept, dormant")
    #expect(model.definition(for: "preference.tone") == (try Fixture.tone()))
    let direct = try UserModel(
      user: "u", catalogue: v2, evidence: [Self.item("e1", "preference.tone", "formal")])
    #expect(try model.estimates(at: Self.now) == direct.estimates(at: Self.now))
    // When the catalogue retires the key, the user's own definition is in force again.
    let v3 = try Catalogue(
      version: 3, beliefs: [try Fixture.concise()], sources: v2.sources, policy: v2.policy
    ).successor(of: v2)
    try model.adopt(v3)
    #expect(model.definition(for: "preference.tone") == tone)
    #expect(try model.estimate(for: "preference.tone", at: Self.now).totalEvidence > 0)
  }

  @Test func anOwnBeliefWithOtherOutcomesSurvivesTheCatalogueListingAndRetiringItsKey() throws {
    let clicks = try Source(id: "clicks", kind: .behavior, reliability: 0.6)
    let v1 = try Catalogue(version: 1, beliefs: [try Fixture.concise()], sources: [clicks])
    let mine = try BeliefDefinition(key: "y", statement: "Mine", outcomes: ["a", "b"])
    var model = try UserModel(user: "u", catalogue: v1, beliefs: [mine])
    try model.record(Self.item("y1", "y", "a", source: "clicks"), at: Self.now)
    let v2 = try Catalogue(
      version: 2, beliefs: [try Fixture.concise(), try .binary("y", statement: "Theirs")],
      sources: [clicks]
    ).successor(of: v1)
    let v3 = try Catalogue(version: 3, beliefs: [try Fixture.concise()], sources: [clicks])
      .successor(of: v2)
    var stepwise = model
    try stepwise.adopt(v2)
    #expect(stepwise.definition(for: "y") == mine)
    try stepwise.adopt(v3)
    #expect(stepwise.definition(for: "y") == mine)
    try model.adopt(v3)
    #expect(stepwise == model, "the path to version 3 does not matter")
    #expect(try model.estimate(for: "y", at: Self.now).evidence == [0.6, 0])
  }

  @Test func theModelDependsOnlyOnTheCatalogueItsOwnEntriesAndItsLedger() throws {
    let v1 = try Catalogue(version: 1, beliefs: [try Fixture.concise()])
    let z = try BeliefDefinition.binary("z", statement: "Mine")
    let s = try Source(id: "s", kind: .behavior, reliability: 0.5)
    var model = try UserModel(user: "u", catalogue: v1, beliefs: [z], sources: [s])
    try model.record(Self.item("z1", "z", "true", source: "s"), at: Self.now)
    let v2 = try Catalogue(
      version: 2, beliefs: [try Fixture.concise(), try .binary("z", statement: "Theirs")],
      sources: [s]
    ).successor(of: v1)
    let v3 = try Catalogue(version: 3, beliefs: [try Fixture.concise()]).successor(of: v2)
    var stepwise = model
    try stepwise.adopt(v2)
    let throughSnapshot = try UserModel(snapshot: stepwise.snapshot, catalogue: v3)
    try stepwise.adopt(v3)
    try model.adopt(v3)
    #expect(stepwise == model && throughSnapshot == model)
    for candidate in [stepwise, throughSnapshot] {
      #expect(
        try candidate.estimate(for: "z", at: Self.now) == model.estimate(for: "z", at: Self.now))
    }
    #expect(try model.estimate(for: "z", at: Self.now).totalEvidence == 0.5)
  }

  @Test func registeringASourceUnderARetiredIdCountsItsEvidenceAtOnce() throws {
    let stated = try Source(id: "stated", kind: .userStated, reliability: 1)
    let w1 = try Catalogue(version: 1, beliefs: [try Fixture.concise()], sources: [stated])
    var model = try UserModel(user: "u", catalogue: w1)
    try model.record(
      Evidence(
        id: "q1", belief: "preference.concise", content: .holds, weight: 5, source: "stated",
        observedAt: Self.now), at: Self.now)
    try model.adopt(try Catalogue(version: 2, beliefs: [try Fixture.concise()]).successor(of: w1))
    #expect(try model.estimate(for: "preference.concise", at: Self.now).totalEvidence == 0)
    try model.register(stated)
    let rebuilt = try UserModel(snapshot: model.snapshot, catalogue: model.catalogue)
    #expect(try model.estimate(for: "preference.concise", at: Self.now).totalEvidence == 5)
    #expect(try rebuilt.estimates(at: Self.now) == model.estimates(at: Self.now))
  }

  @Test func adoptingAnOlderCatalogueIsRefused() throws {
    var model = try UserModel(user: "u", catalogue: try Fixture.sample(version: 3))
    let before = model
    #expect(throws: ModelError.self) { try model.adopt(try Fixture.sample(version: 2)) }
    #expect(model == before)
  }

  @Test func retiredEntriesHideTheirEvidenceUntilTheyReturn() throws {
    let v1 = try Fixture.sample()
    var model = try UserModel(user: "u", catalogue: v1)
    try model.record(
      [
        Self.item("e1", "preference.tone", "casual"),
        Self.item("e2", "preference.concise", "true", source: "clicks"),
        Self.item("e3", "preference.concise", "false"),
      ], at: Self.now)
    let visible = try model.estimate(for: "preference.concise", at: Self.now)
    let v2 = try Catalogue(
      version: 2, beliefs: [try Fixture.concise()],
      sources: [Source(id: "user", kind: .userStated, reliability: 0.95)], policy: v1.policy
    ).successor(of: v1)
    try model.adopt(v2)
    #expect(model.evidence.count == 3)
    #expect(model.definition(for: "preference.tone") == nil)
    #expect(throws: ModelError.unknownBelief("preference.tone")) {
      try model.estimate(for: "preference.tone", at: Self.now)
    }
    #expect(throws: ModelError.unknownBelief("preference.tone")) {
      try model.record(Self.item("e4", "preference.tone", "casual"), at: Self.now)
    }
    // Only e3 counts now: e2's source is retired.
    let onlyUser = try UserModel(
      user: "u", catalogue: v2, evidence: [Self.item("e3", "preference.concise", "false")])
    #expect(
      try model.estimate(for: "preference.concise", at: Self.now)
        == onlyUser.estimate(for: "preference.concise", at: Self.now))
    #expect(
      try model.explain("preference.concise", at: Self.now).contributions.map(\.evidence.id)
        == ["e3"])
    // Snapshot and replay keep the hidden items.
    #expect(try UserModel(snapshot: model.snapshot, catalogue: v2) == model)
    // Forgetting a hidden item removes it for good.
    #expect(model.forget(evidence: "e1") != nil)
    // Listing the entries again brings the evidence back.
    let v3 = try Fixture.sample(version: 3).successor(of: v2)
    try model.adopt(v3)
    #expect(
      try model.estimate(for: "preference.concise", at: Self.now).evidence == visible.evidence)
    #expect(try model.estimate(for: "preference.tone", at: Self.now).totalEvidence == 0)
  }

  @Test func aSnapshotNeedsItsCatalogueOrANewerOne() throws {
    let v2 = try Fixture.sample(version: 2)
    let model = try UserModel(user: "u", catalogue: v2)
    #expect(throws: ModelError.self) {
      try UserModel(snapshot: model.snapshot, catalogue: try Fixture.sample(version: 1))
    }
    #expect(throws: ModelError.self) { try UserModel(snapshot: model.snapshot) }
    let v3 = try Fixture.sample(version: 3).successor(of: v2)
    #expect(try UserModel(snapshot: model.snapshot, catalogue: v3).catalogue.version == 3)
  }

  @Test func aVersionOneSnapshotMergesIntoTheCatalogue() throws {
    let catalogue = try Fixture.sample()
    let old = try UserModel(
      user: "u", policy: catalogue.policy,
      beliefs: catalogue.beliefs + [
        try .binary("interest.jazz", statement: "Likes jazz")
      ], sources: catalogue.sources,
      evidence: [Self.item("e1", "preference.tone", "casual")])
    let encoder = JSONEncoder()
    let v1JSON =
      String(decoding: try encoder.encode(old.snapshot), as: UTF8.self)
      .replacingOccurrences(of: #""formatVersion":2"#, with: #""formatVersion":1"#)
      .replacingOccurrences(of: #","catalogueVersion":0"#, with: "")
    let v1 = try JSONDecoder().decode(UserModelSnapshot.self, from: Data(v1JSON.utf8))
    #expect(v1.formatVersion == 1 && v1.catalogueVersion == 0)
    let migrated = try UserModel(snapshot: v1, catalogue: catalogue)
    #expect(migrated.ownBeliefs == old.beliefs, "the user's declarations are kept")
    #expect(migrated.beliefs.map(\.key) == catalogue.beliefs.map(\.key) + ["interest.jazz"])
    #expect(migrated.sources == catalogue.sources && migrated.policyOverride == nil)
    #expect(try migrated.estimates(at: Self.now) == old.estimates(at: Self.now))
  }

  @Test func codableCarriesTheCatalogue() throws {
    var model = try UserModel(user: "u", catalogue: try Fixture.sample())
    try model.record(Self.item("e1", "preference.tone", "casual"), at: Self.now)
    let data = try JSONEncoder().encode(model)
    #expect(try JSONDecoder().decode(UserModel.self, from: data) == model)
  }

  @Test func policyCanFollowTheCatalogueAgain() throws {
    let catalogue = try Fixture.sample()
    var model = try UserModel(
      user: "u", catalogue: catalogue, policy: RevisionPolicy(priorWeight: 10))
    try model.record(Self.item("e1", "preference.tone", "casual", source: "clicks"), at: Self.now)
    #expect(model.policy.priorWeight == 10)
    try model.replacePolicy(nil)
    #expect(model.policy == catalogue.policy && model.policyOverride == nil)
    let direct = try UserModel(
      user: "u", catalogue: catalogue,
      evidence: [Self.item("e1", "preference.tone", "casual", source: "clicks")])
    #expect(try model.estimates(at: Self.now) == direct.estimates(at: Self.now))
  }
}
