import Foundation
import SelfModel
import Testing

/// Every response value's JSON, pinned to a golden file under `Resources/golden-json/`.
///
/// A missing golden file is written (and the test fails once, so that it is reviewed and
/// committed); a changed encoding fails until the golden file is deliberately updated.
@Suite struct ResponseGoldenTests {
  static let now = Date(timeIntervalSinceReferenceDate: 760_000_000.25)
  static let day = 86_400.0

  static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return encoder
  }

  static func model() throws -> UserModel {
    var model = try UserModel(
      user: "user-42", policy: RevisionPolicy(priorWeight: 2, defaultHalfLife: 7 * day))
    try model.register(Source(id: "user", kind: .userStated, reliability: 0.9))
    try model.register(Source(id: "clicks", kind: .behavior, reliability: 0.5))
    try model.declare(.binary("preference.concise", statement: "Prefers concise answers"))
    try model.declare(
      BeliefDefinition(
        key: "preference.tone", statement: "Preferred tone",
        outcomes: ["formal", "casual", "playful"]))
    try model.record(
      [
        Evidence(
          id: "e1", belief: "preference.concise", content: .holds, weight: 3, source: "user",
          observedAt: now - 2 * day),
        Evidence(
          id: "e2", belief: "preference.concise", content: .doesNotHold, source: "clicks",
          observedAt: now - day),
        Evidence(
          id: "e3", belief: "preference.tone", content: .outcome("casual"), source: "user",
          observedAt: now - 20 * day),
      ], at: now)
    return model
  }

  private func check<T: Encodable>(_ value: T, _ name: String, filePath: String = #filePath)
    throws
  {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent("Resources/golden-json")
    let url = folder.appendingPathComponent("\(name).json")
    var data = try Self.encoder().encode(value)
    data.append(0x0A)
    guard let golden = try? Data(contentsOf: url) else {
      try data.write(to: url)
      Issue.record("wrote missing golden file \(name).json: review and commit it")
      return
    }
    #expect(
      String(decoding: data, as: UTF8.self) == String(decoding: golden, as: UTF8.self),
      "\(name).json")
  }

  @Test func estimate() throws {
    let model = try Self.model()
    try check(try model.estimate(for: "preference.concise", at: Self.now).response(), "estimate")
  }

  @Test func categoricalEstimate() throws {
    let model = try Self.model()
    try check(
      try model.estimate(for: "preference.tone", at: Self.now).response(level: 0.95),
      "estimate-categorical")
  }

  @Test func explanation() throws {
    let model = try Self.model()
    try check(try model.explain("preference.concise", at: Self.now).response(), "explanation")
  }

  @Test func observation() throws {
    var model = try Self.model()
    let result = try model.record(
      [
        Evidence(
          id: "e4", belief: "preference.concise", content: .holds, source: "user",
          observedAt: Self.now),
        Evidence(
          id: "e1", belief: "preference.concise", content: .holds, weight: 3, source: "user",
          observedAt: Self.now - 2 * Self.day),
      ], at: Self.now)
    try check(try result.response(), "observation")
  }

  @Test func alignmentAndRanking() throws {
    let scorer = try AlignmentScorer(model: Self.model(), at: Self.now)
    let candidates = [
      try Candidate(
        id: "reply-a", label: "Short and casual",
        stances: [
          try Stance(belief: "preference.concise", asserts: .holds, importance: 2),
          try Stance(belief: "preference.tone", asserts: .outcome("casual")),
          try Stance(belief: "preference.emoji", asserts: .holds, importance: 0.5),
        ]),
      try Candidate(
        id: "reply-b", label: "Long and formal",
        stances: [try Stance(belief: "preference.concise", asserts: .doesNotHold)]),
    ]
    try check(try scorer.score(candidates[0]).response, "alignment")
    try check(try scorer.rank(candidates).map(\.response), "ranked-candidates")
  }

  @Test func drift() throws {
    let model = try Self.model()
    let report = try DriftReport(
      model: model, from: Self.now - 3 * Self.day, to: Self.now + 30 * Self.day)
    try check(report.response, "drift")
  }

  @Test func problems() throws {
    try check(
      ModelError.unknownOutcome(belief: "preference.tone", outcome: "rude").problem,
      "problem")
  }

  @Test func responsesDecodeBackToEqualValues() throws {
    let model = try Self.model()
    let estimate = try model.estimate(for: "preference.tone", at: Self.now).response()
    let data = try Self.encoder().encode(estimate)
    #expect(try JSONDecoder().decode(EstimateResponse.self, from: data) == estimate)
    let drift = try DriftReport(model: model, from: Self.now, to: Self.now + Self.day).response
    let driftData = try JSONEncoder().encode(drift)
    #expect(try JSONDecoder().decode(DriftResponse.self, from: driftData) == drift)
  }
}
