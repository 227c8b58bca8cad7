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

  /// The fixture's catalogue with tuned weights: `W` 7 for mastery, 3 for `type:TMA`, none
  /// (inherited) for `module:A/type:TMA`, 5 for `module:B/type:TMA`; `type:CMA` is not listed,
  /// and tone has no `W` and no contexts.
  static func tunedCatalogue(version: Int = 1) throws -> Catalogue {
    let mastery = try Fixture.masteryDefinition().replacingPriors(
      baseRates: [0.5, 0.5], priorWeight: 7,
      contexts: [
        "type:TMA": ContextPrior(priorWeight: 3),
        "module:A/type:TMA": ContextPrior(parent: "type:TMA"),
        "module:B/type:TMA": ContextPrior(priorWeight: 5, parent: "type:TMA"),
      ])
    let catalogue = try Fixture.catalogue(version: version)
    return try Catalogue(
      version: version, beliefs: [mastery] + catalogue.beliefs.dropFirst(),
      sources: catalogue.sources)
  }

  /// The priors fitted on `catalogue`, with a `W` for every context of at least 3 users.
  static func priors(on catalogue: Catalogue) throws -> PopulationPriors {
    var fit = PopulationPriorFit(
      catalogue: catalogue, options: PopulationFitOptions(minimumUsersForWeight: 3))
    try fit.add(contentsOf: Fixture.models(on: catalogue))
    return try fit.fit()
  }

  /// `.keepCurrent` keeps every `W` of the catalogue replaced, bit for bit, including a `nil`
  /// one and `nil` for a context new to it, while the fit has a different `W` for each.
  @Test func keepingCurrentWeightsKeepsEveryWeight() throws {
    let current = try Self.tunedCatalogue()
    let priors = try Self.priors(on: current)
    let next = try priors.catalogue(replacing: current, version: 2, priorWeights: .keepCurrent)
    let fitted = try #require(priors.belief(Fixture.mastery))
    let mastery = try #require(next.definition(for: Fixture.mastery))
    #expect(fitted.prior.priorWeight != nil && fitted.prior.priorWeight != 7)
    #expect(mastery.priorWeight == 7)
    let expected: [ContextID: Double?] = [
      "type:TMA": 3, "module:A/type:TMA": nil, "module:B/type:TMA": 5, "type:CMA": nil,
    ]
    #expect(Set(fitted.contexts.keys) == Set(expected.keys))
    for (context, weight) in expected {
      let fittedWeight = try #require(fitted.contexts[context]?.priorWeight)
      #expect(fittedWeight != weight, "the fit has a W of its own for \(context)")
      #expect(mastery.contexts[context]?.priorWeight == weight, "\(context)")
    }
    let tone = try #require(next.definition(for: Fixture.tone))
    #expect(priors.belief(Fixture.tone)?.prior.priorWeight != nil)
    #expect(tone.priorWeight == nil && tone.contexts.values.allSatisfy { $0.priorWeight == nil })
    #expect(tone.contexts.count == 2)
  }

  /// `.keepCurrent` publishes the fitted base rates and parents, exactly as `.fitted` does.
  @Test func keepingCurrentWeightsReplacesBaseRates() throws {
    let current = try Self.tunedCatalogue()
    let priors = try Self.priors(on: current)
    let kept = try priors.catalogue(replacing: current, version: 2, priorWeights: .keepCurrent)
    let refitted = try priors.catalogue(replacing: current, version: 2, priorWeights: .fitted)
    for fitted in priors.beliefs {
      let definition = try #require(kept.definition(for: fitted.key))
      #expect(definition.baseRates == fitted.prior.baseRates)
      #expect(definition.baseRates != current.definition(for: fitted.key)?.baseRates)
      for (context, prior) in fitted.contexts {
        #expect(definition.contexts[context]?.baseRates == prior.baseRates)
        let other = refitted.definition(for: fitted.key)?.contexts[context]
        #expect(definition.contexts[context]?.parent == other?.parent)
      }
    }
    #expect(
      kept.definition(for: Fixture.mastery)?.contexts["module:A/type:TMA"]?.parent == "type:TMA")
  }

  /// `.fitted`, the default, publishes the fitted `W` over the tuned ones.
  @Test func fittedWeightsAreTheDefault() throws {
    let current = try Self.tunedCatalogue()
    let priors = try Self.priors(on: current)
    let next = try priors.catalogue(replacing: current, version: 2)
    #expect(next == (try priors.catalogue(replacing: current, version: 2, priorWeights: .fitted)))
    for fitted in priors.beliefs {
      let definition = try #require(next.definition(for: fitted.key))
      #expect(definition.priorWeight == fitted.prior.priorWeight)
      for (context, prior) in fitted.contexts {
        #expect(definition.contexts[context]?.priorWeight == prior.priorWeight)
      }
    }
    #expect(next.definition(for: Fixture.mastery)?.priorWeight != 7)
  }

  /// Priors fitted on version 5 refuse to replace version 4 (even as a newer version 6), with
  /// a reason naming both versions.
  @Test func anOlderCatalogueThanTheOneFittedIsRefused() throws {
    let priors = try Self.priors(on: Self.tunedCatalogue(version: 5))
    #expect(priors.catalogueVersion == 5)
    for weights in PublishedPriorWeights.allCases {
      let error = try #require(throws: ModelError.self) {
        try priors.catalogue(
          replacing: Self.tunedCatalogue(version: 4), version: 6, priorWeights: weights)
      }
      guard case .incompatibleCatalogue(let reason) = error else {
        Issue.record("unexpected error \(error)")
        continue
      }
      #expect(reason.contains("version 5") && reason.contains("version 4"), "\(reason)")
    }
  }

  /// Replacing the catalogue fitted, or a newer one, is allowed; what the newer one changed
  /// and the fit did not see is kept.
  @Test func theSameOrANewerCatalogueMayBeReplaced() throws {
    let priors = try Self.priors(on: Self.tunedCatalogue(version: 5))
    let same = try priors.catalogue(replacing: Self.tunedCatalogue(version: 5), version: 6)
    #expect(same.version == 6)
    let tuned = try Self.tunedCatalogue(version: 8)
    var contexts = try #require(tuned.definition(for: Fixture.mastery)).contexts
    contexts["type:EXAM"] = ContextPrior(baseRates: [0.3, 0.7], priorWeight: 2)
    let mastery = try #require(tuned.definition(for: Fixture.mastery)).replacingPriors(
      baseRates: [0.5, 0.5], priorWeight: 9, contexts: contexts)
    let newer = try Catalogue(
      version: 8, beliefs: [mastery] + tuned.beliefs.dropFirst(), sources: tuned.sources)
    let next = try priors.catalogue(replacing: newer, version: 9, priorWeights: .keepCurrent)
    let published = try #require(next.definition(for: Fixture.mastery))
    #expect(next.version == 9 && published.priorWeight == 9)
    #expect(published.baseRates == priors.belief(Fixture.mastery)?.prior.baseRates)
    #expect(published.contexts["type:EXAM"] == contexts["type:EXAM"])
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
