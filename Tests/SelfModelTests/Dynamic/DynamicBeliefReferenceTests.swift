import Foundation
import SelfModel
import Testing

/// The dynamic belief inside ``UserModel`` against the `bkt` section of the reference vectors
/// (pyBKT 1.4.3's forward pass; the cases are the ones copied in
/// ``KnowledgeTracingReferenceTests/cases``): after each answer the estimate's probability is
/// pyBKT's `p_mastery_next`, its predicted chance of a right answer is pyBKT's next
/// `p_correct_predicted`, and explain reproduces every step. It also equals
/// ``KnowledgeTracing/filter(_:parameters:)`` to the last bit.
@Suite struct DynamicBeliefReferenceTests {
  typealias Case = KnowledgeTracingReferenceTests.BKTCase

  @Test(arguments: KnowledgeTracingReferenceTests.cases)
  func theModelsEstimateMatchesPyBKTAndTheFilter(_ c: Case) throws {
    let parameters = try KnowledgeTracing.Parameters(
      prior: c.prior, learn: c.learn, forget: c.forget, guess: c.guess, slip: c.slip)
    var model = try DynamicFixture.model(parameters)
    let filtered = KnowledgeTracing.filter(c.observations, parameters: parameters)
    for (t, holds) in c.observations.enumerated() {
      let before = try #require(
        try model.estimate(for: DynamicFixture.key, at: DynamicFixture.now).mastery)
      #expect(abs(before.mastery - c.before[t]) <= 1e-9, "\(c.name)[\(t)] before")
      #expect(abs(before.correctProbability - c.correct[t]) <= 1e-9, "\(c.name)[\(t)] correct")
      try model.append(
        try DynamicFixture.answer("a\(String(format: "%04d", t))", holds, at: Double(t)),
        at: DynamicFixture.now)
      let p = try model.estimate(for: DynamicFixture.key, at: DynamicFixture.now).probability(
        of: "true")
      #expect(abs(p - c.next[t]) <= 1e-9, "\(c.name)[\(t)] next")
      #expect(p == filtered[t].masteryNext)
    }
    let final = try model.estimate(for: DynamicFixture.key, at: DynamicFixture.now)
    #expect(abs(try final.probability(of: "true") - c.final) <= 1e-9)
    let steps = try model.explain(DynamicFixture.key, at: DynamicFixture.now).contributions
      .compactMap(\.knowledgeTracingStep)
    #expect(steps == filtered)
    for (t, step) in steps.enumerated() {
      #expect(abs(step.masteryAfterObservation - c.after[t]) <= 1e-9, "\(c.name)[\(t)] after")
    }
  }
}
