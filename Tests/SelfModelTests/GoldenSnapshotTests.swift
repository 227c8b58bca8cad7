import Foundation
import SelfModel
import Testing

/// The golden files of snapshot format versions 1 and 2, `Resources/golden-snapshot-v1.json`
/// and `Resources/golden-snapshot-v2.json`, and of a version-2 snapshot on a catalogue,
/// `Resources/golden-snapshot-v2-catalogue.json` (on `Resources/golden-catalogue-v1.json`).
///
/// Each was written once by `JSONEncoder` (`.sortedKeys, .prettyPrinted`) and is never
/// regenerated: a change that breaks reading one, or writes the current version differently,
/// breaks the file format and needs a new format version and a new golden file.
@Suite struct GoldenSnapshotTests {
  static let start = Date(timeIntervalSince1970: 1_700_000_000)
  static let day: TimeInterval = 86_400
  static let evaluatedAt = start + 10 * day

  static func at(days: Double) -> Date { start + days * day }

  /// The model the golden file holds: two beliefs, three sources, decay by source kind, a
  /// reliability override and a cap that binds (clicks on `preference.tone`).
  static func goldenModel() throws -> UserModel {
    var policy = RevisionPolicy(priorWeight: 2, defaultHalfLife: 30 * day)
    policy.halfLifeBySourceKind[.behavior] = 7 * day
    policy.reliabilityOverrides["clicks"] = 0.5
    policy.maximumContributionPerSource = 10
    return try UserModel(
      user: "golden-user", policy: policy,
      beliefs: [
        .binary("preference.concise", statement: "Prefers concise answers", baseRate: 0.4),
        BeliefDefinition(
          key: "preference.tone", statement: "Preferred tone",
          outcomes: ["formal", "casual", "playful"], baseRates: [0.5, 0.3, 0.2]),
      ],
      sources: [
        Source(id: "user", kind: .userStated, reliability: 0.9),
        Source(id: "clicks", kind: .behavior, reliability: 0.8),
        Source(id: "classifier", kind: .modelInference, reliability: 0.7),
      ],
      evidence: goldenEvidence())
  }

  static func goldenEvidence() -> [Evidence] {
    [
      Evidence(
        id: "e1", belief: "preference.concise", content: .holds, weight: 3, source: "user",
        observedAt: at(days: 0)),
      Evidence(
        id: "e2", belief: "preference.concise", content: .doesNotHold, source: "clicks",
        observedAt: at(days: 1)),
      Evidence(
        id: "e3", belief: "preference.concise", content: .holds, weight: 2, source: "clicks",
        observedAt: at(days: 2), recordedAt: at(days: 3), metadata: ["screen": "chat"]),
      Evidence(
        id: "e4", belief: "preference.tone",
        content: .distribution(["formal": 0.7, "casual": 0.3]), source: "classifier",
        observedAt: at(days: 2), note: "classifier v2"),
      Evidence(
        id: "e5", belief: "preference.tone", content: .outcome("casual"), weight: 2,
        source: "user", observedAt: at(days: 5)),
      Evidence(
        id: "e6", belief: "preference.tone", content: .outcome("playful"), weight: 30,
        source: "clicks", observedAt: at(days: 6)),
    ]
  }

  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    return encoder
  }

  static func goldenData() throws -> Data {
    let url = try #require(
      Bundle.module.url(
        forResource: "golden-snapshot-v1", withExtension: "json", subdirectory: "Resources"))
    return try Data(contentsOf: url)
  }

  @Test func decodesToTheExpectedModel() throws {
    let data = try Self.goldenData()
    let snapshot = try JSONDecoder().decode(UserModelSnapshot.self, from: data)
    #expect(snapshot.formatVersion == 1)
    let model = try UserModel(snapshot: snapshot)
    #expect(model == (try Self.goldenModel()))
    #expect(try JSONDecoder().decode(UserModel.self, from: data) == model)
  }

  /// Expected values computed independently in Python (plain floats, no SelfModel code):
  ///
  ///     d = lambda age, h: 2 ** (-age / h)
  ///     concise_true  = 3*0.9*d(10, 30) + 2*0.5*d(8, 7)
  ///     concise_false = 1*0.5*d(9, 7)
  ///     p_true = (concise_true + 2*0.4) / (concise_true + concise_false + 2)
  ///     tone: classifier 0.7*d(8, 30)*[0.7, 0.3, 0]; user 2*0.9*d(5, 30) on casual;
  ///           clicks min(30*0.5*d(4, 7), 10) on playful (the cap binds)
  @Test func estimatesMatchIndependentlyComputedValues() throws {
    let model = try JSONDecoder().decode(UserModel.self, from: try Self.goldenData())
    let concise = try model.estimate(for: "preference.concise", at: Self.evaluatedAt)
    #expect(isClose(concise.evidence[0], 2.595853252289023, tolerance: 1e-12))
    #expect(isClose(concise.evidence[1], 0.20508383900190946, tolerance: 1e-12))
    #expect(isClose(try concise.probability(of: "true"), 0.7073313371360811, tolerance: 1e-12))
    #expect(isClose(concise.uncertainty, 0.41658533781416757, tolerance: 1e-12))
    let tone = try model.estimate(for: "preference.tone", at: Self.evaluatedAt)
    let expected = [0.09920751010603657, 0.16764867620786436, 0.7331438136860992]
    for (actual, value) in zip(tone.probabilities, expected) {
      #expect(isClose(actual, value, tolerance: 1e-12))
    }
    #expect(isClose(tone.totalEvidence, 12.185484219952562, tolerance: 1e-12))
    #expect(tone.evidence[2] == 10, "the clicks cap binds on playful")
  }

  @Test func reEncodingWritesVersionTwoByteForByte() throws {
    let v1 = try JSONDecoder().decode(UserModel.self, from: try Self.goldenData())
    let v2Data = try Self.resource("golden-snapshot-v2")
    let v2 = try JSONDecoder().decode(UserModel.self, from: v2Data)
    #expect(v1 == v2)
    #expect(try v2 == Self.goldenModel())
    #expect(try Self.encoder().encode(v1) == v2Data)
    #expect(try Self.encoder().encode(try Self.goldenModel().snapshot) == v2Data)
  }

  @Test func aSnapshotOnACatalogueReadsAndReEncodesByteForByte() throws {
    let catalogue = try JSONDecoder().decode(
      Catalogue.self, from: try Self.resource("golden-catalogue-v1"))
    let data = try Self.resource("golden-snapshot-v2-catalogue")
    let snapshot = try JSONDecoder().decode(UserModelSnapshot.self, from: data)
    let model = try UserModel(snapshot: snapshot, catalogue: catalogue)
    #expect(try Self.encoder().encode(model.snapshot) == data)
    #expect(model.ownBeliefs.map(\.key) == ["interest.jazz"])
    #expect(model.evidence.map(\.id) == ["e1", "e2", "e3"], "e1 is about a retired belief")
    #expect(model.definition(for: "preference.emoji") == nil)
    let at = Date(timeIntervalSince1970: 1_700_000_000.25)
    // e2: weight 2 x clicks' reliability 0.6 = 1.2 on casual; W = 3, a = (0.5, 0.3, 0.2).
    let tone = try model.estimate(for: "preference.tone", at: at)
    #expect(isClose(try tone.probability(of: "casual"), (1.2 + 0.9) / 4.2, tolerance: 1e-12))
    // e3: soft 0.7/0.3 at the llm's reliability 0.4; W = 3, a = 0.5.
    let jazz = try model.estimate(for: "interest.jazz", at: at)
    #expect(isClose(try jazz.probability(of: "true"), (0.28 + 1.5) / 3.4, tolerance: 1e-12))
  }

  static func resource(_ name: String) throws -> Data {
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources"))
    return try Data(contentsOf: url)
  }
}
