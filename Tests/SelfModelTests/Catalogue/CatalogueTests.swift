import Foundation
import SelfModel
import Testing

/// `Catalogue`: validation, lookups, the stable JSON form and its refusals.
@Suite struct CatalogueTests {
  static func concise() throws -> BeliefDefinition {
    try .binary("preference.concise", statement: "Prefers concise answers", baseRate: 0.4)
  }

  static func tone() throws -> BeliefDefinition {
    try BeliefDefinition(
      key: "preference.tone", statement: "Preferred tone",
      outcomes: ["formal", "casual", "playful"], baseRates: [0.5, 0.3, 0.2])
  }

  static func sample(version: Int = 1) throws -> Catalogue {
    try Catalogue(
      version: version, beliefs: [concise(), tone()],
      sources: [
        Source(id: "user", kind: .userStated, reliability: 0.95),
        Source(id: "clicks", kind: .behavior, reliability: 0.6),
      ],
      policy: RevisionPolicy(priorWeight: 3, halfLifeBySourceKind: [.behavior: 14 * 86_400]))
  }

  @Test func looksUpWhatItLists() throws {
    let catalogue = try Self.sample()
    #expect(catalogue.version == 1)
    #expect(catalogue.definition(for: "preference.tone") == (try Self.tone()))
    #expect(catalogue.definition(for: "missing") == nil)
    #expect(catalogue.source("clicks")?.reliability == 0.6)
    #expect(catalogue.source("missing") == nil)
    #expect(catalogue.retiredBeliefs.isEmpty && catalogue.retiredSources.isEmpty)
    #expect(Catalogue.empty.version == 0 && Catalogue.empty.beliefs.isEmpty)
  }

  @Test func refusesInvalidCatalogues() throws {
    #expect(throws: ModelError.duplicateBelief("preference.concise")) {
      try Catalogue(version: 1, beliefs: [try Self.concise(), try Self.concise()])
    }
    #expect(throws: ModelError.duplicateBelief("preference.concise")) {
      try Catalogue(version: 1, beliefs: [try Self.concise()], retiredBeliefs: [try Self.concise()])
    }
    let source = try Source(id: "user", kind: .userStated, reliability: 1)
    #expect(throws: ModelError.incompatibleCatalogue(reason: "source user is listed twice")) {
      try Catalogue(version: 1, beliefs: [], sources: [source, source])
    }
    #expect(
      throws: ModelError.numberOutOfRange(field: "catalogue version", value: -1, allowed: ">= 0")
    ) {
      try Catalogue(version: -1, beliefs: [])
    }
    #expect(throws: ModelError.self) {
      try Catalogue(version: 1, beliefs: [], policy: RevisionPolicy(priorWeight: .nan))
    }
  }

  @Test func refusesCataloguesOverTheSizeLimit() throws {
    let definition = try Self.concise()
    let many = try (0...Catalogue.maximumBeliefs).map { index in
      try BeliefDefinition(
        key: BeliefKey("b\(index)"), statement: definition.statement,
        outcomes: definition.outcomes)
    }
    #expect(throws: ModelError.self) { try Catalogue(version: 1, beliefs: many) }
  }

  @Test func jsonRoundTripIsIdentityAndStable() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let catalogue = try Self.sample()
    let data = try encoder.encode(catalogue)
    let decoded = try JSONDecoder().decode(Catalogue.self, from: data)
    #expect(decoded == catalogue)
    #expect(try encoder.encode(decoded) == data)
    let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["format"] as? String == "selfmodel.catalogue")
    #expect(object["formatVersion"] as? Int == 1)
    #expect(
      Set(object.keys) == [
        "format", "formatVersion", "version", "policy", "beliefs", "sources", "retiredBeliefs",
        "retiredSources",
      ])
  }

  @Test func goldenFileDecodesAndReEncodesByteForByte() throws {
    let url = try #require(
      Bundle.module.url(
        forResource: "golden-catalogue-v1", withExtension: "json", subdirectory: "Resources"))
    let data = try Data(contentsOf: url)
    let catalogue = try JSONDecoder().decode(Catalogue.self, from: data)
    #expect(catalogue.version == 2)
    #expect(catalogue.retiredBeliefs.map(\.key) == ["preference.emoji"])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    #expect(
      String(decoding: try encoder.encode(catalogue), as: UTF8.self) + "\n"
        == String(decoding: data, as: UTF8.self))
  }

  /// Each refused document with the error that names why.
  static let refusedDocuments: [(json: String, expected: DecodingFailure)] = [
    (
      #"{"format":"selfmodel.user-export","formatVersion":1}"#,
      .model(
        .corruptSnapshot(reason: #"document kind is "selfmodel.user-export", not a catalogue"#))
    ),
    (
      #"{"format":"selfmodel.catalogue","formatVersion":99,"version":1}"#,
      .model(.unsupportedFormatVersion(found: 99, supported: Catalogue.readableFormatVersions))
    ),
    (
      #"{"format":"selfmodel.catalogue","formatVersion":1,"version":1,"policy":{},"beliefs":[],"sources":[{"id":"a","kind":"behavior","reliability":0.5},{"id":"a","kind":"behavior","reliability":0.5}]}"#,
      .model(.incompatibleCatalogue(reason: "source a is listed twice"))
    ),
    (
      #"{"format":"selfmodel.catalogue","formatVersion":1,"version":-3,"policy":{},"beliefs":[],"sources":[]}"#,
      .model(.numberOutOfRange(field: "catalogue version", value: -3, allowed: ">= 0"))
    ),
    (
      #"{"format":"selfmodel.catalogue","formatVersion":1,"version":1,"policy":{"priorWeight":-1},"beliefs":[],"sources":[]}"#,
      .model(.numberOutOfRange(field: "priorWeight", value: -1, allowed: "greater than 0"))
    ),
    (
      #"{"format":"selfmodel.catalogue","formatVersion":1,"version":1,"policy":{},"beliefs":[{"key":"","statement":"s","outcomes":["a","b"],"baseRates":[0.5,0.5]}],"sources":[]}"#,
      .model(.invalidIdentifier(kind: "belief key", value: "", reason: "it is empty"))
    ),
    (
      #"{"format":"selfmodel.catalogue","formatVersion":1,"version":1,"policy":{},"beliefs":[{"key":"x","statement":"s","outcomes":["a","b"],"baseRates":[0.5,0.5]}],"sources":[]"#,
      .corrupted
    ),
    ("", .corrupted),
  ]

  @Test(arguments: 0..<refusedDocuments.count)
  func decodingRefusesForeignNewerDamagedOrInvalidDocuments(_ index: Int) {
    let (json, expected) = Self.refusedDocuments[index]
    let failure = DecodingFailure.of {
      try JSONDecoder().decode(Catalogue.self, from: Data(json.utf8))
    }
    #expect(failure == expected, "\(json)")
  }

  @Test func newerFormatIsNamedAsSuch() {
    let json = #"{"format":"selfmodel.catalogue","formatVersion":9,"version":1}"#
    #expect(throws: ModelError.unsupportedFormatVersion(found: 9, supported: 1...3)) {
      try ModelError.unwrappingDecoding {
        try JSONDecoder().decode(Catalogue.self, from: Data(json.utf8))
      }
    }
  }
}
