import Foundation
import SelfModel
import SelfModelStore

/// The B13 model in a store: 1,000 binary beliefs with ten tags and importances 1 to 4,
/// 10,000 evidence items from three sources, and an agent source.
enum BenchFixture {
  static let user: UserID = "bench"
  static let start = Date(timeIntervalSince1970: 1_767_225_600)
  static let now = start.addingTimeInterval(2_000_000)
  static let request = PromptQuery(
    keys: ["belief.7", "belief.901"], keyPrefixes: ["belief.1"], tags: ["t3"],
    budget: PromptBudget(beliefs: 20, characters: 4_000), excludedLimit: 5)

  static func build(in store: FileStore) async throws {
    let beliefs = try (0..<1_000).map { index in
      try BeliefDefinition.binary(
        BeliefKey("belief.\(index)"), statement: "Belief number \(index) about this user",
        tags: ["t\(index % 10)"], importance: Double(index % 4 + 1))
    }
    var policy = RevisionPolicy()
    policy.halfLifeBySourceKind[.behavior] = 14 * 86_400
    policy.halfLifeBySourceKind[.modelInference] = 30 * 86_400
    let sources = [
      try Source(id: "user", kind: .userStated, reliability: 0.95),
      try Source(id: "clicks", kind: .behavior, reliability: 0.6),
      try Source(id: "llm", kind: .modelInference, reliability: 0.5),
      try Source(id: "agent:bench", kind: .modelInference, reliability: 0.5),
    ]
    _ = try await store.publish(
      Catalogue(version: 1, beliefs: beliefs, sources: sources, policy: policy))
    try await store.createUser(user, beliefs: [], sources: [], policy: nil)
    let names: [SourceID] = ["user", "clicks", "llm"]
    for batch in 0..<10 {
      let items = (batch * 1_000..<(batch + 1) * 1_000).map { index in
        Evidence(
          id: EvidenceID(stringLiteral: "e\(index)"),
          belief: BeliefKey(stringLiteral: "belief.\((index &* 7_919) % 1_000)"),
          content: .outcome(index % 3 == 0 ? "false" : "true"), source: names[index % 3],
          observedAt: start.addingTimeInterval(Double(index)))
      }
      try await store.record(items, for: user, at: now)
    }
  }
}
