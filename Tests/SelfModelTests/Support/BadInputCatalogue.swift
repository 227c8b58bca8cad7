import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The catalogue of bad inputs from the issue ("Bad input"), used by ``BadInputTests``.
enum BadInputCatalogue {
  static let now = Date(timeIntervalSince1970: 1_700_000_000)

  /// Two beliefs, two sources, one evidence item `e1`, and a 30-day half-life so estimates
  /// depend on time.
  static func model() throws -> UserModel {
    try UserModelBuilder(user: "victim")
      .policy(RevisionPolicy(defaultHalfLife: 30 * 86_400))
      .binary("k", baseRate: 0.4)
      .categorical("tone", ["formal", "casual"])
      .source("user", kind: .userStated, reliability: 0.9)
      .source("clicks", kind: .behavior, reliability: 0.5)
      .evidence(
        Evidence(
          id: "e1", belief: "k", content: .holds, source: "user", observedAt: now - 86_400)
      )
      .build(at: now)
  }

  /// Valid evidence unless a parameter says otherwise.
  static func item(
    id: EvidenceID = "e-bad", belief: BeliefKey = "k", content: EvidenceContent = .holds,
    weight: Double = 1, source: SourceID = "user", observedAt: Date = now,
    recordedAt: Date? = nil, note: String? = nil, metadata: [String: String] = [:]
  ) -> Evidence {
    Evidence(
      id: id, belief: belief, content: content, weight: weight, source: source,
      observedAt: observedAt, recordedAt: recordedAt, note: note, metadata: metadata)
  }

  static func observe(_ evidence: Evidence) -> @Sendable (inout UserModel) throws -> Void {
    { model in try model.record(evidence, at: now) }
  }

  /// The snapshot of ``model()`` as a JSON object, changed by `edit`, decoded into the model.
  static func decodeEdited(_ edit: @escaping @Sendable (inout [String: Any]) -> Void)
    -> @Sendable (inout UserModel) throws -> Void
  {
    { model in
      let data = try JSONEncoder().encode(model.snapshot)
      var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      edit(&object)
      let edited = try JSONSerialization.data(withJSONObject: object)
      let decode = { try JSONDecoder().decode(UserModel.self, from: edited) }
      model = try ModelError.unwrappingDecoding(decode)  // the model error inside DecodingError
    }
  }

  static let weightField = "weight of evidence e-bad"
  static let statementField = "statement of belief new"

  static let evidenceCases: [BadInput] = [
    BadInput("NaN weight", .nonFiniteNumber(field: weightField), observe(item(weight: .nan))),
    BadInput(
      "infinite weight", .nonFiniteNumber(field: weightField), observe(item(weight: .infinity))),
    BadInput(
      "weight 0", .numberOutOfRange(field: weightField, value: 0, allowed: "greater than 0"),
      observe(item(weight: 0))),
    BadInput(
      "negative weight",
      .numberOutOfRange(field: weightField, value: -1, allowed: "greater than 0"),
      observe(item(weight: -1))),
    BadInput(
      "weight over a million",
      .numberOutOfRange(field: weightField, value: 1e17, allowed: "0 < weight <= 1000000"),
      observe(item(weight: 1e17))),
    BadInput(
      "soft evidence not summing to 1",
      .invalidDistribution(field: "soft evidence for belief k", reason: "it sums to 0.75, not 1"),
      observe(item(content: .distribution(["true": 0.5, "false": 0.25])))),
    BadInput(
      "negative soft mass",
      .numberOutOfRange(field: "soft evidence mass of \"false\"", value: -0.5, allowed: "0...1"),
      observe(item(content: .distribution(["true": 1.5, "false": -0.5])))),
    BadInput(
      "NaN soft mass", .nonFiniteNumber(field: "soft evidence mass of \"true\""),
      observe(item(content: .distribution(["true": .nan, "false": 0.5])))),
    BadInput(
      "unknown outcome", .unknownOutcome(belief: "k", outcome: "maybe"),
      observe(item(content: .outcome("maybe")))),
    BadInput(
      "unknown outcome in soft evidence", .unknownOutcome(belief: "tone", outcome: "rude"),
      observe(item(belief: "tone", content: .distribution(["formal": 0.5, "rude": 0.5])))),
    BadInput("unknown belief", .unknownBelief("nope"), observe(item(belief: "nope"))),
    BadInput("unknown source", .unknownSource("ghost"), observe(item(source: "ghost"))),
    BadInput(
      "observedAt beyond the future tolerance",
      .evidenceFromFuture(evidence: "e-bad", field: "observedAt", secondsAhead: 301),
      observe(item(observedAt: now + 301))),
    BadInput(
      "recordedAt beyond the future tolerance",
      .evidenceFromFuture(evidence: "e-bad", field: "recordedAt", secondsAhead: 3_600),
      observe(item(observedAt: now, recordedAt: now + 3_600))),
    BadInput(
      "NaN observedAt", .nonFiniteNumber(field: "observedAt of evidence e-bad"),
      observe(item(observedAt: Date(timeIntervalSinceReferenceDate: .nan)))),
    BadInput(
      "infinite recordedAt", .nonFiniteNumber(field: "recordedAt of evidence e-bad"),
      observe(item(recordedAt: Date(timeIntervalSinceReferenceDate: .infinity)))),
    BadInput(
      "evidence id reused with different content", .evidenceIDReused("e1"),
      observe(item(id: "e1", weight: 2, observedAt: now - 86_400))),
    BadInput("evidence id reused within a batch", .evidenceIDReused("e-bad")) { model in
      try model.record([item(), item(weight: 2)], at: now)
    },
    BadInput("NaN now", .nonFiniteNumber(field: "now")) { model in
      try model.record(item(), at: Date(timeIntervalSinceReferenceDate: .nan))
    },
    BadInput(
      "note over 4,096 bytes",
      .invalidText(
        field: "note of evidence e-bad", reason: "it is 4097 bytes; the maximum is 4096"),
      observe(item(note: String(repeating: "n", count: 4_097)))),
    BadInput(
      "empty note", .invalidText(field: "note of evidence e-bad", reason: "it is empty"),
      observe(item(note: ""))),
    BadInput(
      "33 metadata entries",
      .invalidText(field: "metadata of evidence e-bad", reason: "33 entries; the maximum is 32"),
      observe(
        item(
          metadata: Dictionary(uniqueKeysWithValues: (0..<33).map { ("key\($0)", "value") })))),
    BadInput(
      "metadata value over 1,024 bytes",
      .invalidText(
        field: "metadata value \"m\" of evidence e-bad",
        reason: "it is 1025 bytes; the maximum is 1024"),
      observe(item(metadata: ["m": String(repeating: "v", count: 1_025)]))),
    BadInput("a batch whose 5th item is bad", .unknownOutcome(belief: "k", outcome: "maybe")) {
      model in
      let good = try (1...4).map { try item(id: EvidenceID("good-\($0)")) }
      try model.record(good + [item(content: .outcome("maybe"))], at: now)
    },
  ]
}
