import Foundation
import SelfModel
import SelfModelTesting
import Testing

@Suite struct DriftReportTests {
  let now = AlignmentFixtures.start

  /// A model whose binary beliefs have no evidence, so each probability is its base rate.
  func model(_ rates: [Double]) throws -> UserModel {
    var model = try UserModel(user: "u")
    for (index, rate) in rates.enumerated() {
      try model.declare(.binary(BeliefKey("b\(index)"), statement: "B", baseRate: rate))
    }
    return model
  }

  @Test func divergenceMatchesTheReferencePairs() throws {
    for item in ReferenceVectors.cases("drift", "bernoulli_pairs") {
      let p = try #require(item["inputs"]["p"].double)
      let q = try #require(item["inputs"]["q"].double)
      guard p > 0, p < 1, q > 0, q < 1 else { continue }  // base rates are strictly inside
      let drift = try DriftReport(from: model([p]), at: now, to: model([q]), at: now)
      let expected = try #require(item["expected"]["js_divergence_bits"].double)
      let belief = try #require(drift.beliefs.first)
      #expect(isClose(belief.divergence, expected), "\(item["name"].string ?? "")")
      #expect(abs(belief.largestChange - abs(q - p)) < 1e-12)
    }
  }

  @Test func populationStabilityMatchesTheReferenceHistograms() throws {
    var checked = 0
    for item in ReferenceVectors.cases("drift", "binned_populations") {
      let old = item["inputs"]["old_probabilities"].doubles
      let new = item["inputs"]["new_probabilities"].doubles
      guard old.count == new.count, old.allSatisfy({ $0 > 0 && $0 < 1 }),
        new.allSatisfy({ $0 > 0 && $0 < 1 }),
        let expected = item["expected"]["psi_eps_1e-4_nats"].double
      else { continue }
      let drift = try DriftReport(from: model(old), at: now, to: model(new), at: now)
      #expect(isClose(try #require(drift.populationStabilityIndex), expected))
      checked += 1
    }
    #expect(checked > 0)
  }

  @Test func topMoversStaleBeliefsAndKeyChanges() throws {
    let day = AlignmentFixtures.day
    var model = try UserModel(user: "u", policy: RevisionPolicy(defaultHalfLife: 10 * day))
    try model.register(Source(id: "user", kind: .userStated, reliability: 1))
    for key in ["a", "b", "c"] { try model.declare(.binary(BeliefKey(key), statement: key)) }
    let items: [(String, BeliefKey, EvidenceContent, Double)] = [
      ("e1", "a", .holds, 0), ("e2", "b", .holds, 0), ("e3", "b", .doesNotHold, 25),
      ("e4", "b", .doesNotHold, 25), ("e5", "c", .holds, 25),
    ]
    for (id, key, content, offset) in items {
      try model.record(
        Evidence(
          id: EvidenceID(id), belief: key, content: content, weight: 4, source: "user",
          observedAt: now + offset * day), at: now + 30 * day)
    }
    let drift = try DriftReport(model: model, from: now + day, to: now + 30 * day, topCount: 2)
    #expect(drift.topMovers.map(\.belief) == ["b", "c"])
    #expect(drift.beliefs.count == 3)
    #expect(drift.goneStale.map(\.estimate.key) == ["a"])
    let b = try #require(drift.beliefs.first)
    #expect(b.after[0] < b.before[0])
    #expect(b.uncertaintyAfter < b.uncertaintyBefore)

    var later = model
    try later.declare(.binary("d", statement: "D"))
    var earlier = try UserModel(user: "u")
    try earlier.declare(BeliefDefinition(key: "a", statement: "A", outcomes: ["x", "y", "z"]))
    try earlier.declare(.binary("gone", statement: "Gone"))
    let changes = try DriftReport(from: earlier, at: now, to: later, at: now + 30 * day)
    #expect(changes.added == ["b", "c", "d"])
    #expect(changes.removed == ["gone"])
    #expect(changes.incompatible == ["a"])
    #expect(changes.populationStabilityIndex == nil)
  }

  @Test func aModelHasNotDriftedFromItself() throws {
    var random = AlignmentTestRandom(seed: 41)
    let model = try AlignmentFixtures.model(&random)
    let at = now + 61 * AlignmentFixtures.day
    let drift = try DriftReport(from: model, at: at, to: model, at: at)
    #expect(drift.topMovers.isEmpty)
    #expect(drift.beliefs.allSatisfy { $0.divergence == 0 && $0.largestChange == 0 })
    #expect(drift.populationStabilityIndex == 0)
    let decoded = try JSONDecoder().decode(DriftReport.self, from: JSONEncoder().encode(drift))
    #expect(decoded == drift)
  }
}
