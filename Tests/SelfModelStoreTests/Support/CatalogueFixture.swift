import Foundation
import SelfModel

@testable import SelfModelStore

/// The store in `Resources/golden-v2-catalogue`: written once by ``build(in:)`` (a catalogue
/// published twice, a user with an own belief whose evidence is partly in the snapshot and
/// partly in the journal and partly about a retired belief, and an empty user) and never
/// regenerated.
enum CatalogueFixture {
  static let now = Date(timeIntervalSinceReferenceDate: 760_000_000.5)
  static let user: UserID = "golden-user"
  static let empty: UserID = "empty-user"
  static let concise: BeliefKey = "preference.concise"
  static let tone: BeliefKey = "preference.tone"
  static let emoji: BeliefKey = "preference.emoji"
  static let jazz: BeliefKey = "interest.jazz"

  static func catalogue(version: Int) throws -> Catalogue {
    var beliefs: [BeliefDefinition] = [
      try .binary(concise, statement: "Prefers concise answers", baseRate: 0.4),
      try BeliefDefinition(
        key: tone, statement: "Preferred tone", outcomes: ["formal", "casual", "playful"],
        baseRates: [0.5, 0.3, 0.2]),
    ]
    if version == 1 { beliefs.append(try .binary(emoji, statement: "Likes emoji")) }
    return try Catalogue(
      version: version, beliefs: beliefs,
      sources: [
        Source(id: "user", kind: .userStated, reliability: 0.95),
        Source(id: "clicks", kind: .behavior, reliability: 0.6),
      ],
      policy: RevisionPolicy(priorWeight: 2, halfLifeBySourceKind: [.behavior: 14 * 86_400]))
  }

  static func evidence(_ index: Int) throws -> Evidence {
    let beliefs = [concise, tone, emoji, jazz]
    let belief = beliefs[index % beliefs.count]
    let content: EvidenceContent =
      belief == tone ? .outcome(index % 3 == 0 ? "casual" : "formal") : .holds
    return Evidence(
      id: try EvidenceID("c\(index)"), belief: belief, content: content,
      weight: Double(index + 1) / 3, source: belief == jazz ? "llm" : "user",
      observedAt: now.addingTimeInterval(-Double(3_600 * (8 - index)) - 0.25))
  }

  static func build(in store: any UserModelStore) async throws {
    try await store.publish(try catalogue(version: 1))
    try await store.createUser(
      user, beliefs: [try .binary(jazz, statement: "Likes jazz")],
      sources: [try Source(id: "llm", kind: .modelInference, reliability: 0.4)], policy: nil)
    try await store.record(try (0..<4).map(evidence), for: user, at: now)
    try await store.compact(user)
    try await store.publish(try catalogue(version: 2))
    try await store.record(try (4..<8).filter { $0 % 4 != 2 }.map(evidence), for: user, at: now)
    try await store.createUser(empty)
  }

  static func expectedModel() async throws -> UserModel {
    let store = InMemoryStore()
    try await build(in: store)
    return try await store.model(for: user)
  }
}
