import Foundation
import SelfModel
import Testing

/// Declaring a dynamic belief (``BeliefDefinition/dynamic(_:statement:parameters:tags:importance:)``),
/// its JSON form, format versions and catalogue succession.
@Suite struct DynamicBeliefDefinitionTests {
  @Test func aDynamicDefinitionIsBinaryWithThePriorAsBaseRate() throws {
    let parameters = try DynamicFixture.parameters(prior: 0.3)
    let definition = try DynamicFixture.definition(parameters)
    #expect(definition.kind == .dynamic(parameters))
    #expect(definition.kind.isDynamic)
    #expect(definition.isBinary)
    #expect(definition.baseRates == [0.3, 0.7])
    #expect(!(try BeliefDefinition.binary("a", statement: "A")).kind.isDynamic)
  }

  @Test(arguments: [
    (Double.nan, "prior"), (1.5, "prior"), (-0.1, "learn"), (0, "guess"), (1, "slip"),
  ])
  func invalidParametersAreATypedError(_ value: Double, _ field: String) {
    var values = ["prior": 0.3, "learn": 0.1, "forget": 0.0, "guess": 0.2, "slip": 0.1]
    values[field] = value
    #expect(throws: ModelError.self) {
      _ = try KnowledgeTracing.Parameters(
        prior: values["prior"] ?? 0, learn: values["learn"] ?? 0, forget: values["forget"] ?? 0,
        guess: values["guess"] ?? 0, slip: values["slip"] ?? 0)
    }
  }

  @Test(arguments: [0.0, 1.0])
  func aCertainPriorIsRefusedForADynamicBelief(_ prior: Double) throws {
    let parameters = try DynamicFixture.parameters(prior: prior)
    #expect(
      throws: ModelError.numberOutOfRange(
        field: "prior of dynamic belief skill.fractions", value: prior,
        allowed: "strictly between 0 and 1")
    ) { _ = try DynamicFixture.definition(parameters) }
  }

  @Test func theJSONFormRoundTripsAndCarriesTheParameters() throws {
    let definition = try DynamicFixture.definition(try DynamicFixture.parameters())
    let data = try JSONEncoder().encode(definition)
    let text = try #require(String(data: data, encoding: .utf8))
    #expect(text.contains("\"dynamic\""))
    #expect(try JSONDecoder().decode(BeliefDefinition.self, from: data) == definition)
    let counted = try BeliefDefinition.binary("a", statement: "A")
    let countedText = String(decoding: try JSONEncoder().encode(counted), as: UTF8.self)
    #expect(!countedText.contains("dynamic"))
  }

  @Test(arguments: [
    #"{"prior":"nan","learn":0.1,"forget":0,"guess":0.2,"slip":0.1}"#,
    #"{"prior":0.3,"learn":1.1,"forget":0,"guess":0.2,"slip":0.1}"#,
    #"{"prior":0.3,"learn":0.1,"forget":0,"guess":0,"slip":0.1}"#,
    #"{"prior":0,"learn":0.1,"forget":0,"guess":0.2,"slip":0.1}"#,
  ])
  func decodingInvalidParametersIsATypedError(_ parameters: String) throws {
    let json =
      #"{"key":"k","statement":"S","outcomes":["true","false"],"baseRates":[0.3,0.7],"dynamic":"#
      + parameters + "}"
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
      _ = try decoder.decode(BeliefDefinition.self, from: Data(json.utf8))
      Issue.record("decoded \(parameters)")
    } catch {
      #expect(ModelError(unwrapping: error) != nil, "\(error)")
    }
  }

  @Test(arguments: [
    #""outcomes":["yes","no"],"baseRates":[0.3,0.7]"#,
    #""outcomes":["true","false"],"baseRates":[0.5,0.5]"#,
    #""outcomes":["true","false"],"baseRates":[0.3,0.7],"priorWeight":4"#,
  ])
  func decodingAnInconsistentDynamicDefinitionIsATypedError(_ fields: String) throws {
    let json =
      #"{"key":"k","statement":"S","# + fields
      + #","dynamic":{"prior":0.3,"learn":0.1,"forget":0,"guess":0.2,"slip":0.1}}"#
    do {
      _ = try JSONDecoder().decode(BeliefDefinition.self, from: Data(json.utf8))
      Issue.record("decoded \(fields)")
    } catch {
      #expect(ModelError(unwrapping: error) != nil, "\(error)")
    }
  }

  @Test func aDynamicBeliefHasNoCountedPriorsToReplace() throws {
    let definition = try DynamicFixture.definition(try DynamicFixture.parameters())
    #expect(throws: ModelError.self) {
      _ = try definition.replacingPriors(baseRates: [0.5, 0.5], priorWeight: 2, contexts: [:])
    }
    let other = try DynamicFixture.parameters(learn: 0.2)
    #expect(try definition.replacingParameters(other).kind == .dynamic(other))
    let counted = try BeliefDefinition.binary("a", statement: "A")
    #expect(throws: ModelError.self) { _ = try counted.replacingParameters(other) }
  }

  static func catalogue(version: Int, _ definition: BeliefDefinition) throws -> Catalogue {
    try Catalogue(
      version: version, beliefs: [definition],
      sources: [Source(id: "quiz", kind: .behavior, reliability: 1)])
  }

  @Test func aCatalogueWithADynamicBeliefIsFormatThreeAndAChangeOfKindIsRefused() throws {
    let parameters = try DynamicFixture.parameters()
    let dynamic = try Self.catalogue(version: 1, try DynamicFixture.definition(parameters))
    #expect(dynamic.requiredFormatVersion == 3)
    let counted = try Self.catalogue(
      version: 2, try .binary(DynamicFixture.key, statement: "Can add fractions"))
    #expect(counted.requiredFormatVersion == 1)
    #expect(throws: ModelError.self) { _ = try counted.successor(of: dynamic) }
    let back = try Self.catalogue(version: 2, try DynamicFixture.definition(parameters))
    #expect(throws: ModelError.self) { _ = try back.successor(of: counted) }
    let retuned = try Self.catalogue(
      version: 2, try DynamicFixture.definition(try DynamicFixture.parameters(learn: 0.3)))
    let successor = try retuned.successor(of: dynamic)
    #expect(successor.changes(from: dynamic).changedBeliefs == [DynamicFixture.key])
  }

  @Test func adoptingNewParametersRefiltersTheAnswers() throws {
    let first = try DynamicFixture.parameters()
    let second = try DynamicFixture.parameters(learn: 0.4, slip: 0.05)
    var model = try UserModel(
      user: "learner",
      catalogue: try Self.catalogue(version: 1, try DynamicFixture.definition(first)))
    let answers = [true, false, true, true]
    for (t, holds) in answers.enumerated() {
      try model.record(
        try DynamicFixture.answer("a\(t)", holds, at: Double(t)), at: DynamicFixture.now)
    }
    try model.adopt(try Self.catalogue(version: 2, try DynamicFixture.definition(second)))
    let estimate = try model.estimate(for: DynamicFixture.key, at: DynamicFixture.now)
    let expected = try #require(KnowledgeTracing.filter(answers, parameters: second).last)
    #expect(abs(try estimate.probability(of: "true") - expected.masteryNext) < 1e-15)
  }

  @Test func anOwnBeliefCannotChangeKindWhileEvidenceRefersToIt() throws {
    var model = try DynamicFixture.model(try DynamicFixture.parameters())
    try model.record(try DynamicFixture.answer("a", true, at: 0), at: DynamicFixture.now)
    #expect(throws: ModelError.self) {
      try model.redeclare(try .binary(DynamicFixture.key, statement: "Can add fractions"))
    }
    try model.redeclare(
      try DynamicFixture.definition(try DynamicFixture.parameters(learn: 0.5)))
  }
}

/// An own belief and a catalogue belief with the same key but another kind: the user's stays
/// in force, so evidence a dynamic belief would refuse never has to fit one.
@Suite struct DynamicBeliefOwnKindTests {
  @Test func anOwnCountedBeliefHidesACatalogueDynamicOneWithItsKey() throws {
    let parameters = try DynamicFixture.parameters()
    let empty = try Catalogue(
      version: 1, beliefs: [], sources: [Source(id: "quiz", kind: .behavior, reliability: 1)])
    var model = try UserModel(
      user: "learner", catalogue: empty,
      beliefs: [try .binary(DynamicFixture.key, statement: "Can add fractions")])
    try model.record(
      Evidence(
        id: "w", belief: DynamicFixture.key, content: .holds, weight: 3, source: "quiz",
        observedAt: DynamicFixture.start),
      at: DynamicFixture.now)
    let before = try model.estimate(for: DynamicFixture.key, at: DynamicFixture.now)
    try model.adopt(
      try Catalogue(
        version: 2, beliefs: [try DynamicFixture.definition(parameters)], sources: empty.sources))
    #expect(model.definition(for: DynamicFixture.key)?.kind == .counted)
    #expect(try model.estimate(for: DynamicFixture.key, at: DynamicFixture.now) == before)
  }
}
