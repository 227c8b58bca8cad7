import Foundation
import SelfModel
import SelfModelStore
import Testing

/// The FileStore snippet in README.md, verbatim apart from the folder (a temporary one here):
/// if this stops compiling, README must change too.
@Suite struct ReadmeStoreSnippetTests {
  @Test func snippetCompilesAndKeepsTheEvidence() async throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("readme-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let now = Date(timeIntervalSince1970: 1_767_225_600)
    let policy = RevisionPolicy()

    let catalogue = try Catalogue(
      version: 1,
      beliefs: [.binary("preference.concise", statement: "Prefers concise answers")],
      sources: [Source(id: "clicks", kind: .behavior, reliability: 0.6)],
      policy: policy)

    let store = try FileStore(at: folder)
    defer { store.close() }
    try await store.publish(catalogue)  // the same version again is a no-op
    if try await !store.contains("user-7") {  // the folder outlives the process
      _ = try await store.createUser("user-7")  // no declarations: the catalogue's
    }
    try await store.record(
      Evidence(
        id: "e-1", belief: "preference.concise", content: .holds, source: "clicks",
        observedAt: now),
      for: "user-7", at: now)  // returns once durable
    let stored = try await store.model(for: "user-7")  // a UserModel, as above
    let estimates = try await store.estimates(  // no model handed out: served from
      for: "user-7", beliefs: ["preference.concise"], at: now)  // the last durable state

    #expect(stored.evidence.map(\.id) == ["e-1"])
    let p = try stored.estimate(for: "preference.concise", at: now).probability(of: "true")
    #expect(abs(p - 1.6 / 2.6) < 1e-12)
    #expect(estimates == [try stored.estimate(for: "preference.concise", at: now)])
  }
}
