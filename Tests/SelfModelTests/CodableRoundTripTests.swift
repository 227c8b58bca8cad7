import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// Every public model type survives a JSON round trip unchanged, and decoding validates.
@Suite struct CodableRoundTripTests {
  static let now = Date(timeIntervalSince1970: 1_700_000_000.25)

  private func roundTrip<T: Codable & Equatable>(
    _ value: T, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(value)
    let decoded = try JSONDecoder().decode(T.self, from: data)
    #expect(decoded == value, sourceLocation: sourceLocation)
    #expect(try encoder.encode(decoded) == data, sourceLocation: sourceLocation)
  }

  /// Decodes, unwrapping the model error behind a validation `DecodingError`.
  private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try ModelError.unwrappingDecoding { try JSONDecoder().decode(type, from: Data(json.utf8)) }
  }

  static func sampleModel() throws -> UserModel {
    let make = EvidenceFactory(clock: ManualClock(start: now), source: "user")
    var policy = RevisionPolicy(priorWeight: 3, defaultHalfLife: 30 * 86_400)
    policy.halfLifeBySourceKind[.behavior] = 7 * 86_400
    policy.halfLifeByBelief["tone"] = 60 * 86_400
    policy.reliabilityOverrides["clicks"] = 0.4
    policy.maximumContributionPerSource = 5
    policy.futureTolerance = 60
    return try UserModelBuilder(user: "user-1")
      .policy(policy)
      .binary("concise", baseRate: 0.3)
      .categorical("tone", ["formal", "casual", "playful"], baseRates: [0.5, 0.3, 0.2])
      .source("user", kind: .userStated, reliability: 0.95)
      .source("clicks", kind: .behavior, reliability: 0.6)
      .evidence(
        make.holds("concise", weight: 2, age: 86_400),
        make.doesNotHold("concise", source: "clicks", age: 3_600),
        make.soft(["formal": 0.7, "casual": 0.3], for: "tone", source: "clicks"),
        make.evidence(
          "tone", .outcome("playful"), weight: 0.5, note: "said so", metadata: ["via": "chat"])
      )
      .build(at: now)
  }

  @Test func identifiers() throws {
    try roundTrip(UserID("user-42"))
    try roundTrip(BeliefKey("preference.answer-length"))
    try roundTrip(EvidenceID("e-000001"))
    try roundTrip(SourceID("tenant/42"))
    #expect(String(decoding: try JSONEncoder().encode(UserID("u-1")), as: UTF8.self) == "\"u-1\"")
  }

  @Test(arguments: SourceKind.allCases)
  func sourceKinds(_ kind: SourceKind) throws {
    try roundTrip(kind)
    try roundTrip(Source(id: "s", kind: kind, reliability: 0.25))
  }

  @Test func beliefsEvidenceAndContent() throws {
    let model = try Self.sampleModel()
    for definition in model.beliefs { try roundTrip(definition) }
    for item in model.evidence { try roundTrip(item) }
    try roundTrip(EvidenceContent.holds)
    try roundTrip(EvidenceContent.distribution(["a": 0.25, "b": 0.75]))
  }

  @Test func evidenceDefaultsWhenFieldsAreMissing() throws {
    let item = try decode(
      Evidence.self,
      #"{"id":"e","belief":"k","content":{"outcome":"true"},"source":"s","observedAt":10}"#)
    #expect(item.weight == 1)
    #expect(item.recordedAt == item.observedAt)
    #expect(item.metadata.isEmpty && item.note == nil)
  }

  @Test func policies() throws {
    try roundTrip(RevisionPolicy())
    try roundTrip(try Self.sampleModel().policy)
    let defaults = try decode(RevisionPolicy.self, "{}")
    #expect(defaults == RevisionPolicy())
  }

  @Test func modelAndSnapshot() throws {
    let model = try Self.sampleModel()
    try roundTrip(model.snapshot)
    try roundTrip(model)
  }

  @Test func readSideValues() throws {
    let model = try Self.sampleModel()
    let later = Self.now + 10 * 86_400
    for estimate in try model.estimates(at: later) { try roundTrip(estimate) }
    try roundTrip(try model.explain("tone", at: later))
    var copy = model
    let result = try copy.record(
      Evidence(id: "new", belief: "concise", content: .holds, source: "user", observedAt: later),
      at: later)
    try roundTrip(result)
    for change in result.changes { try roundTrip(change) }
    for contested in try model.contestedBeliefs(at: later, minimumEvidence: 0, minimumConflict: 0) {
      try roundTrip(contested)
    }
    let stale = try model.staleBeliefs(at: Self.now + 400 * 86_400)
    #expect(!stale.isEmpty)
    for item in stale { try roundTrip(item) }
  }

  @Test func opinionsAndDistributions() throws {
    try roundTrip(try Opinion(positiveEvidence: 8, negativeEvidence: 2, baseRate: 0.3))
    try roundTrip(try BetaDistribution(alpha: 2.5, beta: 0.5))
    try roundTrip(try DirichletDistribution(alpha: [1, 2.5, 0.25]))
  }

  @Test func decodingInvalidValuesThrows() throws {
    #expect(
      throws: ModelError.numberOutOfRange(
        field: "reliability of source s", value: -0.5, allowed: "0...1")
    ) {
      try decode(Source.self, #"{"id":"s","kind":"behavior","reliability":-0.5}"#)
    }
    #expect(
      throws: ModelError.invalidIdentifier(
        kind: "belief key", value: "a b", reason: "it contains the disallowed byte 0x20")
    ) {
      try decode(BeliefKey.self, #""a b""#)
    }
    #expect(throws: ModelError.tooFewOutcomes(belief: "k", count: 1)) {
      try decode(
        BeliefDefinition.self,
        #"{"key":"k","statement":"s","outcomes":["a"],"baseRates":[1]}"#)
    }
    #expect(
      throws: ModelError.numberOutOfRange(
        field: "priorWeight", value: -1, allowed: "greater than 0")
    ) {
      try decode(RevisionPolicy.self, #"{"priorWeight":-1}"#)
    }
    #expect(throws: ModelError.self) {
      try decode(Opinion.self, #"{"belief":0.5,"disbelief":0.5,"uncertainty":0.5,"baseRate":0.5}"#)
    }
    #expect(throws: DecodingError.self) {
      try decode(EvidenceContent.self, #"{"outcome":"a","distribution":{"a":1}}"#)
    }
    #expect(throws: DecodingError.self) {
      try decode(SourceKind.self, #""telepathy""#)
    }
    // Unknown kinds used as dictionary keys in a policy are refused too.
    let unknownKey = DecodingFailure.of {
      try decode(RevisionPolicy.self, #"{"halfLifeBySourceKind":{"telepathy":10}}"#)
    }
    #expect(unknownKey == .corrupted)
  }
}
