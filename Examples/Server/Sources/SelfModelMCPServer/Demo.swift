import Foundation
import SelfModel
import SelfModelStore

/// `--demo`: a small catalogue and a user `demo`, so the server can be tried on an empty
/// folder.
enum Demo {
  static let agentSource: SourceID = "agent:assistant"

  static func seed(_ store: FileStore) async throws {
    if try await store.catalogue().version == 0 {
      let beliefs = [
        try BeliefDefinition.binary(
          "style.concise", statement: "Prefers concise answers", tags: ["style"]),
        try BeliefDefinition.binary(
          "style.examples", statement: "Likes code examples", tags: ["style", "coding"]),
        try BeliefDefinition.binary(
          "coding.tests-first", statement: "Writes tests first", tags: ["coding"]),
      ]
      let sources = [
        try Source(id: "user", kind: .userStated, reliability: 0.95),
        try Source(id: agentSource, kind: .modelInference, reliability: 0.6),
      ]
      _ = try await store.publish(Catalogue(version: 1, beliefs: beliefs, sources: sources))
    }
    if try await !store.contains("demo") {
      try await store.createUser("demo", beliefs: [], sources: [], policy: nil)
    }
  }
}
