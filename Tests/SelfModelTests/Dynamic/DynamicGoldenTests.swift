import Foundation
import SelfModel
import Testing

/// The golden files of dynamic beliefs: catalogue format 3
/// (`Resources/golden-catalogue-v3-dynamic.json`) and snapshot format 5
/// (`Resources/golden-snapshot-v5-dynamic.json`). Written once by `JSONEncoder`
/// (`.sortedKeys, .prettyPrinted`) and never regenerated: a change that breaks reading them,
/// or writes them differently, is a file-format change. The mastery below was computed with
/// a separate Python implementation of the filter, not with this library. Older golden files
/// still read unchanged (`GoldenSnapshotTests`, `ContextGoldenTests`, `VirtualGoldenTests`).
@Suite struct DynamicGoldenTests {
  static let start = Date(timeIntervalSinceReferenceDate: 800_000_000)

  static func parameters() throws -> KnowledgeTracing.Parameters {
    try KnowledgeTracing.Parameters(prior: 0.25, learn: 0.15, forget: 0.02, guess: 0.2, slip: 0.1)
  }

  static func catalogue() throws -> Catalogue {
    try Catalogue(
      version: 1,
      beliefs: [
        .dynamic(
          "skill.fractions", statement: "Can add fractions", parameters: parameters(),
          tags: ["math"]),
        .binary("preference.concise", statement: "Prefers concise answers", baseRate: 0.4),
      ],
      sources: [Source(id: "quiz", kind: .behavior, reliability: 0.9)])
  }

  static func model() throws -> UserModel {
    var model = try UserModel(user: "dynamic-user")
    try model.declare(
      .dynamic("skill.decimals", statement: "Can compare decimals", parameters: parameters()))
    try model.register(Source(id: "quiz", kind: .behavior, reliability: 1))
    // Recorded out of time order: the filter runs in (observedAt, id) order.
    let answers: [(String, Bool, Double)] = [
      ("q3", false, 300), ("q1", true, 100), ("q2", false, 200), ("q4", true, 400),
      ("q5", true, 500),
    ]
    for (id, holds, seconds) in answers {
      try model.record(
        Evidence(
          id: try EvidenceID(id), belief: "skill.decimals", content: holds ? .holds : .doesNotHold,
          source: "quiz", observedAt: start + seconds),
        at: start + 1_000)
    }
    return model
  }

  /// Python, independently: the filter over (true, false, false, true, true).
  static let expectedMastery = 0.8651609038270326

  @Test func formatFiveSnapshotReadsAndReEncodesByteForByte() throws {
    let written = try ContextGoldenTests.encoded(
      try Self.model().snapshot, as: "golden-snapshot-v5-dynamic")
    let data = try ContextGoldenTests.resource("golden-snapshot-v5-dynamic")
    #expect(written == data)
    let snapshot = try JSONDecoder().decode(UserModelSnapshot.self, from: data)
    #expect(snapshot.formatVersion == 5)
    let model = try UserModel(snapshot: snapshot)
    #expect(model == (try Self.model()))
    let p = try model.estimate(for: "skill.decimals", at: Self.start + 1_000).probability(
      of: "true")
    #expect(abs(p - Self.expectedMastery) < 1e-12)
  }

  @Test func formatThreeCatalogueReadsAndReEncodesByteForByte() throws {
    let written = try ContextGoldenTests.encoded(
      try Self.catalogue(), as: "golden-catalogue-v3-dynamic")
    let data = try ContextGoldenTests.resource("golden-catalogue-v3-dynamic")
    #expect(written == data)
    let catalogue = try JSONDecoder().decode(Catalogue.self, from: data)
    #expect(catalogue == (try Self.catalogue()))
    #expect(catalogue.requiredFormatVersion == 3)
    #expect(catalogue.definition(for: "skill.fractions")?.kind == .dynamic(try Self.parameters()))
    #expect(catalogue.definition(for: "preference.concise")?.kind == .counted)
  }

  /// Docs/Math.md's worked example: each row of its table (before, P(right), after, next),
  /// P(next right) and the value of asking, computed with a separate Python loop.
  @Test func theWorkedExampleOfTheMathDocumentHolds() throws {
    let model = try Self.model()
    let rows: [[Double]] = [
      [0.25, 0.375, 0.6, 0.648], [0.648, 0.6536, 0.18707, 0.30527],
      [0.30527, 0.41369, 0.05207, 0.19321], [0.19321, 0.33525, 0.5187, 0.58052],
      [0.58052, 0.60636, 0.86164, 0.86516],
    ]
    let explanation = try model.explain("skill.decimals", at: Self.start + 1_000)
    #expect(
      explanation.contributions.map(\.evidence.id.rawValue) == ["q1", "q2", "q3", "q4", "q5"])
    let steps = explanation.contributions.compactMap(\.knowledgeTracingStep)
    #expect(steps.count == rows.count)
    for (step, row) in zip(steps, rows) {
      let actual = [
        step.masteryBefore, step.correctProbability, step.masteryAfterObservation,
        step.masteryNext,
      ]
      for (a, b) in zip(actual, row) { #expect(abs(a - b) < 5e-6, "\(actual) vs \(row)") }
    }
    let mastery = try #require(explanation.estimate.mastery)
    #expect(abs(mastery.correctProbability - 0.8056126326789228) < 1e-12)
    let question = try #require(
      try NextQuestion.rank(model, at: Self.start + 1_000, answers: .perfect).first)
    #expect(abs(question.expectedInformationGain - 0.2074590115575895) < 1e-12)
  }

  /// Without a dynamic definition the versions stay where they were.
  @Test func onlyADynamicDefinitionRaisesTheVersions() throws {
    var model = try Self.model()
    for id in ["q1", "q2", "q3", "q4", "q5"] { model.forget(evidence: try EvidenceID(id)) }
    #expect(model.snapshot.formatVersion == 5)
    var counted = try UserModel(user: "counted")
    try counted.declare(.binary("a", statement: "A"))
    #expect(counted.snapshot.formatVersion == 2)
  }
}
