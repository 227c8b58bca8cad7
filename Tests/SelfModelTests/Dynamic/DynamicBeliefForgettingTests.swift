import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// Forgetting on a dynamic belief is exact: forgetting an item equals never recording it.
@Suite struct DynamicBeliefForgettingTests {
  typealias Fixture = DynamicFixture

  @Test(arguments: 0..<25)
  func forgettingAnItemEqualsNeverRecordingIt(_ seed: UInt64) throws {
    var random = SeededRandom(seed: 1_000 + seed)
    let parameters = try Fixture.parameters(
      prior: Double.random(in: 0.05...0.95, using: &random),
      learn: Double.random(in: 0...0.5, using: &random),
      forget: Double.random(in: 0...0.3, using: &random),
      guess: Double.random(in: 0.05...0.45, using: &random),
      slip: Double.random(in: 0.05...0.45, using: &random))
    let count = Int.random(in: 1...30, using: &random)
    var items: [Evidence] = []
    for t in 0..<count {
      let source: SourceID = Bool.random(using: &random) ? "quiz" : "tutor"
      items.append(
        try Fixture.answer(
          "e\(t)", Bool.random(using: &random), at: Double(Int.random(in: 0...50, using: &random)),
          source: source))
    }
    items.append(
      Evidence(
        id: "counted", belief: "preference.concise", content: .holds, source: "quiz",
        observedAt: Fixture.start))
    items.shuffle(using: &random)
    let forgotten = items[Int.random(in: 0..<items.count, using: &random)]
    var model = try Fixture.model(parameters)
    for item in items { try model.record(item, at: Fixture.now) }
    #expect(model.forget(evidence: forgotten.id) == forgotten)
    var never = try Fixture.model(parameters)
    for item in items where item.id != forgotten.id { try never.record(item, at: Fixture.now) }
    #expect(model == never)
    let a = try model.estimates(at: Fixture.now)
    let b = try never.estimates(at: Fixture.now)
    #expect(a == b)
    // Forgetting a whole source equals never recording its items either.
    var bySource = model
    var neverSource = try Fixture.model(parameters)
    bySource.forget(source: "tutor")
    for item in items where item.id != forgotten.id && item.source != "tutor" {
      try neverSource.record(item, at: Fixture.now)
    }
    #expect(try bySource.estimates(at: Fixture.now) == neverSource.estimates(at: Fixture.now))
  }
}
