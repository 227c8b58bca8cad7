import Foundation
import SelfModel
import SelfModelStore

extension ConformanceContext {
  static let jazz: BeliefKey = "interest.jazz"

  /// Catalogue version `version`: ``concise`` and the `user` source, then from version 2 on
  /// also ``formal`` and the `clicks` source, and from version 3 on one belief per version.
  static func catalogue(version: Int) throws -> Catalogue {
    var beliefs: [BeliefDefinition] = [try .binary(concise, statement: "Prefers concise answers")]
    var sources = [try Source(id: "user", kind: .userStated, reliability: 0.95)]
    if version >= 2 {
      beliefs.append(try .binary(formal, statement: "Prefers a formal tone"))
      sources.append(try Source(id: "clicks", kind: .behavior, reliability: 0.6))
    }
    for extra in stride(from: 3, through: version, by: 1) {
      beliefs.append(try .binary(BeliefKey("topic.\(extra)"), statement: "Topic \(extra)"))
    }
    return try Catalogue(version: version, beliefs: beliefs, sources: sources)
  }

  /// A published catalogue reaches users created before it; a user needs no declarations;
  /// own entries go in the same call; publishing is idempotent and never goes backwards.
  func publishReachesEveryUser() async throws {
    try expect(try await store.catalogue().version == 0, "a new store has catalogue 0")
    let first = try await store.publish(try Self.catalogue(version: 1))
    try expect(first.toVersion == 1 && first.addedBeliefs == [Self.concise], "diff \(first)")
    try await store.createUser(try user("early"))
    try await store.record(try Self.evidence("e1"), for: try user("early"), at: Self.now)
    let second = try Self.catalogue(version: 2)
    try await store.publish(second)
    let model = try await store.model(for: try user("early"))
    try expect(model.catalogue.version == 2, "early user is on \(model.catalogue.version)")
    try expect(model.definition(for: Self.formal) != nil, "early user lacks the new belief")
    try expect(model.evidence.count == 1, "early user lost evidence")
    try await store.record(
      try Self.evidence("e2", Self.formal, source: "clicks"), for: try user("early"), at: Self.now)
    let jazz = try BeliefDefinition.binary(Self.jazz, statement: "Likes jazz")
    let llm = try Source(id: "llm", kind: .modelInference, reliability: 0.3)
    let extra = try await store.createUser(
      try user("extra"), beliefs: [jazz], sources: [llm], policy: nil)
    try expect(extra.ownBeliefs == [jazz] && extra.ownRegisteredSources == [llm], "own entries")
    try expect(try await store.model(for: try user("extra")) == extra, "own entries were not kept")
    try expect(try await store.publish(second).isEmpty, "republishing changed something")
    try await expectError(.catalogueOutdated, "an older version") {
      try await store.publish(try Self.catalogue(version: 1))
    }
    let other = try Catalogue(version: 2, beliefs: [jazz])
    try await expectError(.catalogueConflict, "version 2 with other content") {
      try await store.publish(other)
    }
    try expect(try await store.catalogue() == second, "a refused publish changed the catalogue")
  }

  /// A change that would invalidate evidence is refused and changes nothing; removing a
  /// belief hides its evidence until it is listed again.
  func incompatibleCatalogueIsRefused() async throws {
    let first = try Self.catalogue(version: 1)
    try await store.publish(first)
    try await store.createUser(try user("u"))
    try await store.record(try Self.evidence("e1"), for: try user("u"), at: Self.now)
    let before = try await store.model(for: try user("u"))
    let changed = try Catalogue(
      version: 2,
      beliefs: [
        BeliefDefinition(key: Self.concise, statement: "Length", outcomes: ["short", "long"])
      ], sources: first.sources)
    try await expectError(.catalogueConflict, "changing outcomes") {
      try await store.publish(changed)
    }
    try expect(try await store.catalogue() == first, "the refused catalogue is in force")
    try expect(
      try await store.model(for: try user("u")) == before, "the refused catalogue changed a user")
    try await store.publish(try Catalogue(version: 2, beliefs: [], sources: first.sources))
    let hidden = try await store.model(for: try user("u"))
    try expect(hidden.evidence.count == 1, "retiring a belief deleted its evidence")
    try expect(hidden.definition(for: Self.concise) == nil, "a retired belief is in force")
    try await expectError(.rejectedByModel, "recording about a retired belief") {
      try await store.record(try Self.evidence("e2"), for: try user("u"), at: Self.now)
    }
    try await store.publish(
      try Catalogue(version: 3, beliefs: first.beliefs, sources: first.sources))
    let back = try await store.model(for: try user("u"))
    try expect(
      try back.estimate(for: Self.concise, at: Self.now).evidence
        == before.estimate(for: Self.concise, at: Self.now).evidence,
      "the belief came back without its evidence")
  }

  /// Publishing while writers record loses no write, and every user ends on the last version.
  func concurrentPublishWithWritesLosesNothing() async throws {
    try await store.publish(try Self.catalogue(version: 2))
    let users = try (0..<6).map { try user("w\($0)") }
    for user in users { try await store.createUser(user) }
    let store = self.store
    try await withThrowingTaskGroup(of: Void.self) { group in
      for user in users {
        group.addTask {
          for index in 0..<20 {
            let item = try Self.evidence("\(user)-\(index)", holds: index % 3 != 0)
            try await store.record(item, for: user, at: Self.now)
          }
        }
      }
      group.addTask {
        for version in 3...7 { try await store.publish(try Self.catalogue(version: version)) }
      }
      try await group.waitForAll()
    }
    for user in users {
      let model = try await store.model(for: user)
      try expect(model.evidence.count == 20, "\(user) has \(model.evidence.count) of 20 items")
      try expect(model.catalogue.version == 7, "\(user) is on \(model.catalogue.version)")
      try expect(model.beliefs.count == 7, "\(user) sees \(model.beliefs.count) beliefs")
    }
  }
}
