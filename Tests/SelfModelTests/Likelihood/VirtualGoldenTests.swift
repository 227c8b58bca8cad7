import Foundation
import SelfModel
import Testing

/// The golden file of snapshot format 4 (likelihood-ratio and Jeffrey evidence):
/// `Resources/golden-snapshot-v4-virtual.json`. Written once by `JSONEncoder`
/// (`.sortedKeys, .prettyPrinted`) and never regenerated: a change that breaks reading it, or
/// writes it differently, is a file-format change. Its estimates were computed independently
/// with NumPy (see the test). Older golden files must still read unchanged
/// (`GoldenSnapshotTests`, `ContextGoldenTests`).
@Suite struct VirtualGoldenTests {
  static let start = Date(timeIntervalSinceReferenceDate: 800_000_000)
  static let day: TimeInterval = 86_400

  static func model() throws -> UserModel {
    var policy = RevisionPolicy()
    policy.halfLifeBySourceKind = [.modelInference: 30 * day]
    var model = try UserModel(user: "virtual-user", policy: policy)
    try model.declare(
      .binary("preference.concise", statement: "Prefers concise answers", baseRate: 0.35))
    try model.declare(
      BeliefDefinition(
        key: "level", statement: "Skill level", outcomes: ["low", "mid", "high"],
        baseRates: [0.5, 0.3, 0.2]))
    try model.register(Source(id: "user", kind: .userStated, reliability: 1))
    try model.register(Source(id: "judge", kind: .modelInference, reliability: 0.8))
    let items: [(String, BeliefKey, EvidenceContent, SourceID, Double)] = [
      ("u1", "preference.concise", .holds, "user", 0),
      ("u2", "preference.concise", .holds, "user", 1),
      ("u3", "preference.concise", .holds, "user", 2),
      ("u4", "preference.concise", .doesNotHold, "user", 3),
      ("j1", "preference.concise", .likelihoodRatio(outcome: "true", ratio: 3), "judge", 0),
      ("j2", "preference.concise", .likelihoodRatio(outcome: "false", ratio: 1.5), "judge", 30),
      ("u5", "level", .outcome("low"), "user", 0),
      ("u6", "level", .outcome("mid"), "user", 5),
      ("j3", "level", .jeffrey(target: ["low": 0.1, "mid": 0.6, "high": 0.3]), "judge", 30),
    ]
    for (id, belief, content, source, days) in items {
      try model.record(
        Evidence(
          id: try EvidenceID(id), belief: belief, content: content, source: source,
          observedAt: start + days * day), at: start + 30 * day)
    }
    return model
  }

  @Test func formatFourSnapshotReadsAndReEncodesByteForByte() throws {
    let data = try ContextGoldenTests.resource("golden-snapshot-v4-virtual")
    let written = try ContextGoldenTests.encoded(
      try Self.model().snapshot, as: "golden-snapshot-v4-virtual")
    #expect(written == data)
    let snapshot = try JSONDecoder().decode(UserModelSnapshot.self, from: data)
    #expect(snapshot.formatVersion == 4)
    let model = try UserModel(snapshot: snapshot)
    #expect(model == (try Self.model()))
    #expect(
      try ContextGoldenTests.encoded(model.snapshot, as: "golden-snapshot-v4-virtual") == data)
    let now = Self.start + 30 * Self.day
    let concise = try model.estimate(for: "preference.concise", at: now)
    #expect(abs(try concise.probability(of: "true") - Self.expectedConcise) < 1e-12)
    let level = try model.estimate(for: "level", at: now).probabilities
    for k in 0..<3 { #expect(abs(level[k] - Self.expectedLevel[k]) < 1e-12) }
  }

  /// A snapshot without virtual evidence is still written in version 2 or 3.
  @Test func onlyVirtualEvidenceRaisesTheVersion() throws {
    var model = try Self.model()
    for id in ["j1", "j2", "j3"] { model.forget(evidence: try EvidenceID(id)) }
    #expect(model.snapshot.formatVersion == 2)
  }

  static let expectedConcise = 0.6494692787229727
  static let expectedLevel = [0.1730769230769231, 0.6923076923076924, 0.1346153846153846]
}
