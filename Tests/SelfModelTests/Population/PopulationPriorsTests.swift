import Foundation
import SelfModel
import Testing

/// Publishing fitted priors into a catalogue, and the fit's typed errors.
@Suite struct PopulationPriorsTests {
  typealias Fixture = PopulationFixture

  static func model(_ user: String, _ items: [(String, EvidenceContent, String?)]) throws
    -> UserModel
  {
    let evidence = try items.enumerated().map { index, item in
      Evidence(
        id: try EvidenceID("\(user)-\(index)"), belief: try BeliefKey(item.0), content: item.1,
        source: "s", observedAt: Fixture.now, context: try item.2.map { try ContextID($0) })
    }
    return try UserModel(
      user: try UserID(user), catalogue: try Fixture.catalogue(), evidence: evidence)
  }

  @Test func publishingMakesNewUsersStartFromTheFit() throws {
    let catalogue = try Fixture.catalogue()
    var fit = PopulationPriorFit(
      catalogue: catalogue, options: PopulationFitOptions(minimumUsersForWeight: 3))
    try fit.add(contentsOf: Fixture.models(on: catalogue))
    let priors = try fit.fit()
    let next = try priors.catalogue(replacing: catalogue, version: 2)
    #expect(next.version == 2)
    let mastery = try #require(next.definition(for: Fixture.mastery))
    let fitted = try #require(priors.belief(Fixture.mastery))
    #expect(mastery.baseRates == fitted.prior.baseRates)
    #expect(mastery.priorWeight == fitted.prior.priorWeight)
    #expect(mastery.contexts["module:A/type:TMA"]?.parent == "type:TMA", "declared parent kept")
    #expect(mastery.contexts["type:CMA"]?.parent == nil, "a new context's parent: the belief")
    #expect(mastery.contexts["type:CMA"]?.baseRates == fitted.contexts["type:CMA"]?.baseRates)
    // A new user starts from the fitted context prior.
    let user = try UserModel(user: "new", catalogue: next)
    let estimate = try user.estimate(for: Fixture.mastery, in: "type:TMA", at: Fixture.now)
    let tma = try #require(fitted.contexts["type:TMA"])
    #expect(abs(try estimate.probability(of: "true") - tma.baseRates[0]) < 1e-12)
    #expect(abs(estimate.uncertainty - 1) < 1e-12)
    #expect(throws: ModelError.self) { try priors.catalogue(replacing: catalogue, version: 1) }
  }

  @Test func theFitRoundTripsThroughJSON() throws {
    let catalogue = try Fixture.catalogue()
    var fit = PopulationPriorFit(catalogue: catalogue)
    try fit.add(contentsOf: Fixture.models(on: catalogue))
    let priors = try fit.fit()
    let decoded = try JSONDecoder().decode(
      PopulationPriors.self, from: JSONEncoder().encode(priors))
    #expect(decoded == priors)
  }

  @Test func anEmptyPopulationIsATypedError() throws {
    let catalogue = try Fixture.catalogue()
    var fit = PopulationPriorFit(catalogue: catalogue)
    #expect(throws: ModelError.emptyPopulation(belief: nil)) { try fit.fit() }
    try fit.add(Self.model("a", [("mastery", .holds, nil), ("mastery", .doesNotHold, nil)]))
    #expect(throws: ModelError.emptyPopulation(belief: Fixture.tone)) {
      try fit.fit(belief: Fixture.tone)
    }
    #expect(throws: ModelError.unknownBelief("other")) { try fit.fit(belief: "other") }
    #expect(try fit.fit().unobservedBeliefs == [Fixture.tone])
  }

  @Test func aDegenerateBeliefNamesItsOutcome() throws {
    var fit = PopulationPriorFit(catalogue: try Fixture.catalogue())
    try fit.add(Self.model("a", [("mastery", .holds, nil), ("mastery", .holds, "type:CMA")]))
    try fit.add(Self.model("b", [("mastery", .holds, nil)]))
    #expect(
      throws: ModelError.degenerateFit(belief: Fixture.mastery, context: nil, outcome: "true")
    ) {
      try fit.fit()
    }
  }

  /// A context with enough users whose outcomes are all equal is refused by default, and under
  /// `.structural(weight:)` gets its shrunk rates and that `W`.
  @Test func aDegenerateContextIsRefusedOrStructural() throws {
    let models = try (0..<4).map { index in
      try Self.model(
        "u\(index)",
        [
          ("mastery", .doesNotHold, "type:CMA"), ("mastery", .holds, nil),
          ("mastery", index == 0 ? .holds : .doesNotHold, nil),
        ])
    }
    let catalogue = try Fixture.catalogue()
    var refusing = PopulationPriorFit(
      catalogue: catalogue, options: PopulationFitOptions(minimumUsersForWeight: 3))
    try refusing.add(contentsOf: models)
    #expect(
      throws: ModelError.degenerateFit(
        belief: Fixture.mastery, context: "type:CMA", outcome: "false")
    ) { try refusing.fit() }
    var structural = PopulationPriorFit(
      catalogue: catalogue,
      options: PopulationFitOptions(
        degenerateFits: .structural(weight: 1_000), minimumUsersForWeight: 3))
    try structural.add(contentsOf: models)
    let mastery = try #require(try structural.fit().belief(Fixture.mastery))
    let cma = try #require(mastery.contexts["type:CMA"])
    #expect(cma.isStructural && cma.priorWeight == 1_000)
    let kappa = try #require(cma.concentration)
    let m = mastery.prior.baseRates[0]
    #expect(abs(cma.baseRates[0] - kappa * m / (4 + kappa)) < 1e-12)
    #expect(cma.baseRates[0] > 0 && cma.baseRates[0] < m)
    let nan = PopulationPriorFit(
      catalogue: catalogue,
      options: PopulationFitOptions(degenerateFits: .structural(weight: .nan)))
    #expect(throws: ModelError.self) { try nan.fit() }
  }

  @Test func aStructuralBeliefShrinksTowardItsDeclaredRate() throws {
    var fit = PopulationPriorFit(
      catalogue: try Fixture.catalogue(),
      options: PopulationFitOptions(degenerateFits: .structural(weight: 50)))
    try fit.add(Self.model("a", [("mastery", .holds, nil), ("mastery", .holds, nil)]))
    let prior = try #require(try fit.fit().belief(Fixture.mastery)?.prior)
    #expect(prior.isStructural && prior.priorWeight == 50)
    #expect(abs(prior.baseRates[0] - 2.5 / 3) < 1e-12, "(2 + 0.5) / (2 + 1)")
  }

  @Test func theNewErrorsHaveProblemMembers() {
    let error = ModelError.degenerateFit(belief: "mastery", context: "type:CMA", outcome: "false")
    #expect(error.category == .invalidInput)
    #expect(error.code == "degenerateFit")
    #expect(error.problem.members["context"] == "type:CMA")
    #expect(error.problem.members["outcome"] == "false")
    #expect(ModelError.emptyPopulation(belief: "tone").problem.members["belief"] == "tone")
    #expect(ModelError.emptyPopulation(belief: nil).description.contains("any belief"))
  }
}
