import Foundation
import SelfModel
import Testing

/// Every case of `log_odds_updates` and `jeffrey_conditioning` in the reference vectors
/// (computed with NumPy and SciPy; copied here, never read at test time), through the public
/// API: ``LogOddsUpdate`` and ``JeffreyConditioning``, and through a ``UserModel`` wherever a
/// model can hold the case (a prior strictly inside (0, 1) and no certainty); the others must
/// be refused with a typed error.
@Suite struct LikelihoodReferenceTests {
  struct LogOddsCase: Sendable, CustomTestStringConvertible {
    let name: String
    let prior: Double
    let items: [(ratio: Double, reliability: Double)]
    let clamp: ClosedRange<Double>?
    /// (log-odds, posterior) under the mixture rule, the power rule, and the clamped mixture.
    let mixture: (Double, Double)
    let power: (Double, Double)
    let clamped: (Double, Double)?
    var testDescription: String { name }
  }

  static let tolerance = 1e-9
  static let now = Date(timeIntervalSinceReferenceDate: 800_000_000)

  static let cases: [LogOddsCase] = [
    LogOddsCase(
      name: "empty_evidence", prior: 0.3, items: [], clamp: nil,
      mixture: (-0.8472978603872037, 0.3),
      power: (-0.8472978603872037, 0.3),
      clamped: nil),
    LogOddsCase(
      name: "lr_zero_full_reliability_falsifies", prior: 0.7, items: [(0.0, 1.0)], clamp: nil,
      mixture: (-.infinity, 0.0),
      power: (-.infinity, 0.0),
      clamped: nil),
    LogOddsCase(
      name: "prior_zero_lock_in", prior: 0.0, items: [(1000.0, 1.0), (1000.0, 1.0)], clamp: nil,
      mixture: (-.infinity, 0.0),
      power: (-.infinity, 0.0),
      clamped: nil),
    LogOddsCase(
      name: "prior_one_lock_in", prior: 1.0, items: [(0.001, 1.0)], clamp: nil,
      mixture: (.infinity, 1.0),
      power: (.infinity, 1.0),
      clamped: nil),
    LogOddsCase(
      name: "prior_one_lr_zero_undefined", prior: 1.0, items: [(0.0, 1.0)], clamp: nil,
      mixture: (.nan, .nan),
      power: (.nan, .nan),
      clamped: nil),
    LogOddsCase(
      name: "same_evidence_counted_five_times", prior: 0.2,
      items: [(4.0, 0.8), (4.0, 0.8), (4.0, 0.8), (4.0, 0.8), (4.0, 0.8)], clamp: nil,
      mixture: (4.732582796990688, 0.991273125345148),
      power: (4.1588830833596715, 0.9846153846153847),
      clamped: nil),
    LogOddsCase(
      name: "octomap_clamp_hits", prior: 0.5,
      items: [
        (2.34, 1.0), (2.34, 1.0), (2.34, 1.0), (2.34, 1.0), (2.34, 1.0), (2.34, 1.0), (2.34, 1.0),
        (2.34, 1.0), (2.34, 1.0), (2.34, 1.0),
      ], clamp: -2.0...3.5,
      mixture: (8.5015092936961, 0.9997968797590997),
      power: (8.5015092936961, 0.9997968797590997),
      clamped: (3.5, 0.9706877692486436)),
    LogOddsCase(
      name: "octomap_clamp_misses_then_hits", prior: 0.5,
      items: [
        (0.6703, 1.0), (0.6703, 1.0), (0.6703, 1.0), (2.34, 1.0), (2.34, 1.0), (2.34, 1.0),
        (2.34, 1.0), (2.34, 1.0), (2.34, 1.0), (2.34, 1.0), (2.34, 1.0), (2.34, 1.0), (2.34, 1.0),
      ], clamp: -2.0...3.5,
      mixture: (7.3014195768414245, 0.9993258742757087),
      power: (7.3014195768414245, 0.9993258742757087),
      clamped: (3.5, 0.9706877692486436)),
    LogOddsCase(
      name: "mixed_reliabilities", prior: 0.35,
      items: [(2.5, 0.9), (0.4, 0.6), (6.0, 0.3), (0.8, 1.0)], clamp: nil,
      mixture: (0.48223619768137005, 0.6182757810664788),
      power: (-0.029767699389770197, 0.4925586246378779),
      clamped: nil),
    LogOddsCase(
      name: "mixed_reliabilities_permuted", prior: 0.35,
      items: [(0.8, 1.0), (6.0, 0.3), (2.5, 0.9), (0.4, 0.6)], clamp: nil,
      mixture: (0.48223619768137, 0.6182757810664787),
      power: (-0.029767699389770197, 0.4925586246378779),
      clamped: nil),
    LogOddsCase(
      name: "random_02", prior: 0.661, items: [(7.478, 0.84)], clamp: nil,
      mixture: (2.5305182695827373, 0.9262537630377039),
      power: (2.3578046487773703, 0.9135525866038056),
      clamped: nil),
    LogOddsCase(
      name: "random_04", prior: 0.192,
      items: [(3.859, 0.97), (2.184, 0.03), (0.6037, 0.05), (1.612, 0.0), (1.985, 0.95)],
      clamp: nil,
      mixture: (0.5662493267490287, 0.6378972772240078),
      power: (0.5223679690951912, 0.6277013097649976),
      clamped: nil),
    LogOddsCase(
      name: "random_05", prior: 0.149,
      items: [
        (0.4394, 0.65), (0.6521, 0.48), (7.026, 1.0), (8.156, 0.0), (0.03937, 0.23), (0.1946, 1.0),
      ], clamp: nil,
      mixture: (-2.3152130262176556, 0.08987083745019832),
      power: (-2.913402005610993, 0.05149501658979833),
      clamped: nil),
    LogOddsCase(
      name: "random_07", prior: 0.584,
      items: [(1.103, 0.95), (19.87, 0.95), (0.4149, 0.5), (0.5146, 0.37)], clamp: nil,
      mixture: (2.8290833624286824, 0.9442273496984508),
      power: (2.58642421345888, 0.9299827380275266),
      clamped: nil),
    LogOddsCase(
      name: "random_09", prior: 0.368,
      items: [(0.6132, 0.95), (3.496, 0.08), (1.138, 0.64), (0.1645, 0.95), (1.675, 0.98)],
      clamp: -4.0...4.0,
      mixture: (-1.8029524380284174, 0.1414920464584449),
      power: (-2.031659101255454, 0.11591878630593436),
      clamped: (-1.8029524380284174, 0.1414920464584449)),
  ]

  @Test(arguments: cases) func standaloneRulesMatchTheReference(_ c: LogOddsCase) throws {
    let items = c.items.map { LogOddsUpdate.Item(ratio: $0.ratio, reliability: $0.reliability) }
    let rules: [(LogOddsUpdate.Rule, (Double, Double), ClosedRange<Double>?)] =
      [(.mixture, c.mixture, nil), (.power, c.power, nil)]
      + (c.clamped.map { [(.mixture, $0, c.clamp)] } ?? [])
    for (rule, expected, clamp) in rules {
      if expected.0.isNaN {
        let error = #expect(throws: ModelError.self) {
          try LogOddsUpdate.logOdds(prior: c.prior, items: items, rule: rule, clamp: clamp)
        }
        guard case .undefined? = error else {
          Issue.record("\(c.name) \(rule): \(String(describing: error))")
          continue
        }
        continue
      }
      let logOdds = try LogOddsUpdate.logOdds(
        prior: c.prior, items: items, rule: rule, clamp: clamp)
      expectClose(logOdds, expected.0, "\(c.name) \(rule) log-odds")
      expectClose(
        LogOddsUpdate.probability(logOdds: logOdds), expected.1, "\(c.name) \(rule) posterior")
    }
  }

  /// The model applies the mixture rule: a binary belief whose base rate is the prior, one
  /// source per item with the item's reliability.
  @Test(arguments: cases) func modelMatchesTheMixtureRule(_ c: LogOddsCase) throws {
    guard c.prior > 0, c.prior < 1 else {
      let error = #expect(throws: ModelError.self) {
        try BeliefDefinition.binary("skill.x", statement: "S", baseRate: c.prior)
      }
      #expect(error != nil, "\(c.name): a certain prior must be refused")
      return
    }
    var model = try UserModel(user: "u")
    try model.declare(.binary("skill.x", statement: "S", baseRate: c.prior))
    var batch: [Evidence] = []
    for (index, item) in c.items.enumerated() {
      let source = try SourceID("s\(index)")
      try model.register(Source(id: source, kind: .modelInference, reliability: item.reliability))
      batch.append(
        Evidence(
          id: try EvidenceID("e\(index)"), belief: "skill.x",
          content: .likelihoodRatio(outcome: "true", ratio: item.ratio), source: source,
          observedAt: Self.now))
    }
    guard c.mixture.0.isFinite else {
      let before = model
      let error = #expect(throws: ModelError.self) { try model.record(batch, at: Self.now) }
      guard case .numberOutOfRange? = error else {
        Issue.record("\(c.name): \(String(describing: error))")
        return
      }
      #expect(model.evidenceCount == before.evidenceCount)
      return
    }
    try model.record(batch, at: Self.now)
    let estimate = try model.estimate(for: "skill.x", at: Self.now)
    expectClose(try estimate.probability(of: "true"), c.mixture.1, "\(c.name) model posterior")
    let shift = (estimate.logLikelihoods ?? [0, 0])
    expectClose(
      log(c.prior) - log1p(-c.prior) + shift[0] - shift[1], c.mixture.0, "\(c.name) log-odds")
  }

  /// `same_evidence_counted_five_times` as one item of weight 5.
  @Test func weightCountsAsRepeatedItems() throws {
    var model = try UserModel(user: "u")
    try model.declare(.binary("skill.x", statement: "S", baseRate: 0.2))
    try model.register(Source(id: "s", kind: .modelInference, reliability: 0.8))
    try model.record(
      Evidence(
        id: "e", belief: "skill.x", content: .likelihoodRatio(outcome: "true", ratio: 4),
        weight: 5, source: "s", observedAt: Self.now), at: Self.now)
    let p = try model.estimate(for: "skill.x", at: Self.now).probability(of: "true")
    expectClose(p, 0.991273125345148, "weight 5")
  }

  /// `jeffrey_conditioning/uncertain_q0_2`, standalone and through a model (as its equivalent
  /// Bayes factor, and as a Jeffrey target on the belief's own partition).
  @Test func jeffreyConditioningMatchesTheReference() throws {
    let update = try JeffreyConditioning.update(
      prior: 0.25, likelihoodIfTrue: 0.9, likelihoodIfFalse: 0.2, newEvidenceProbability: 0.2)
    expectClose(update.priorEvidenceProbability, 0.375, "prior P(E)")
    expectClose(update.posterior, 0.15199999999999997, "posterior")
    expectClose(update.equivalentBayesFactor, 0.5377358490566037, "Bayes factor")
    let contents: [EvidenceContent] = [
      .likelihoodRatio(outcome: "true", ratio: update.equivalentBayesFactor),
      .jeffrey(target: ["true": update.posterior, "false": 1 - update.posterior]),
    ]
    for content in contents {
      var model = try UserModel(user: "u")
      try model.declare(.binary("level.beginner", statement: "S", baseRate: 0.25))
      try model.register(Source(id: "classifier", kind: .modelInference, reliability: 1))
      try model.record(
        Evidence(
          id: "e", belief: "level.beginner", content: content, source: "classifier",
          observedAt: Self.now), at: Self.now)
      let p = try model.estimate(for: "level.beginner", at: Self.now).probability(of: "true")
      expectClose(p, 0.15199999999999997, "\(content)")
    }
  }

  private func expectClose(
    _ actual: Double, _ expected: Double, _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if expected.isInfinite || expected == 0 || expected == 1 {
      #expect(
        actual == expected, "\(label): \(actual) vs \(expected)", sourceLocation: sourceLocation)
    } else {
      let scale = max(1, abs(expected))
      #expect(
        abs(actual - expected) <= Self.tolerance * scale, "\(label): \(actual) vs \(expected)",
        sourceLocation: sourceLocation)
    }
  }
}
