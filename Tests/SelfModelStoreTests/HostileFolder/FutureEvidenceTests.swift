import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Evidence dated ahead within the clock-skew tolerance (the policy's
/// `futureTolerance`, 300 s by default) is never amplified, evidence beyond it is refused, and
/// `selfmodel show --at` a time before the evidence is fast.
@Suite(.timeLimit(.minutes(2))) struct FutureEvidenceTests {
  static let policy = RevisionPolicy(halfLifeBySourceKind: [.userStated: 1])

  static func store(in folder: StoreTestFolder, aheadBy seconds: Double) async throws
    -> FileStore
  {
    let store = try FileStore(at: folder.path)
    try await store.createUser("alice", policy: policy)
    try await store.declare(
      [try .binary(StoreFixtures.concise, statement: "Concise")], for: "alice")
    try await store.register(
      [try Source(id: "user", kind: .userStated, reliability: 0.9)], for: "alice")
    for index in 0..<20 {
      let item = Evidence(
        id: try EvidenceID("past-\(index)"), belief: StoreFixtures.concise,
        content: .doesNotHold, source: "user", observedAt: StoreFixtures.now)
      try await store.record(item, for: "alice", at: StoreFixtures.now)
    }
    let ahead = Evidence(
      id: "ahead", belief: StoreFixtures.concise, content: .holds, source: "user",
      observedAt: StoreFixtures.now.addingTimeInterval(seconds))
    try await store.record(ahead, for: "alice", at: StoreFixtures.now)
    return store
  }

  @Test func evidenceAheadWithinTheToleranceIsNotAmplified() async throws {
    let folder = StoreTestFolder("future")
    defer { folder.remove() }
    let store = try await Self.store(in: folder, aheadBy: 290)
    defer { store.close() }
    let estimate = try await store.estimates(
      for: "alice", beliefs: [StoreFixtures.concise], at: StoreFixtures.now)
    let probability = try #require(estimate.first?.probabilities.first)
    // One item of weight at most 0.9 against a prior of weight 2 (base rate 0.5).
    #expect(probability <= (0.9 + 1) / (0.9 + 2) + 1e-9)
  }

  @Test func evidenceBeyondTheToleranceIsRefused() async throws {
    let folder = StoreTestFolder("future-refused")
    defer { folder.remove() }
    let error = await HostileFixture.storeError {
      try await Self.store(in: folder, aheadBy: 301).close()
    }
    #expect(error?.code == .rejectedByModel)
  }

  @Test func showAtATimeBeforeTheEvidenceIsFast() async throws {
    let folder = StoreTestFolder("future-show")
    defer { folder.remove() }
    try await Self.store(in: folder, aheadBy: 0).close()
    let started = ContinuousClock.now
    let before = String(StoreFixtures.now.addingTimeInterval(-300).timeIntervalSince1970)
    let run = try InspectorProcess.run([folder.path, "show", "alice", "--at", before, "--json"])
    #expect(run.status == 0, "\(run.output)")
    #expect(ContinuousClock.now - started < .seconds(10))
  }
}
