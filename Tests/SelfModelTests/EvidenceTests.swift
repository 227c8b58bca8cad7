import Foundation
import SelfModel
import Testing

@Suite struct EvidenceTests {
  static let now = Date(timeIntervalSince1970: 1_700_000_000)

  @Test func recordedAtDefaultsToObservedAt() {
    let item = Evidence(id: "e", belief: "k", content: .holds, source: "s", observedAt: Self.now)
    #expect(item.recordedAt == Self.now && item.weight == 1)
  }

  @Test func contentMasses() throws {
    let tone = try BeliefDefinition(key: "tone", statement: "s", outcomes: ["a", "b", "c"])
    #expect(try EvidenceContent.outcome("b").masses(for: tone) == [0, 1, 0])
    #expect(
      try EvidenceContent.distribution(["c": 0.25, "a": 0.75]).masses(for: tone) == [0.75, 0, 0.25])
    let binary = try BeliefDefinition.binary("k", statement: "s")
    #expect(try EvidenceContent.holds.masses(for: binary) == [1, 0])
    #expect(try EvidenceContent.doesNotHold.masses(for: binary) == [0, 1])
  }

  @Test func encodingOmitsAnEmptyNoteAndMetadata() throws {
    let item = Evidence(id: "e", belief: "k", content: .holds, source: "s", observedAt: Self.now)
    let json = String(decoding: try JSONEncoder().encode(item), as: UTF8.self)
    #expect(!json.contains("note") && !json.contains("metadata"))
    #expect(json.contains("recordedAt"))
  }

  @Test func equalContentMeansEqualEvidence() {
    let a = Evidence(
      id: "e", belief: "k", content: .holds, source: "s", observedAt: Self.now, metadata: ["x": "1"]
    )
    let b = Evidence(
      id: "e", belief: "k", content: .holds, source: "s", observedAt: Self.now, metadata: ["x": "2"]
    )
    #expect(a != b)
  }
}
