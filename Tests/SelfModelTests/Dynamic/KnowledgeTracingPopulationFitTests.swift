import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The population fit of a dynamic belief: a simulated population with known parameters,
/// recorded out of order, gathered in filter order and fitted back.
@Suite struct KnowledgeTracingPopulationFitTests {
  typealias Fixture = DynamicFixture

  /// Simulates `users` learners of `truth`, `length` answers each, seeded; answers are
  /// recorded in a shuffled order with distinct times, so only the gathering's sort puts them
  /// back in filter order.
  static func population(
    _ truth: KnowledgeTracing.Parameters, users: Int, length: Int, catalogue: Catalogue,
    seed: UInt64
  ) throws -> (models: [UserModel], sequences: [[Bool]]) {
    var random = SeededRandom(seed: seed)
    var models: [UserModel] = []
    var sequences: [[Bool]] = []
    for user in 0..<users {
      var knows = Double.random(in: 0..<1, using: &random) < truth.prior
      var answers: [Bool] = []
      for _ in 0..<length {
        let right = Double.random(in: 0..<1, using: &random)
        answers.append(knows ? right >= truth.slip : right < truth.guess)
        let change = Double.random(in: 0..<1, using: &random)
        knows = knows ? change >= truth.forget : change < truth.learn
      }
      var items = try answers.enumerated().map { t, holds in
        try Fixture.answer("u\(user)-\(t)", holds, at: Double(t) * 60)
      }
      items.shuffle(using: &random)
      var model = try UserModel(user: try UserID("u\(user)"), catalogue: catalogue)
      for item in items { try model.append(item, at: Fixture.now) }
      models.append(model)
      sequences.append(answers)
    }
    return (models, sequences)
  }

  @Test func aSimulatedPopulationFitsBackItsParameters() throws {
    let truth = try Fixture.parameters(prior: 0.3, learn: 0.15, forget: 0, guess: 0.2, slip: 0.1)
    let start = try Fixture.parameters(prior: 0.5, learn: 0.3, forget: 0, guess: 0.3, slip: 0.3)
    let catalogue = try Catalogue(
      version: 1, beliefs: [try Fixture.definition(start)],
      sources: [Source(id: "quiz", kind: .behavior, reliability: 1)])
    let (models, sequences) = try Self.population(
      truth, users: 400, length: 15, catalogue: catalogue, seed: 7)
    var fit = KnowledgeTracingPopulationFit(belief: Fixture.key)
    for model in models { try fit.add(model) }
    #expect(fit.sequences == sequences)
    let result = try fit.fit(options: KnowledgeTracingFit.Options(fitsForget: false))
    #expect(result == (try KnowledgeTracingFit.fit(sequences, options: .init(fitsForget: false))))
    let fitted = result.parameters
    for (name, value, expected) in [
      ("prior", fitted.prior, truth.prior), ("learn", fitted.learn, truth.learn),
      ("guess", fitted.guess, truth.guess), ("slip", fitted.slip, truth.slip),
    ] {
      #expect(abs(value - expected) < 0.05, "\(name): \(value) vs \(expected)")
    }
    #expect(fitted.forget == 0)
    let definition = try fit.fittedDefinition(in: catalogue, result: result)
    #expect(definition.kind == .dynamic(fitted))
    let next = try Catalogue(
      version: 2, beliefs: [definition], sources: catalogue.sources
    ).successor(of: catalogue)
    var adopted = models[0]
    try adopted.adopt(next)
    let p = try adopted.estimate(for: Fixture.key, at: Fixture.now).probability(of: "true")
    let expected = KnowledgeTracing.filter(sequences[0], parameters: fitted).last?.masteryNext
    #expect(p == expected)
  }

  @Test func modelsWithoutTheBeliefAreSkippedAndACountedOneIsRefused() throws {
    var fit = KnowledgeTracingPopulationFit(belief: Fixture.key)
    try fit.add(try UserModel(user: "nobody"))
    #expect(fit.skippedModels == 1 && fit.sequences.isEmpty)
    #expect(throws: ModelError.self) { _ = try fit.fit() }
    var counted = try UserModel(user: "counted")
    try counted.declare(.binary(Fixture.key, statement: "Can add fractions"))
    #expect(throws: ModelError.self) { try fit.add(counted) }
    #expect(throws: ModelError.unknownBelief(Fixture.key)) {
      _ = try fit.fittedDefinition(
        in: .empty,
        result: try KnowledgeTracingFit.fit([[true, false, true]]))
    }
  }
}
