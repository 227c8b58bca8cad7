import Foundation
import SelfModel
import SelfModelOperations
import SelfModelStore
import Testing

/// The prompt selector's setup is cached with the user's state and dropped by a write.
@Suite struct OperationsPromptCacheTests {
  static func cached(_ store: any UserModelStore, _ user: UserID) async throws -> Int {
    try await store.read(user: user, operation: "test") { view in view.cache.count }
  }

  @Test(arguments: [false, true])
  func aRepeatedPromptReusesTheSetupUntilTheUserChanges(onFiles: Bool) async throws {
    let store: any UserModelStore
    var path: String?
    if onFiles {
      let (file, folder) = try await OperationsFixture.fileStore()
      store = file
      path = folder
    } else {
      let memory = InMemoryStore(catalogue: try OperationsFixture.catalogue())
      try await memory.createUser("user-1")
      store = memory
    }
    defer { if let path { try? FileManager.default.removeItem(atPath: path) } }
    let operations = Operations(store: store)
    let now = OperationsFixture.now
    _ = try await operations.record(
      RecordRequest(user: "user-1", evidence: [OperationsFixture.item("e1")]), at: now)
    let first = try await operations.promptContext(PromptRequest(user: "user-1"), at: now)
    #expect(try await Self.cached(store, "user-1") == 1)
    // Within the same second: the same instant, the same selector, the same answer.
    let second = try await operations.promptContext(
      PromptRequest(user: "user-1"), at: now.addingTimeInterval(0.5))
    #expect(second == first)
    #expect(first.evaluatedAt == Date(timeIntervalSinceReferenceDate: 790_000_000))
    #expect(try await Self.cached(store, "user-1") == 1)
    // A write starts a new state: the next prompt sees the new evidence.
    _ = try await operations.record(
      RecordRequest(user: "user-1", evidence: [OperationsFixture.item("e2", holds: false)]),
      at: now)
    #expect(try await Self.cached(store, "user-1") == 0)
    let third = try await operations.promptContext(PromptRequest(user: "user-1"), at: now)
    #expect(third != first)
    let entry = try #require(third.entries.first { $0.key == "preference.concise" })
    #expect(entry.totalEvidence == 1.2)
    await store.shutdown()
  }

  @Test func anExactResolutionEvaluatesAtNow() async throws {
    let store = InMemoryStore(catalogue: try OperationsFixture.catalogue())
    try await store.createUser("user-1")
    let operations = Operations(store: store, promptResolution: 0)
    let prompt = try await operations.promptContext(
      PromptRequest(user: "user-1"), at: OperationsFixture.now)
    #expect(prompt.evaluatedAt == OperationsFixture.now)
  }
}
