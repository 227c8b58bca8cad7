import Foundation
import SelfModel
import SelfModelTesting
import Testing

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
    ) { model in try model.record(item(id: EvidenceID(emptyID)), at: now) },
    BadInput(
      "evidence id of 257 bytes",
      .invalidIdentifier(
        kind: "evidence id", value: String(repeating: "a", count: 40) + "…",
        reason: "it is 257 bytes long; the maximum is 256")
    ) { model in try model.record(item(id: EvidenceID(longID)), at: now) },
    BadInput(
      "control character in an evidence id",
      .invalidIdentifier(
        kind: "evidence id", value: "e\\u{1}", reason: "it contains the disallowed byte 0x1")
    ) { model in try model.record(item(id: EvidenceID(controlID)), at: now) },
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
      "reliability override 1001",
      .numberOutOfRange(field: "reliabilityOverrides[user]", value: 1_001, allowed: "0...1000"),
      replacePolicy { $0.reliabilityOverrides["user"] = 1_001 }),
    BadInput(
      "negative reliability override",
      .numberOutOfRange(field: "reliabilityOverrides[user]", value: -1, allowed: "0...1000"),
      replacePolicy { $0.reliabilityOverrides["user"] = -1 }),
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
      "snapshot with formatVersion 6", .unsupportedFormatVersion(found: 6, supported: 1...5),
      decodeEdited { $0["formatVersion"] = 6 }),
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
