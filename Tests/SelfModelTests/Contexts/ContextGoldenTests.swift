import Foundation
import SelfModel
import Testing

/// The golden files of snapshot format 3 (evidence with contexts, an own definition with
/// priors) and catalogue format 2 (fitted priors): `Resources/golden-snapshot-v3-context.json`
/// and `Resources/golden-catalogue-v2-priors.json`. Written once by `JSONEncoder`
/// (`.sortedKeys, .prettyPrinted`) and never regenerated: a change that breaks reading one, or
/// writes it differently, is a file-format change. On a mismatch the bytes written now are left
/// in the temporary folder, named after the resource, for review.
@Suite struct ContextGoldenTests {
  static func resource(_ name: String) throws -> Data {
    let url = try #require(
      Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources"))
    return try Data(contentsOf: url)
  }

  static func encoded(_ value: some Encodable, as name: String) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let data = try encoder.encode(value)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).json")
    let golden = Bundle.module.url(
      forResource: name, withExtension: "json", subdirectory: "Resources")
    if golden.flatMap({ try? Data(contentsOf: $0) }) != data { try data.write(to: path) }
    return data
  }

  static func catalogue() throws -> Catalogue {
    try Catalogue(
      version: 4, beliefs: [try ContextEstimateTests.mastery()],
      sources: [
        try Source(id: "tutor", kind: .behavior, reliability: 0.8),
        try Source(id: "quiz", kind: .userStated, reliability: 0.9),
      ],
      policy: RevisionPolicy(halfLifeBySourceKind: [.behavior: 10 * ContextEstimateTests.day]))
  }

  static func model() throws -> UserModel {
    var model = try UserModel(user: "student-1", catalogue: try catalogue())
    try model.declare(
      try .binary(
        "on-time", statement: "Submits by the deadline", baseRate: 0.39, priorWeight: 1.42,
        contexts: ["type:CMA": ContextPrior(baseRates: [0.2, 0.8], priorWeight: 1_000)]))
    let items =
      try ContextEstimateTests.model().evidence + [
        Evidence(
          id: "e4", belief: "on-time", content: .doesNotHold, source: "quiz",
          observedAt: ContextEstimateTests.t0 + 8 * ContextEstimateTests.day, context: "type:CMA")
      ]
    try model.record(items, at: ContextEstimateTests.t0 + 10 * ContextEstimateTests.day)
    return model
  }

  @Test func formatThreeSnapshotReadsAndReEncodesByteForByte() throws {
    let data = try Self.resource("golden-snapshot-v3-context")
    let catalogue = try JSONDecoder().decode(
      Catalogue.self, from: try Self.resource("golden-catalogue-v2-priors"))
    #expect(catalogue == (try Self.catalogue()))
    let snapshot = try JSONDecoder().decode(UserModelSnapshot.self, from: data)
    #expect(snapshot.formatVersion == 3)
    let model = try UserModel(snapshot: snapshot, catalogue: catalogue)
    #expect(model == (try Self.model()))
    #expect(try Self.encoded(model.snapshot, as: "golden-snapshot-v3-context") == data)
    #expect(
      try Self.encoded(catalogue, as: "golden-catalogue-v2-priors")
        == Self.resource("golden-catalogue-v2-priors"))
    // The pooled tally from the catalogue's belief, the own belief's structural context.
    let now = ContextEstimateTests.t0 + 10 * ContextEstimateTests.day
    let inTMA = try model.estimate(for: "mastery", in: "type:TMA", at: now)
    #expect(abs(try inTMA.probability(of: "true") - 0.579607226417065) < 1e-12)
    let onTime = try model.estimate(for: "on-time", in: "type:CMA", at: now)
    #expect(abs(try onTime.probability(of: "true") - 200 / 1_000.9) < 1e-12)
  }
}
