import Foundation
import SelfModel
import Testing

/// Population priors that forget (``PopulationFitOptions/decay``) against SciPy:
/// `Scripts/reference/decayed_population_fit.py` maximises the Gamma-form Dirichlet-multinomial
/// likelihood of the decayed counts and prints the values pinned here. Its users are copied
/// below as (outcome index, age in half-lives) items.
@Suite struct DecayedPopulationFitTests {
  static let now = Date(timeIntervalSince1970: 1_800_000_000)
  static let halfLife = 10 * 86_400.0

  /// `BINARY_USERS` of the reference script.
  static let binaryUsers: [[(Int, Double)]] = [
    [(0, 0), (0, 1), (0, 3), (0, 0)],
    [(1, 0), (1, 2), (1, 4), (1, 1)],
    [(0, 0), (0, 0), (0, 2), (1, 1)],
    [(1, 1), (1, 0)],
    [(0, 3), (1, 0), (1, 0), (1, 1)],
    [(0, 0), (0, 4), (0, 2)],
    [(0, 2), (0, 2), (0, 1), (0, 0)],
    [(1, 0), (1, 0), (1, 3), (1, 1), (0, 4)],
  ]
  /// `THREE_USERS` of the reference script.
  static let threeUsers: [[(Int, Double)]] = [
    [(0, 0), (0, 1), (0, 2)],
    [(2, 0), (2, 1), (2, 3)],
    [(1, 0), (1, 0), (1, 4), (2, 2)],
    [(0, 1), (0, 1)],
    [(2, 0), (2, 2), (2, 3), (0, 0)],
    [(1, 0), (1, 4), (1, 1)],
  ]

  static func catalogue() throws -> Catalogue {
    try Catalogue(
      version: 1,
      beliefs: [
        BeliefDefinition.binary("b", statement: "Binary", contexts: ["c": ContextPrior()]),
        BeliefDefinition(key: "t", statement: "Three", outcomes: ["x", "y", "z"]),
      ],
      sources: [Source(id: "s", kind: .behavior, reliability: 1)])
  }

  /// One model per user: user `i` has `binaryUsers[i]` on `b` (in context `c` for odd `i`)
  /// and `threeUsers[i]` on `t`.
  static func models(_ catalogue: Catalogue) throws -> [UserModel] {
    try binaryUsers.indices.map { i in
      var items: [Evidence] = []
      let groups: [(BeliefKey, [String], [(Int, Double)])] = [
        ("b", ["true", "false"], binaryUsers[i]),
        ("t", ["x", "y", "z"], i < threeUsers.count ? threeUsers[i] : []),
      ]
      for (belief, outcomes, entries) in groups {
        for (n, (outcome, age)) in entries.enumerated() {
          items.append(
            Evidence(
              id: try EvidenceID("u\(i)-\(belief)-\(n)"), belief: belief,
              content: .outcome(outcomes[outcome]), source: "s",
              observedAt: now - age * halfLife,
              context: belief == "b" && i % 2 == 1 ? "c" : nil))
        }
      }
      return try UserModel(user: try UserID("user-\(i)"), catalogue: catalogue, evidence: items)
    }
  }

  static func fit(halfLife: Double = halfLife) throws -> PopulationPriors {
    let catalogue = try catalogue()
    let decay = try PopulationDecay(halfLife: halfLife, at: now)
    var fit = PopulationPriorFit(
      catalogue: catalogue, options: PopulationFitOptions(minimumUsersForWeight: 100, decay: decay))
    try fit.add(contentsOf: models(catalogue))
    return try fit.fit()
  }

  @Test func theDecayedFitMatchesSciPy() throws {
    let priors = try Self.fit()
    let binary = try #require(priors.belief("b")?.prior)
    #expect(binary.decayedOutcomeTrials == [8.375, 8.9375])
    #expect(binary.outcomeTrials == [16, 14])
    #expect(abs(binary.baseRates[0] - 0.4866880673) < 1e-7)
    #expect(abs((binary.priorWeight ?? 0) - 0.5727013285) < 1e-6)
    #expect(abs((binary.logLikelihood ?? 0) - -8.4174165974) < 1e-7)
    let three = try #require(priors.belief("t")?.prior)
    #expect(three.decayedOutcomeTrials == [3.75, 3.625, 3.25])
    for (rate, expected) in zip(three.baseRates, [0.3832348780, 0.2857709131, 0.3309942089]) {
      #expect(abs(rate - expected) < 1e-7)
    }
    #expect(abs((three.priorWeight ?? 0) - 1.1660519824) < 1e-6)
    #expect(abs((three.logLikelihood ?? 0) - -9.5537349718) < 1e-7)
  }

  /// A context's rates shrink its decayed counts toward the belief's with the reported `kappa`.
  @Test func contextsShrinkTheirDecayedCounts() throws {
    let priors = try Self.fit()
    let belief = try #require(priors.belief("b"))
    let context = try #require(belief.contexts["c"])
    let counts = try #require(context.decayedOutcomeTrials)
    let kappa = try #require(context.concentration)
    let n = counts.reduce(0, +)
    for k in 0..<2 {
      let expected = (counts[k] + kappa * belief.prior.baseRates[k]) / (n + kappa)
      #expect(abs(context.baseRates[k] - expected) < 1e-12)
    }
    #expect(context.priorWeight == nil)
  }

  /// With a half-life of a billion years every weight rounds to 1: the decayed fit (Gamma form,
  /// Newton in `ln a`) lands on the whole-number fit (beta-binomial, Newton in logit and `ln W`).
  @Test func aVeryLongHalfLifeGivesTheUndecayedFit() throws {
    let catalogue = try Self.catalogue()
    var plain = PopulationPriorFit(
      catalogue: catalogue, options: PopulationFitOptions(minimumUsersForWeight: 100))
    try plain.add(contentsOf: Self.models(catalogue))
    let undecayed = try plain.fit()
    let decayed = try Self.fit(halfLife: 3e16)
    for key: BeliefKey in ["b", "t"] {
      let a = try #require(undecayed.belief(key)?.prior)
      let b = try #require(decayed.belief(key)?.prior)
      for (x, y) in zip(a.baseRates, b.baseRates) { #expect(abs(x - y) < 1e-7) }
      #expect(abs((a.priorWeight ?? 0) - (b.priorWeight ?? 0)) < 1e-5)
      #expect(abs((a.logLikelihood ?? 0) - (b.logLikelihood ?? 0)) < 1e-8)
    }
  }

  @Test func pagesMergeOnlyUnderTheSameDecay() throws {
    let catalogue = try Self.catalogue()
    let models = try Self.models(catalogue)
    let options = PopulationFitOptions(
      minimumUsersForWeight: 100, decay: try PopulationDecay(halfLife: Self.halfLife, at: Self.now))
    var first = PopulationPriorFit(catalogue: catalogue, options: options)
    var second = PopulationPriorFit(catalogue: catalogue, options: options)
    try first.add(contentsOf: models.suffix(3))
    try second.add(contentsOf: models.prefix(5))
    try first.merge(second)
    #expect(try first.fit() == Self.fit())
    let other = PopulationPriorFit(catalogue: catalogue)
    #expect(
      throws: ModelError.incompatibleCatalogue(
        reason: "a population fit with another decay (half-life or time) cannot merge")
    ) { try first.merge(other) }
  }

  @Test func aBadHalfLifeIsATypedError() {
    #expect(
      throws: ModelError.numberOutOfRange(
        field: "population half-life", value: -1, allowed: "greater than 0")
    ) { try PopulationDecay(halfLife: -1, at: Self.now) }
    #expect(throws: ModelError.nonFiniteNumber(field: "population half-life")) {
      try PopulationDecay(halfLife: .infinity, at: Self.now)
    }
  }
}
