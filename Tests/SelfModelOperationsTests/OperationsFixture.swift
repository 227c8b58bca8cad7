import Foundation
import SelfModel
import SelfModelOperations
import SelfModelStore

/// A catalogue, users and a temporary FileStore for the operations tests.
enum OperationsFixture {
  static let now = Date(timeIntervalSinceReferenceDate: 790_000_000.25)

  static func catalogue() throws -> Catalogue {
    try Catalogue(
      version: 1,
      beliefs: [
        .binary("preference.concise", statement: "Prefers concise answers"),
        BeliefDefinition(
          key: "preference.tone", statement: "Preferred tone",
          outcomes: ["formal", "casual", "playful"]),
      ],
      sources: [
        Source(id: "clicks", kind: .behavior, reliability: 0.6),
        Source(id: "reactions", kind: .behavior, reliability: 1),
      ])
  }

  static func item(_ id: String, holds: Bool = true, at date: Date = now) -> Evidence {
    Evidence(
      id: EvidenceID(stringLiteral: id), belief: "preference.concise",
      content: holds ? .holds : .doesNotHold, source: "clicks", observedAt: date)
  }

  /// A response of two candidates: concise and formal, or long and playful.
  static func response(_ id: String) throws -> AssistantResponse {
    try AssistantResponse(
      id: ResponseID(stringLiteral: id),
      candidates: [
        Candidate(
          id: "short",
          stances: [
            Stance(belief: "preference.concise", asserts: .holds),
            Stance(belief: "preference.tone", asserts: .outcome("formal")),
          ]),
        Candidate(
          id: "long",
          stances: [
            Stance(belief: "preference.concise", asserts: .doesNotHold),
            Stance(belief: "preference.tone", asserts: .outcome("playful")),
          ]),
      ])
  }

  /// A new folder under the temporary directory, removed by the caller.
  static func folder() -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("selfmodel-operations-\(UUID().uuidString)").path
    return path
  }

  /// A FileStore with the catalogue and one user, in a new folder.
  static func fileStore(user: UserID = "user-1") async throws -> (FileStore, String) {
    let path = folder()
    let store = try FileStore(at: path)
    try await store.publish(catalogue())
    try await store.createUser(user)
    return (store, path)
  }
}
