import Foundation
import SelfModel
import Testing

/// Context priors on a belief definition: inheritance, validation and their JSON form.
@Suite struct ContextDefinitionTests {
  static func definition(_ contexts: [ContextID: ContextPrior], priorWeight: Double? = nil)
    throws(ModelError) -> BeliefDefinition
  {
    try BeliefDefinition(
      key: "tone", statement: "Preferred tone", outcomes: ["formal", "casual", "playful"],
      baseRates: [0.5, 0.3, 0.2], priorWeight: priorWeight, contexts: contexts)
  }

  @Test func ratesAndWeightAreInheritedSeparatelyAlongTheChain() throws {
    let tone = try Self.definition(
      [
        "surface": ContextPrior(priorWeight: 8),
        "surface:email": ContextPrior(baseRates: [0.8, 0.15, 0.05], parent: "surface"),
        "surface:email/reply": ContextPrior(parent: "surface:email"),
        "surface:chat": ContextPrior(baseRates: [0.2, 0.5, 0.3], priorWeight: 3),
      ], priorWeight: 4)
    #expect(
      try tone.prior(in: nil)
        == BeliefPrior(baseRates: [0.5, 0.3, 0.2], priorWeight: 4, context: nil))
    #expect(
      try tone.prior(in: "surface:email/reply")
        == BeliefPrior(
          baseRates: [0.8, 0.15, 0.05], priorWeight: 8, context: "surface:email/reply"))
    #expect(try tone.prior(in: "surface").baseRates == [0.5, 0.3, 0.2])
    #expect(try tone.prior(in: "surface:chat").priorWeight == 3)
    let noWeight = try Self.definition(["a": ContextPrior(baseRates: [0.1, 0.1, 0.8])])
    #expect(try noWeight.prior(in: "a").priorWeight == nil)
    let plain = try Self.definition([:])
    #expect(noWeight.hasOwnPriors && !plain.hasOwnPriors)
  }

  struct Bad: Sendable, CustomTestStringConvertible {
    let name: String
    let contexts: [ContextID: ContextPrior]
    let priorWeight: Double?
    let expected: ModelError
    var testDescription: String { name }
  }

  static let bad: [Bad] = [
    Bad(
      name: "too few rates", contexts: ["a": ContextPrior(baseRates: [0.5, 0.5])],
      priorWeight: nil,
      expected: .invalidDistribution(
        field: "base rates of context a of belief tone", reason: "2 rates for 3 outcomes")),
    Bad(
      name: "a zero rate", contexts: ["a": ContextPrior(baseRates: [0, 0.5, 0.5])],
      priorWeight: nil,
      expected: .numberOutOfRange(
        field: "base rates of context a of belief tone[0]", value: 0, allowed: "0 < rate < 1")),
    Bad(
      name: "NaN weight", contexts: ["a": ContextPrior(priorWeight: .nan)], priorWeight: nil,
      expected: .nonFiniteNumber(field: "priorWeight of context a of belief tone")),
    Bad(
      name: "negative belief weight", contexts: [:], priorWeight: -1,
      expected: .numberOutOfRange(
        field: "priorWeight of belief tone", value: -1, allowed: "greater than 0")),
    Bad(
      name: "unlisted parent", contexts: ["a": ContextPrior(parent: "b")], priorWeight: nil,
      expected: .unknownContext(belief: "tone", context: "b")),
    Bad(
      name: "cycle",
      contexts: ["a": ContextPrior(parent: "b"), "b": ContextPrior(parent: "a")],
      priorWeight: nil,
      expected: .invalidText(
        field: "parents of context a of belief tone",
        reason: "the chain is longer than 16 or has a cycle")),
    Bad(
      name: "chain of 17",
      contexts: Dictionary(
        uniqueKeysWithValues: (0...17).map { index in
          (
            ContextID(stringLiteral: "c\(index)"),
            ContextPrior(parent: index == 17 ? nil : ContextID(stringLiteral: "c\(index + 1)"))
          )
        }),
      priorWeight: nil,
      expected: .invalidText(
        field: "parents of context c0 of belief tone",
        reason: "the chain is longer than 16 or has a cycle")),
  ]

  @Test(arguments: bad)
  func badPriorsAreTypedErrors(_ bad: Bad) {
    #expect(throws: bad.expected) {
      try Self.definition(bad.contexts, priorWeight: bad.priorWeight)
    }
  }

  @Test func aChainOfSixteenIsAllowedAndTooManyContextsAreNot() throws {
    let chain = Dictionary(
      uniqueKeysWithValues: (0...16).map { index in
        (
          ContextID(stringLiteral: "c\(index)"),
          ContextPrior(parent: index == 16 ? nil : ContextID(stringLiteral: "c\(index + 1)"))
        )
      })
    #expect(try Self.definition(chain).prior(in: "c0").baseRates == [0.5, 0.3, 0.2])
    let many = Dictionary(
      uniqueKeysWithValues: (0...BeliefDefinition.maximumContextCount).map {
        (ContextID(stringLiteral: "c\($0)"), ContextPrior())
      })
    #expect(
      throws: ModelError.invalidText(
        field: "contexts of belief tone", reason: "10001 contexts; the maximum is 10000")
    ) { try Self.definition(many) }
  }

  @Test func jsonRoundTripsAndOmitsDefaults() throws {
    let tone = try Self.definition(
      [
        "a": ContextPrior(baseRates: [0.6, 0.2, 0.2], priorWeight: 2.5),
        "a/b": ContextPrior(parent: "a"),
      ],
      priorWeight: 7)
    let data = try JSONEncoder().encode(tone)
    #expect(try JSONDecoder().decode(BeliefDefinition.self, from: data) == tone)
    let plain = try Self.definition([:])
    let text = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
    #expect(!text.contains("contexts") && !text.contains("priorWeight"))
    let old = #"{"key":"k","statement":"s","outcomes":["a","b"],"baseRates":[0.5,0.5]}"#
    let decoded = try JSONDecoder().decode(BeliefDefinition.self, from: Data(old.utf8))
    #expect(decoded.priorWeight == nil && decoded.contexts.isEmpty)
  }

  @Test func aBadContextInJSONIsRefusedWithItsModelError() {
    let json = #"""
      {"key":"k","statement":"s","outcomes":["a","b"],"baseRates":[0.5,0.5],
       "contexts":{"x":{"parent":"y"}}}
      """#
    #expect {
      try JSONDecoder().decode(BeliefDefinition.self, from: Data(json.utf8))
    } throws: { error in
      ModelError(unwrapping: error) == .unknownContext(belief: "k", context: "y")
    }
  }

  @Test func evidenceCarriesItsContextThroughJSON() throws {
    let item = Evidence(
      id: "e", belief: "tone", content: .outcome("formal"), source: "user",
      observedAt: Date(timeIntervalSinceReferenceDate: 0), context: "surface:email")
    let data = try JSONEncoder().encode(item)
    let back = try JSONDecoder().decode(Evidence.self, from: data)
    #expect(back == item && back.context == "surface:email")
    let other = Evidence(
      id: "e", belief: "tone", content: .outcome("formal"), source: "user",
      observedAt: Date(timeIntervalSinceReferenceDate: 0))
    #expect(other != item && other.context == nil)
    let bad =
      #"{"id":"e","belief":"b","content":{"outcome":"x"},"source":"s","observedAt":0,"context":"a b"}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(Evidence.self, from: Data(bad.utf8))
    }
  }
}
