import Foundation
import SelfModel
import Testing

/// Per-source half-lives (with an explicit "no decay"), their precedence, their JSON form, and
/// reliability overrides above 1.
@Suite struct HalfLifeTests {
  static let day: TimeInterval = 86_400

  @Test func aSourcesRuleWinsOverEveryOtherRule() {
    let policy = RevisionPolicy(
      defaultHalfLife: 100, halfLifeBySourceKind: [.behavior: 50],
      halfLifeByBelief: ["b": 20], halfLifeBySource: ["s": .seconds(10), "t": .noDecay])
    #expect(policy.halfLife(for: "b", source: "s", sourceKind: .behavior) == 10)
    #expect(policy.halfLife(for: "b", source: "t", sourceKind: .behavior) == nil)
    #expect(policy.halfLife(for: "c", source: "t", sourceKind: .userStated) == nil)
    #expect(policy.halfLife(for: "b", source: "u", sourceKind: .behavior) == 20)
    #expect(policy.halfLife(for: "c", source: "u", sourceKind: .behavior) == 50)
    #expect(policy.halfLife(for: "c", source: "u", sourceKind: .userStated) == 100)
    #expect(HalfLife(nil) == .noDecay && HalfLife(.infinity) == .noDecay)
    #expect(HalfLife(5).timeInterval == 5)
  }

  @Test func theModelDecaysEachSourceByItsOwnRule() throws {
    let policy = RevisionPolicy(
      priorWeight: 2, halfLifeBySourceKind: [.behavior: Self.day],
      halfLifeBySource: ["exams": .noDecay, "clicks": .seconds(2 * Self.day)])
    let start = Date(timeIntervalSinceReferenceDate: 700_000_000)
    var model = try UserModel(
      user: "u", policy: policy,
      beliefs: [.binary("mastery", statement: "Masters it", baseRate: 0.5)],
      sources: [
        try Source(id: "exams", kind: .behavior, reliability: 1),
        try Source(id: "clicks", kind: .behavior, reliability: 1),
        try Source(id: "other", kind: .behavior, reliability: 1),
      ], evidence: [])
    let now = start + 4 * Self.day
    for (id, source, content) in [
      ("e1", "exams", EvidenceContent.holds), ("e2", "clicks", .holds),
      ("e3", "other", .doesNotHold),
    ] {
      _ = try model.append(
        Evidence(
          id: EvidenceID(id), belief: "mastery", content: content,
          source: SourceID(source), observedAt: start), at: now)
    }
    // t_true = 1 (no decay) + 2^-2 (two-day half-life), t_false = 2^-4 (the kind's day).
    let (yes, no) = (1 + 0.25, 1.0 / 16)
    let estimate = try model.estimate(for: "mastery", at: now)
    #expect(try abs(estimate.probability(of: "true") - (yes + 1) / (yes + no + 2)) < 1e-12)
  }

  @Test func reliabilityOverridesMayExceedOneUpToTheMaximum() throws {
    let start = Date(timeIntervalSinceReferenceDate: 700_000_000)
    let policy = RevisionPolicy(priorWeight: 2, reliabilityOverrides: ["tma": 50])
    let model = try UserModel(
      user: "u", policy: policy,
      beliefs: [.binary("mastery", statement: "Masters it", baseRate: 0.5)],
      sources: [try Source(id: "tma", kind: .behavior, reliability: 1)],
      evidence: [
        Evidence(id: "e", belief: "mastery", content: .holds, source: "tma", observedAt: start)
      ])
    let p = try model.estimate(for: "mastery", at: start).probability(of: "true")
    #expect(abs(p - 51.0 / 52) < 1e-12)
    #expect(throws: Never.self) {
      try RevisionPolicy(reliabilityOverrides: ["a": 1_000, "b": 0]).validate()
    }
    for bad in [1_000.5, -1, .nan, .infinity] {
      #expect(throws: ModelError.self) {
        try RevisionPolicy(reliabilityOverrides: ["a": bad]).validate()
      }
    }
    #expect(
      throws: ModelError.numberOutOfRange(
        field: "halfLifeBySource[a]", value: -5, allowed: "greater than 0")
    ) { try RevisionPolicy(halfLifeBySource: ["a": .seconds(-5)]).validate() }
    #expect(throws: ModelError.nonFiniteNumber(field: "halfLifeBySource[a]")) {
      try RevisionPolicy(halfLifeBySource: ["a": .seconds(.nan)]).validate()
    }
  }

  @Test func perSourceRulesRoundTripAndOldDocumentsStillRead() throws {
    let policy = RevisionPolicy(
      halfLifeBySource: ["exams": .noDecay, "clicks": .seconds(86_400)],
      reliabilityOverrides: ["clicks": 20])
    let data = try JSONEncoder().encode(policy)
    let text = try #require(String(data: data, encoding: .utf8))
    #expect(text.contains("\"exams\":\"none\""))
    #expect(try JSONDecoder().decode(RevisionPolicy.self, from: data) == policy)
    // Without per-source rules the field is not written, so the JSON is as before.
    let plain = try JSONEncoder().encode(RevisionPolicy())
    #expect(!(String(data: plain, encoding: .utf8) ?? "").contains("\"halfLifeBySource\""))
    let old = Data(#"{"priorWeight":3,"halfLifeBySourceKind":{"behavior":60}}"#.utf8)
    let decoded = try JSONDecoder().decode(RevisionPolicy.self, from: old)
    #expect(decoded.halfLifeBySource.isEmpty && decoded.priorWeight == 3)
    for bad in [#"{"halfLifeBySource":{"a":"never"}}"#, #"{"halfLifeBySource":{"a":-1}}"#] {
      #expect(throws: DecodingError.self) {
        try JSONDecoder().decode(RevisionPolicy.self, from: Data(bad.utf8))
      }
    }
  }
}
