import Foundation
import SelfModel
import Testing

/// Evidence about a retired belief, or from a retired source, is kept hidden when a ledger is
/// replayed, but only if it would count were its entry back: it is checked against the
/// retired definition (or the one in force, when only the source is retired) exactly as
/// evidence in force is. Both replay paths: a model built from a ledger, and a store's journal.
@Suite struct RetiredEvidenceCheckTests {
  static let now = Date(timeIntervalSince1970: 1_700_000_000)

  static func catalogue() throws -> Catalogue {
    let parameters = try KnowledgeTracing.Parameters(
      prior: 0.3, learn: 0.1, forget: 0, guess: 0.2, slip: 0.1)
    return try Catalogue(
      version: 2,
      beliefs: [try .binary("live", statement: "In force")],
      sources: [try Source(id: "user", kind: .userStated, reliability: 1)],
      retiredBeliefs: [
        try .binary("gone", statement: "Retired"),
        try .dynamic("skill", statement: "A retired skill", parameters: parameters),
      ],
      retiredSources: [try Source(id: "old", kind: .behavior, reliability: 0.5)])
  }

  static func item(
    _ belief: BeliefKey, _ content: EvidenceContent, weight: Double = 1, source: SourceID = "user"
  ) -> Evidence {
    Evidence(
      id: "e1", belief: belief, content: content, weight: weight, source: source,
      observedAt: now)
  }

  /// Replays `item` both ways; returns the ledgers' ids (the same on both paths) or throws the
  /// error both paths threw (they must agree).
  static func replay(_ item: Evidence) throws -> [EvidenceID] {
    let catalogue = try catalogue()
    var fromJournal = try UserModel(user: "u", catalogue: catalogue)
    let journal = Result { () throws(ModelError) in
      try fromJournal.replayRecord(item, at: now)
      return fromJournal.evidence.map(\.id)
    }
    let built = Result { () throws(ModelError) in
      try UserModel(user: "u", catalogue: catalogue, evidence: [item]).evidence.map(\.id)
    }
    switch (journal, built) {
    case (.success(let a), .success(let b)):
      #expect(a == b)
      return a
    case (.failure(let a), .failure(let b)):
      #expect(a == b)
      throw a
    default:
      Issue.record("the two replay paths disagree: journal \(journal), built \(built)")
      return []
    }
  }

  @Test func validEvidenceAboutRetiredEntriesIsKeptHidden() throws {
    #expect(try Self.replay(Self.item("gone", .holds)) == ["e1"])
    #expect(try Self.replay(Self.item("live", .doesNotHold, source: "old")) == ["e1"])
    #expect(try Self.replay(Self.item("skill", .holds)) == ["e1"])
    #expect(
      try Self.replay(Self.item("gone", .distribution(["true": 0.7, "false": 0.3]))) == ["e1"])
  }

  @Test func anUnknownOutcomeIsRefusedForARetiredBeliefAndForARetiredSource() throws {
    #expect(throws: ModelError.unknownOutcome(belief: "gone", outcome: "maybe")) {
      try Self.replay(Self.item("gone", .outcome("maybe")))
    }
    #expect(throws: ModelError.unknownOutcome(belief: "live", outcome: "maybe")) {
      try Self.replay(Self.item("live", .outcome("maybe"), source: "old"))
    }
  }

  @Test func aDistributionOverOtherOutcomesIsRefused() throws {
    #expect(throws: ModelError.self) {
      try Self.replay(Self.item("gone", .distribution(["yes": 1])))
    }
  }

  @Test func aRetiredDynamicBeliefRefusesWeightsAndSoftEvidence() throws {
    #expect(throws: ModelError.self) { try Self.replay(Self.item("skill", .holds, weight: 2)) }
    #expect(throws: ModelError.self) {
      try Self.replay(Self.item("skill", .distribution(["true": 0.5, "false": 0.5])))
    }
  }

  @Test func theItemsOwnValuesAreCheckedToo() throws {
    #expect(throws: ModelError.self) { try Self.replay(Self.item("gone", .holds, weight: -1)) }
    #expect(throws: ModelError.unknownBelief("never")) {
      try Self.replay(Self.item("never", .holds))
    }
    #expect(throws: ModelError.unknownSource("nobody")) {
      try Self.replay(Self.item("gone", .holds, source: "nobody"))
    }
  }
}
