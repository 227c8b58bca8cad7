import Foundation
import SelfModel

@testable import SelfModelStore

/// What the committed golden store of format v1 holds, and how it was made.
///
/// `golden-user`: two beliefs, two sources, evidence g0…g3 in the snapshot (after an explicit
/// compaction) and g4, g5 in the journal. `tenant/7`: a user with nothing but a policy.
enum GoldenFixture {
  static let now = Date(timeIntervalSinceReferenceDate: 760_000_000)
  static let user: UserID = "golden-user"
  static let tenant: UserID = "tenant/7"
  static let concise: BeliefKey = "preference.concise"
  static let tone: BeliefKey = "preference.tone"

  static func evidence(_ index: Int) throws -> Evidence {
    let onTone = index % 2 == 1
    return Evidence(
      id: try EvidenceID("g\(index)"), belief: onTone ? tone : concise,
      content: onTone ? .outcome(index == 3 ? "casual" : "formal") : .holds,
      weight: Double(index + 1) / 2, source: index < 4 ? "user" : "classifier",
      observedAt: now.addingTimeInterval(-Double(86_400 * (6 - index))),
      note: index == 0 ? "first answer" : nil)
  }

  static let policy = RevisionPolicy(priorWeight: 2, defaultHalfLife: 30 * 86_400)

  /// Performs the fixture's operations on `store`.
  static func build(in store: any UserModelStore) async throws {
    try await store.createUser(user, policy: policy)
    try await store.declare(
      [
        try .binary(concise, statement: "Prefers concise answers", baseRate: 0.4),
        try BeliefDefinition(
          key: tone, statement: "Preferred tone", outcomes: ["formal", "casual", "playful"]),
      ], for: user)
    try await store.register(
      [
        try Source(id: "user", kind: .userStated, reliability: 0.95),
        try Source(id: "classifier", kind: .modelInference, reliability: 0.7),
      ], for: user)
    for index in 0..<4 { try await store.record(try evidence(index), for: user, at: now) }
    try await store.compact(user)
    try await store.record([try evidence(4), try evidence(5)], for: user, at: now)
    try await store.createUser(tenant, policy: RevisionPolicy())
  }

  /// The expected model of ``user``, built in memory.
  static func expectedModel() async throws -> UserModel {
    let store = InMemoryStore()
    try await build(in: store)
    return try await store.model(for: user)
  }
}
