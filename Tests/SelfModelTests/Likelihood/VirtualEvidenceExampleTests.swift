import Foundation
import SelfModel
import Testing

/// The worked examples of `Docs/Math.md`, "Virtual evidence", recomputed through the model.
@Suite struct VirtualEvidenceExampleTests {
  static let now = Date(timeIntervalSinceReferenceDate: 800_000_000)

  private func observe(
    _ model: inout UserModel, _ belief: BeliefKey, _ contents: [EvidenceContent],
    source: SourceID
  ) throws {
    for (index, content) in contents.enumerated() {
      try model.record(
        Evidence(
          id: try EvidenceID("\(source.rawValue)-\(index)"), belief: belief, content: content,
          source: source, observedAt: Self.now), at: Self.now)
    }
  }

  @Test func likelihoodRatioAfterCounts() throws {
    var model = try UserModel(user: "u")
    try model.declare(.binary("preference.concise", statement: "S", baseRate: 0.35))
    try model.register(Source(id: "user", kind: .userStated, reliability: 1))
    try model.register(Source(id: "judge", kind: .modelInference, reliability: 0.8))
    try observe(
      &model, "preference.concise", [.holds, .holds, .holds, .doesNotHold], source: "user")
    try observe(
      &model, "preference.concise", [.likelihoodRatio(outcome: "true", ratio: 3)], source: "judge")
    let estimate = try model.estimate(for: "preference.concise", at: Self.now)
    #expect(abs(try estimate.probability(of: "true") - 0.8070469798657719) < 1e-12)
    #expect(estimate.totalEvidence == 4)
  }

  @Test func jeffreyTargetAfterCountsAndTheCountedAlternative() throws {
    let target: [String: Double] = ["low": 0.1, "mid": 0.6, "high": 0.3]
    let expected: [([Double], EvidenceContent)] = [
      ([0.23893805309734514, 0.6371681415929205, 0.12389380530973453], .jeffrey(target: target)),
      ([0.5310344827586208, 0.35862068965517246, 0.11034482758620691], .distribution(target)),
    ]
    for (probabilities, content) in expected {
      var model = try UserModel(user: "u")
      try model.declare(
        BeliefDefinition(
          key: "level", statement: "Level", outcomes: ["low", "mid", "high"],
          baseRates: [0.5, 0.3, 0.2]))
      try model.register(Source(id: "user", kind: .userStated, reliability: 1))
      try model.register(Source(id: "classifier", kind: .modelInference, reliability: 0.8))
      try observe(
        &model, "level", [.outcome("low"), .outcome("low"), .outcome("mid")], source: "user")
      try observe(&model, "level", [content], source: "classifier")
      let p = try model.estimate(for: "level", at: Self.now).probabilities
      for k in 0..<3 { #expect(abs(p[k] - probabilities[k]) < 1e-12, "\(content) \(k)") }
    }
  }
}
