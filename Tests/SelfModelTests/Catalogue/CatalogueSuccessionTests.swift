import Foundation
import SelfModel
import Testing

/// `Catalogue.successor(of:)` and `changes(from:)`: what a new version may change, what is
/// refused, and how retired entries are carried.
@Suite struct CatalogueSuccessionTests {
  typealias Fixture = CatalogueTests

  @Test func compatibleChangesAreAcceptedAndListed() throws {
    let v1 = try Fixture.sample()
    let concise = try BeliefDefinition.binary(
      "preference.concise", statement: "Likes short answers", baseRate: 0.7)
    let emoji = try BeliefDefinition.binary("preference.emoji", statement: "Likes emoji")
    let v2 = try Catalogue(
      version: 2, beliefs: [concise, emoji],
      sources: [Source(id: "user", kind: .userStated, reliability: 0.9)],
      policy: RevisionPolicy(priorWeight: 2))
    let next = try v2.successor(of: v1)
    #expect(next.version == 2)
    #expect(next.beliefs == v2.beliefs && next.sources == v2.sources)
    #expect(next.retiredBeliefs == [try Fixture.tone()])
    #expect(next.retiredSources.map(\.id) == ["clicks"])
    let diff = next.changes(from: v1)
    #expect(diff.fromVersion == 1 && diff.toVersion == 2)
    #expect(diff.addedBeliefs == ["preference.emoji"])
    #expect(diff.changedBeliefs == ["preference.concise"])
    #expect(diff.removedBeliefs == ["preference.tone"])
    #expect(diff.addedSources.isEmpty && diff.changedSources == ["user"])
    #expect(diff.removedSources == ["clicks"])
    #expect(diff.policyChanged && !diff.isEmpty)
    #expect(v1.changes(from: v1).isEmpty)
  }

  @Test func changingOutcomesIsRefused() throws {
    let v1 = try Fixture.sample()
    let tone = try BeliefDefinition(
      key: "preference.tone", statement: "Tone", outcomes: ["formal", "casual"])
    let v2 = try Catalogue(version: 2, beliefs: [try Fixture.concise(), tone])
    #expect {
      try v2.successor(of: v1)
    } throws: { error in
      guard case ModelError.incompatibleCatalogue(let reason) = error else { return false }
      return reason.contains("preference.tone") && reason.contains("outcomes")
    }
  }

  @Test func aRetiredBeliefCanReturnOnlyWithItsOutcomes() throws {
    let v1 = try Fixture.sample()
    let v2 = try Catalogue(version: 2, beliefs: [try Fixture.concise()]).successor(of: v1)
    #expect(v2.retiredDefinition(for: "preference.tone") == (try Fixture.tone()))
    // Still retired two versions later, so it still guards the hidden evidence.
    let v3 = try Catalogue(version: 3, beliefs: []).successor(of: v2)
    #expect(Set(v3.retiredBeliefs.map(\.key)) == ["preference.concise", "preference.tone"])
    let wrong = try BeliefDefinition(
      key: "preference.tone", statement: "Tone", outcomes: ["warm", "cold"])
    #expect(throws: ModelError.self) {
      try Catalogue(version: 4, beliefs: [wrong]).successor(of: v3)
    }
    let back = try Catalogue(version: 4, beliefs: [try Fixture.tone()]).successor(of: v3)
    #expect(back.definition(for: "preference.tone") != nil)
    #expect(back.retiredBeliefs.map(\.key) == ["preference.concise"])
    #expect(back.changes(from: v3).addedBeliefs == ["preference.tone"])
  }

  @Test(arguments: [0, 1]) func aVersionThatIsNotNewerIsRefused(_ version: Int) throws {
    let v1 = try Fixture.sample()
    #expect(throws: ModelError.self) {
      try Fixture.sample(version: version).successor(of: v1)
    }
  }
}
