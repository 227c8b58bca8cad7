import BenchmarkSupport
import Foundation
import SelfModel

/// B13: choose and render the context for one request from a 1,000-belief model with a budget
/// of 20 beliefs (``PromptSelector/prompt(for:)``), with its ratio to B5 from the same run.
enum B13Context {
  static func run(_ settings: Settings, b5: Double?) throws -> [ResultRow] {
    let model = try model()
    let now = Fixtures.now
    let selector = try PromptSelector(model: model, at: now)
    let request = PromptQuery(
      keys: ["belief.7", "belief.901"], keyPrefixes: ["belief.1"], tags: ["t3"],
      budget: PromptBudget(beliefs: 20, characters: 4_000), excludedLimit: 5)
    let relevance = PromptQuery(
      relevance: { definition in definition.importance > 2 ? definition.importance / 4 : nil },
      budget: PromptBudget(beliefs: 20))
    let calls = settings.quick ? 10 : 2_000
    let repetitions = settings.quick ? 3 : 15
    var named: [Double] = []
    var scored: [Double] = []
    var setups: [Double] = []
    for _ in 0..<repetitions {
      named.append(try perCall(calls) { try selector.prompt(for: request) })
      scored.append(try perCall(calls) { try selector.prompt(for: relevance) })
      setups.append(try time { _ = try PromptSelector(model: model, at: now) })
    }
    let check = try selector.prompt(for: request)
    precondition(check.entries.count == 20 && check.relevantCount > 200)
    let us = { (seconds: Double) in seconds * 1e6 }
    let value = us(median(named))
    return [
      ResultRow(
        id: "B13", workload: "context for a request: 1,000 beliefs, budget 20",
        value: value, unit: "us", baseline: b5.map { _ in "B5 rank" }, baselineValue: b5,
        ratio: b5.map { value / $0 }, target: "<= 50 us", met: value <= 50),
      ResultRow(
        id: "B13r", workload: "  same, relevance function over all 1,000",
        value: us(median(scored)), unit: "us", baseline: nil, baselineValue: nil, ratio: nil,
        target: "(informative)", met: nil),
      ResultRow(
        id: "B13s", workload: "  selector setup for the model (once per model)",
        value: us(median(setups)), unit: "us", baseline: nil, baselineValue: nil, ratio: nil,
        target: "(informative)", met: nil),
    ]
  }

  /// Seconds per call of `body`, over `calls` calls.
  static func perCall(_ calls: Int, _ body: () throws -> PromptContext) throws -> Double {
    var characters = 0
    let total = try time {
      for _ in 0..<calls { characters &+= try body().text.utf8.count }
    }
    precondition(characters > 0)
    return total / Double(calls)
  }

  /// 1,000 binary beliefs with ten tags and importances 1 to 4, and 10,000 evidence items.
  static func model() throws -> UserModel {
    let beliefs = try (0..<1_000).map { index in
      try BeliefDefinition.binary(
        BeliefKey("belief.\(index)"), statement: "Belief number \(index) about this user",
        tags: ["t\(index % 10)"], importance: Double(index % 4 + 1))
    }
    var model = try UserModel(
      user: "bench", policy: Fixtures.policy(), beliefs: beliefs,
      sources: Fixtures.modelSources(), evidence: [])
    for index in 0..<10_000 {
      try model.append(Fixtures.evidence(index, beliefs: 1_000), at: Fixtures.now)
    }
    return model
  }
}
