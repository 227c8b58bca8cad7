import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// One bad input: what to do to a model, and the exact error it must throw.
struct BadInput: Sendable, CustomTestStringConvertible {
  let name: String
  let expected: ModelError
  let action: @Sendable (inout UserModel) throws -> Void

  var testDescription: String { name }

  init(
    _ name: String, _ expected: ModelError,
    _ action: @escaping @Sendable (inout UserModel) throws -> Void
  ) {
    self.name = name
    self.expected = expected
    self.action = action
  }
}

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
    { model in try model.observe(evidence, at: now) }
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
      try model.observe([item(), item(weight: 2)], at: now)
    },
    BadInput("NaN now", .nonFiniteNumber(field: "now")) { model in
      try model.observe(item(), at: Date(timeIntervalSinceReferenceDate: .nan))
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
      try model.observe(good + [item(content: .outcome("maybe"))], at: now)
    },
  ]
}

extension BadInputCatalogue {
  static func declare(_ make: @escaping @Sendable () throws -> BeliefDefinition)
    -> @Sendable (inout UserModel) throws -> Void
  {
    { model in try model.declare(make()) }
  }

  static func binary(statement: String = "A statement", baseRate: Double = 0.5)
    -> @Sendable (inout UserModel) throws -> Void
  {
    declare { try .binary("new", statement: statement, baseRate: baseRate) }
  }

  static func register(reliability: Double) -> @Sendable (inout UserModel) throws -> Void {
    { model in try model.register(Source(id: "s2", kind: .thirdParty, reliability: reliability)) }
  }

  static func replacePolicy(_ edit: @escaping @Sendable (inout RevisionPolicy) -> Void)
    -> @Sendable (inout UserModel) throws -> Void
  {
    { model in
      var policy = model.policy
      edit(&policy)
      try model.replacePolicy(policy)
    }
  }

  // Raw strings go through variables: `EvidenceID("")` with a literal argument is literal
  // coercion (the trapping `init(stringLiteral:)`), not the throwing `init(_:)`.
  static let longID = String(repeating: "a", count: 257)
  static let emptyID = ""
  static let controlID = "e\u{1}"
  static let spacedID = "my source"

  static let definitionCases: [BadInput] = [
    BadInput(
      "duplicate outcome names", .duplicateOutcome(belief: "new", outcome: "a"),
      declare { try BeliefDefinition(key: "new", statement: "s", outcomes: ["a", "b", "a"]) }),
    BadInput(
      "one outcome only", .tooFewOutcomes(belief: "new", count: 1),
      declare { try BeliefDefinition(key: "new", statement: "s", outcomes: ["a"]) }),
    BadInput(
      "empty statement", .invalidText(field: statementField, reason: "it is empty"),
      binary(statement: "")),
    BadInput(
      "whitespace-only statement", .invalidText(field: statementField, reason: "it is empty"),
      binary(statement: " \n\t ")),
    BadInput(
      "statement of 1,001 bytes",
      .invalidText(field: statementField, reason: "it is 1001 bytes; the maximum is 1000"),
      binary(statement: String(repeating: "s", count: 1_001))),
    BadInput(
      "control character in a statement",
      .invalidText(field: statementField, reason: "it contains a control character"),
      binary(statement: "bell\u{7}")),
    BadInput(
      "DEL character in a statement",
      .invalidText(field: statementField, reason: "it contains a control character"),
      binary(statement: "delete\u{7F}")),
    BadInput(
      "outcome name of 65 bytes",
      .invalidText(
        field: "outcome name of belief new", reason: "it is 65 bytes; the maximum is 64"),
      declare {
        try BeliefDefinition(
          key: "new", statement: "s", outcomes: ["a", String(repeating: "o", count: 65)])
      }),
    BadInput(
      "base rate 0",
      .numberOutOfRange(field: "base rates of belief new[0]", value: 0, allowed: "0 < rate < 1"),
      binary(baseRate: 0)),
    BadInput(
      "base rate 1",
      .numberOutOfRange(field: "base rates of belief new[0]", value: 1, allowed: "0 < rate < 1"),
      binary(baseRate: 1)),
    BadInput(
      "NaN base rate", .nonFiniteNumber(field: "base rates of belief new[0]"),
      binary(baseRate: .nan)),
    BadInput(
      "base rates not summing to 1",
      .invalidDistribution(field: "base rates of belief new", reason: "it sums to 0.75, not 1"),
      declare {
        try BeliefDefinition(
          key: "new", statement: "s", outcomes: ["a", "b"], baseRates: [0.5, 0.25])
      }),
    BadInput(
      "base rates of the wrong count",
      .invalidDistribution(field: "base rates of belief new", reason: "2 rates for 3 outcomes"),
      declare {
        try BeliefDefinition(
          key: "new", statement: "s", outcomes: ["a", "b", "c"], baseRates: [0.5, 0.5])
      }),
    BadInput(
      "belief declared twice", .duplicateBelief("k"),
      declare { try .binary("k", statement: "again") }),
    BadInput(
      "outcomes changed while evidence exists",
      .incompatibleRedeclaration(
        belief: "k", reason: "evidence refers to its outcomes; forget it first")
    ) { model in
      try model.redeclare(BeliefDefinition(key: "k", statement: "s", outcomes: ["yes", "no"]))
    },
    BadInput("redeclaring an unknown belief", .unknownBelief("nope")) { model in
      try model.redeclare(.binary("nope", statement: "s"))
    },
    BadInput(
      "reliability -0.1",
      .numberOutOfRange(field: "reliability of source s2", value: -0.1, allowed: "0...1"),
      register(reliability: -0.1)),
    BadInput(
      "reliability 1.1",
      .numberOutOfRange(field: "reliability of source s2", value: 1.1, allowed: "0...1"),
      register(reliability: 1.1)),
    BadInput(
      "NaN reliability", .nonFiniteNumber(field: "reliability of source s2"),
      register(reliability: .nan)),
  ]

  static let identifierCases: [BadInput] = [
    BadInput(
      "empty evidence id",
      .invalidIdentifier(kind: "evidence id", value: "", reason: "it is empty")
    ) { model in try model.observe(item(id: EvidenceID(emptyID)), at: now) },
    BadInput(
      "evidence id of 257 bytes",
      .invalidIdentifier(
        kind: "evidence id", value: String(repeating: "a", count: 40) + "…",
        reason: "it is 257 bytes long; the maximum is 256")
    ) { model in try model.observe(item(id: EvidenceID(longID)), at: now) },
    BadInput(
      "control character in an evidence id",
      .invalidIdentifier(
        kind: "evidence id", value: "e\\u{1}", reason: "it contains the disallowed byte 0x1")
    ) { model in try model.observe(item(id: EvidenceID(controlID)), at: now) },
    BadInput(
      "empty belief key", .invalidIdentifier(kind: "belief key", value: "", reason: "it is empty")
    ) { model in try model.declare(.binary(BeliefKey(emptyID), statement: "s")) },
    BadInput(
      "space in a source id",
      .invalidIdentifier(
        kind: "source id", value: "my source", reason: "it contains the disallowed byte 0x20")
    ) { model in
      try model.register(Source(id: SourceID(spacedID), kind: .behavior, reliability: 1))
    },
    BadInput(
      "user id of 257 bytes",
      .invalidIdentifier(
        kind: "user id", value: String(repeating: "a", count: 40) + "…",
        reason: "it is 257 bytes long; the maximum is 256")
    ) { model in model = try UserModel(user: UserID(longID)) },
  ]

  static let policyCases: [BadInput] = [
    BadInput(
      "prior weight 0",
      .numberOutOfRange(field: "priorWeight", value: 0, allowed: "greater than 0"),
      replacePolicy { $0.priorWeight = 0 }),
    BadInput(
      "NaN half-life", .nonFiniteNumber(field: "defaultHalfLife"),
      replacePolicy { $0.defaultHalfLife = .nan }),
    BadInput(
      "negative half-life for a source kind",
      .numberOutOfRange(
        field: "halfLifeBySourceKind[behavior]", value: -5, allowed: "greater than 0"),
      replacePolicy { $0.halfLifeBySourceKind[.behavior] = -5 }),
    BadInput(
      "cap -1",
      .numberOutOfRange(
        field: "maximumContributionPerSource", value: -1, allowed: "greater than 0"),
      replacePolicy { $0.maximumContributionPerSource = -1 }),
    BadInput(
      "reliability override 2",
      .numberOutOfRange(field: "reliabilityOverrides[user]", value: 2, allowed: "0...1"),
      replacePolicy { $0.reliabilityOverrides["user"] = 2 }),
    BadInput(
      "negative future tolerance",
      .numberOutOfRange(field: "futureTolerance", value: -1, allowed: "0...86400 (one day)"),
      replacePolicy { $0.futureTolerance = -1 }),
    BadInput("a new model with an invalid policy", .nonFiniteNumber(field: "priorWeight")) {
      model in model = try UserModel(user: "other", policy: RevisionPolicy(priorWeight: .infinity))
    },
  ]

  static let snapshotCases: [BadInput] = [
    BadInput(
      "snapshot with formatVersion 3", .unsupportedFormatVersion(found: 3, supported: 1...2),
      decodeEdited { $0["formatVersion"] = 3 }),
    BadInput(
      "snapshot with duplicate evidence ids",
      .corruptSnapshot(reason: "evidence e1 is listed twice"),
      decodeEdited { object in
        let evidence = object["evidence"] as? [Any] ?? []
        object["evidence"] = evidence + evidence
      }),
    BadInput(
      "snapshot with a source listed twice",
      .corruptSnapshot(reason: "source user is listed twice"),
      decodeEdited { object in
        let sources = object["sources"] as? [Any] ?? []
        object["sources"] = sources + sources.prefix(1)
      }),
    BadInput(
      "snapshot with a negative reliability",
      .numberOutOfRange(field: "reliability of source user", value: -0.5, allowed: "0...1"),
      decodeEdited { object in
        var sources = object["sources"] as? [[String: Any]] ?? []
        sources[0]["reliability"] = -0.5
        object["sources"] = sources
      }),
    BadInput(
      "snapshot with evidence about an undeclared belief", .unknownBelief("tone"),
      decodeEdited { object in
        let beliefs = object["beliefs"] as? [Any] ?? []
        object["beliefs"] = Array(beliefs.prefix(1))
        var evidence = object["evidence"] as? [[String: Any]] ?? []
        evidence[0]["belief"] = "tone"
        evidence[0]["content"] = ["outcome": "formal"]
        object["evidence"] = evidence
      }),
    BadInput(
      "snapshot with an invalid user id",
      .invalidIdentifier(
        kind: "user id", value: "no spaces", reason: "it contains the disallowed byte 0x20"),
      decodeEdited { $0["user"] = "no spaces" }),
  ]

  static let queryCases: [BadInput] = [
    BadInput("estimate at NaN now", .nonFiniteNumber(field: "now")) { model in
      _ = try model.estimate(for: "k", at: Date(timeIntervalSinceReferenceDate: .nan))
    },
    BadInput("explain at infinite now", .nonFiniteNumber(field: "now")) { model in
      _ = try model.explain("k", at: Date(timeIntervalSinceReferenceDate: .infinity))
    },
    BadInput("estimate of an unknown belief", .unknownBelief("nope")) { model in
      _ = try model.estimate(for: "nope", at: now)
    },
  ]

  static let all =
    evidenceCases + definitionCases + identifierCases + policyCases
    + snapshotCases + queryCases
}
