import Foundation
import SelfModel
import Testing

/// Where the order of soft evidence matters and where it does not (`Docs/Math.md`).
@Suite struct JeffreyOrderTests {
  static let now = Date(timeIntervalSinceReferenceDate: 800_000_000)

  private func model(baseRates: [Double]) throws -> UserModel {
    var model = try UserModel(user: "u")
    try model.declare(
      BeliefDefinition(
        key: "level", statement: "Level", outcomes: ["low", "mid", "high"],
        baseRates: baseRates))
    try model.register(Source(id: "classifier", kind: .modelInference, reliability: 1))
    try model.register(Source(id: "hunch", kind: .modelInference, reliability: 0.4))
    return model
  }

  private func item(_ id: String, _ target: [Double], source: SourceID = "classifier") throws
    -> Evidence
  {
    Evidence(
      id: try EvidenceID(id), belief: "level",
      content: .jeffrey(target: ["low": target[0], "mid": target[1], "high": target[2]]),
      source: source, observedAt: Self.now)
  }

  /// On the prior alone, a fully reliable Jeffrey item gives exactly its target; with
  /// reliability `r`, the target mixed toward the base rates, `r q + (1 - r) a`.
  @Test func aloneOnThePriorGivesTheTarget() throws {
    let rates = [0.5, 0.3, 0.2]
    let target = [0.1, 0.6, 0.3]
    var sure = try model(baseRates: rates)
    try sure.record(try item("e", target), at: Self.now)
    let p = try sure.estimate(for: "level", at: Self.now).probabilities
    for k in 0..<3 { #expect(abs(p[k] - target[k]) < 1e-12) }
    var unsure = try model(baseRates: rates)
    try unsure.record(try item("e", target, source: "hunch"), at: Self.now)
    let q = try unsure.estimate(for: "level", at: Self.now).probabilities
    for k in 0..<3 { #expect(abs(q[k] - (0.4 * target[k] + 0.6 * rates[k])) < 1e-12) }
  }

  /// Two items commute in the model (virtual evidence: a product of likelihoods); classical
  /// Jeffrey conditioning applied one after the other does not: the second overrides the
  /// first's marginal.
  @Test func virtualFormCommutesSequentialJeffreyDoesNot() throws {
    let first = [0.7, 0.2, 0.1]
    let second = [0.2, 0.3, 0.5]
    var ab = try model(baseRates: [1.0 / 3, 1.0 / 3, 1.0 / 3])
    try ab.record([try item("a", first), try item("b", second)], at: Self.now)
    var ba = try model(baseRates: [1.0 / 3, 1.0 / 3, 1.0 / 3])
    try ba.record([try item("b", second), try item("a", first)], at: Self.now)
    let pab = try ab.estimate(for: "level", at: Self.now).probabilities
    let pba = try ba.estimate(for: "level", at: Self.now).probabilities
    let product = zip(first, second).map { $0 * $1 }
    let total = product.reduce(0, +)
    for k in 0..<3 {
      #expect(abs(pab[k] - pba[k]) < 1e-12)
      #expect(abs(pab[k] - product[k] / total) < 1e-12)
    }
    // Classical Jeffrey on the belief's own partition sets the marginal: the last one wins.
    #expect(abs(pab[0] - second[0]) > 0.05 && abs(pab[0] - first[0]) > 0.05)
  }

  /// Sequential binary Jeffrey updates on the same evidence partition depend on their order.
  @Test func sequentialBinaryJeffreyDependsOnOrder() throws {
    func chain(_ qs: [Double]) throws -> Double {
      var p = 0.25
      for q in qs {
        p = try JeffreyConditioning.update(
          prior: p, likelihoodIfTrue: 0.9, likelihoodIfFalse: 0.2, newEvidenceProbability: q
        ).posterior
      }
      return p
    }
    #expect(abs(try chain([0.2, 0.9]) - chain([0.9, 0.2])) > 0.1)
  }

  /// A zero or missing target, a ratio of 0 or infinity, and virtual content in a stance are
  /// refused with typed errors.
  @Test func certaintyIsRefused() throws {
    var model = try model(baseRates: [0.5, 0.3, 0.2])
    let contents: [EvidenceContent] = [
      .jeffrey(target: ["low": 0, "mid": 0.5, "high": 0.5]),
      .jeffrey(target: ["low": 0.5, "mid": 0.5]),
      .likelihoodRatio(outcome: "low", ratio: 0),
      .likelihoodRatio(outcome: "low", ratio: .infinity),
      .likelihoodRatio(outcome: "none", ratio: 2),
    ]
    for (index, content) in contents.enumerated() {
      let evidence = Evidence(
        id: try EvidenceID("bad\(index)"), belief: "level", content: content,
        source: "classifier", observedAt: Self.now)
      let error = #expect(throws: ModelError.self) { try model.record(evidence, at: Self.now) }
      #expect(error != nil, "\(content)")
    }
    #expect(model.evidenceCount == 0)
    let stance = #expect(throws: ModelError.self) {
      try Stance(belief: "level", asserts: .likelihoodRatio(outcome: "low", ratio: 2))
    }
    #expect(stance != nil)
  }
}
