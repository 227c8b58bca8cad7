import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// `PopulationPriorFit` end to end against `Scripts/reference/population_priors.py` (SciPy's
/// beta-binomial and Dirichlet-multinomial fits and the shrinkage of
/// `dirichlet_multinomial_fit.py`), and its counting rules.
@Suite struct PopulationPriorFitTests {
  typealias Fixture = PopulationFixture
  static let options = PopulationFitOptions(minimumUsersForWeight: 3)

  static func fitted(_ models: [UserModel], catalogue: Catalogue) throws -> PopulationPriors {
    var fit = PopulationPriorFit(catalogue: catalogue, options: options)
    try fit.add(contentsOf: models)
    return try fit.fit()
  }

  static func close(_ a: Double?, _ b: Double, _ tolerance: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  @Test func theBinaryBeliefAndItsContextsMatchTheReference() throws {
    let catalogue = try Fixture.catalogue()
    let priors = try Self.fitted(Fixture.models(on: catalogue), catalogue: catalogue)
    let mastery = try #require(priors.belief(Fixture.mastery))
    #expect(Self.close(mastery.prior.baseRates[0], 0.4216514246, 1e-7))
    #expect(Self.close(mastery.prior.priorWeight, 10.9962567514, 1e-6))
    #expect(Self.close(mastery.prior.logLikelihood, -19.4442573825, 1e-9))
    #expect(mastery.prior.users == 10 && mastery.prior.trials == 83)
    let expected: [(ContextID, Double, ContextID?, Double, Double?)] = [
      ("type:TMA", 0.5936956999, nil, 5.2830046379, 3.6851636701),
      ("type:CMA", 0.2094439188, nil, 5.2830046379, nil),
      ("module:A/type:TMA", 0.8214706243, "type:TMA", 3.6013320825, nil),
      ("module:B/type:TMA", 0.3569382773, "type:TMA", 3.6013320825, nil),
    ]
    #expect(mastery.contexts.count == expected.count)
    for (context, rate, parent, kappa, weight) in expected {
      let prior = try #require(mastery.contexts[context])
      #expect(Self.close(prior.baseRates[0], rate, 1e-6), "\(context) \(prior.baseRates)")
      #expect(abs(prior.baseRates.reduce(0, +) - 1) < 1e-12)
      #expect(prior.parent == parent)
      #expect(Self.close(prior.concentration, kappa, 1e-5), "\(context) \(prior)")
      if let weight {
        #expect(Self.close(prior.priorWeight, weight, 1e-5) && !prior.isAtWeightBound)
      } else {
        // SciPy's W runs to its bound too: no overdispersion within these contexts.
        #expect(prior.isAtWeightBound && prior.priorWeight == 1e6, "\(context)")
      }
    }
    #expect(Self.close(mastery.contexts["type:TMA"]?.logLikelihood, -15.6077883468, 1e-8))
    #expect(mastery.contexts["type:TMA"]?.users == 9)
  }

  @Test func theCategoricalBeliefAndItsContextsMatchTheReference() throws {
    let catalogue = try Fixture.catalogue()
    let priors = try Self.fitted(Fixture.models(on: catalogue), catalogue: catalogue)
    let tone = try #require(priors.belief(Fixture.tone))
    for (rate, expected) in zip(tone.prior.baseRates, [0.4401108430, 0.2244267710, 0.3354623860]) {
      #expect(Self.close(rate, expected, 1e-6))
    }
    #expect(Self.close(tone.prior.priorWeight, 16.6597163865, 1e-5))
    #expect(Self.close(tone.prior.logLikelihood, -26.8413173154, 1e-8))
    let expected: [(ContextID, [Double])] = [
      ("surface:chat", [0.6687582978, 0.1974724770, 0.1337692252]),
      ("surface:mail", [0.1258114205, 0.2631997476, 0.6109888319]),
    ]
    for (context, rates) in expected {
      let prior = try #require(tone.contexts[context])
      for (rate, value) in zip(prior.baseRates, rates) { #expect(Self.close(rate, value, 1e-6)) }
      #expect(Self.close(prior.concentration, 4.0442229356, 1e-5))
      #expect(prior.isAtWeightBound, "SciPy's unbounded W runs past 1e7")
    }
  }

  /// Pages merged, and users in another order, give the same priors exactly.
  @Test func pagesAndOrderDoNotChangeTheFit() throws {
    let catalogue = try Fixture.catalogue()
    let models = try Fixture.models(on: catalogue)
    let whole = try Self.fitted(models, catalogue: catalogue)
    var first = PopulationPriorFit(catalogue: catalogue, options: Self.options)
    var second = PopulationPriorFit(catalogue: catalogue, options: Self.options)
    try first.add(contentsOf: models[..<4])
    try second.add(contentsOf: models[4...])
    try first.merge(second)
    #expect(try first.fit() == whole)
    var random = SeededRandom(seed: 3)
    #expect(try Self.fitted(models.shuffled(using: &random), catalogue: catalogue) == whole)
    #expect(try Self.fitted(models.reversed(), catalogue: catalogue) == whole)
    #expect(throws: ModelError.self) {
      try first.merge(PopulationPriorFit(catalogue: Catalogue.empty))
    }
  }

  /// A whole-number weight counts that many trials; soft evidence and fractional weights are
  /// skipped and counted; evidence of beliefs the catalogue does not list, or has retired, is
  /// not read.
  @Test func countingRules() throws {
    let catalogue = try Fixture.catalogue()
    let models = try Fixture.models(on: catalogue)
    let reference = try Self.fitted(models, catalogue: catalogue)
    var extra = try UserModel(
      user: "extra", catalogue: catalogue,
      beliefs: [.binary("own", statement: "The user's own belief")])
    for (index, content) in [
      EvidenceContent.distribution(["true": 0.7, "false": 0.3]), .holds, .holds,
    ].enumerated() {
      try extra.append(
        Evidence(
          id: try EvidenceID("x\(index)"), belief: index == 2 ? "own" : Fixture.mastery,
          content: content, weight: index == 1 ? 0.5 : 1, source: "s", observedAt: Fixture.now),
        at: Fixture.now)
    }
    var fit = PopulationPriorFit(catalogue: catalogue, options: Self.options)
    try fit.add(contentsOf: models + [extra])
    let priors = try fit.fit()
    #expect(priors.skippedEvidence == 2)
    #expect(priors.users == 11)
    #expect(priors.beliefs == reference.beliefs, "nothing of the extra user counted")
    // One item of weight 3 is three items of weight 1.
    let split = try models.map { model in
      var items: [Evidence] = []
      for item in model.evidence {
        for copy in 0..<Int(item.weight) {
          items.append(
            Evidence(
              id: try EvidenceID("\(item.id)-\(copy)"), belief: item.belief,
              content: item.content, source: item.source, observedAt: item.observedAt,
              context: item.context))
        }
      }
      return try UserModel(user: model.user, catalogue: catalogue, evidence: items)
    }
    #expect(try Self.fitted(split, catalogue: catalogue).beliefs == reference.beliefs)
  }

  @Test func retiredBeliefsAreNotRead() throws {
    let catalogue = try Fixture.catalogue()
    let models = try Fixture.models(on: catalogue)
    let retiring = try Catalogue(
      version: 2, beliefs: [catalogue.beliefs[0]], sources: catalogue.sources
    ).successor(of: catalogue)
    let adopted = try models.map { model in
      var model = model
      try model.adopt(retiring)
      return model
    }
    let priors = try Self.fitted(adopted, catalogue: catalogue)
    #expect(priors.belief(Fixture.tone) == nil)
    #expect(priors.unobservedBeliefs == [Fixture.tone])
    #expect(
      priors.belief(Fixture.mastery)
        == (try Self.fitted(models, catalogue: catalogue))
        .belief(Fixture.mastery))
  }
}
