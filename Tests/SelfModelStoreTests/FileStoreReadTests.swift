import Foundation
import SelfModel
import SelfModelStoreFaults
import Testing

@testable import SelfModelStore

/// The reads that hand out no model: `estimates(for:beliefs:at:)` and
/// `explanation(for:belief:at:)`, served from the durable state each worker publishes.
@Suite struct FileStoreReadTests {
  private typealias Fixture = CatalogueFixture

  private static func evidence(_ index: Int, holds: Bool = true) throws -> Evidence {
    Evidence(
      id: try EvidenceID("r\(index)"), belief: Fixture.concise,
      content: holds ? .holds : .doesNotHold, source: "user",
      observedAt: Fixture.now.addingTimeInterval(Double(index)))
  }

  private static func seeded(_ store: FileStore) async throws {
    try await store.publish(try Fixture.catalogue(version: 1))
    try await store.createUser("u")
    try await store.record(try (0..<5).map { try evidence($0) }, for: "u", at: Fixture.now + 60)
  }

  @Test func readsEqualTheModelsOwnAnswers() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    try await Self.seeded(store)
    let model = try await store.model(for: "u")
    let at = Fixture.now + 3_600
    #expect(try await store.estimates(for: "u", beliefs: nil, at: at) == model.estimates(at: at))
    let chosen: [BeliefKey] = [Fixture.tone, Fixture.concise]
    let estimates = try await store.estimates(for: "u", beliefs: chosen, at: at)
    #expect(estimates.map(\.key) == chosen)
    #expect(estimates[1] == (try model.estimate(for: Fixture.concise, at: at)))
    let explanation = try await store.explanation(for: "u", belief: Fixture.concise, at: at)
    #expect(explanation == (try model.explain(Fixture.concise, at: at)))
    #expect(explanation.contributions.count == 5)
  }

  @Test func badReadsAreTypedAndChangeNothing() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    try await Self.seeded(store)
    let before = try await store.model(for: "u")
    await expectFailure(.userNotFound, nil) {
      _ = try await store.estimates(for: "nobody", beliefs: nil, at: .now)
    }
    await expectFailure(.rejectedByModel, .unknownBelief("nope")) {
      _ = try await store.estimates(for: "u", beliefs: ["nope"], at: .now)
    }
    await expectFailure(.rejectedByModel, .duplicateBelief(Fixture.tone)) {
      _ = try await store.estimates(for: "u", beliefs: [Fixture.tone, Fixture.tone], at: .now)
    }
    await expectFailure(.rejectedByModel, .unknownBelief("nope")) {
      _ = try await store.explanation(for: "u", belief: "nope", at: .now)
    }
    await expectFailure(.rejectedByModel, .nonFiniteNumber(field: "now")) {
      let never = Date(timeIntervalSinceReferenceDate: .nan)
      _ = try await store.explanation(for: "u", belief: Fixture.concise, at: never)
    }
    #expect(try await store.model(for: "u") == before)
    store.close()
    await #expect(throws: StoreError.self) {
      _ = try await store.estimates(for: "u", beliefs: nil, at: .now)
    }
  }

  private func expectFailure(
    _ code: StoreError.Code, _ modelError: ModelError?,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ read: () async throws -> Void
  ) async {
    do {
      try await read()
      Issue.record("expected \(code)", sourceLocation: sourceLocation)
    } catch {
      let error = error as? StoreError
      #expect(error?.code == code, sourceLocation: sourceLocation)
      #expect(error?.modelError == modelError, sourceLocation: sourceLocation)
    }
  }

  /// Every acknowledged change is visible to the next read, whatever it was.
  @Test(arguments: Durability.allCases)
  func aReadSeesEveryAcknowledgedChange(durability: Durability) async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let options = FileStore.Options(durability: durability, compactionRecordThreshold: 3)
    let store = try FileStore(at: folder.path, options: options)
    defer { store.close() }
    try await Self.seeded(store)
    let at = Fixture.now + 3_600
    for index in 5..<20 {
      _ = try await store.estimates(for: "u", beliefs: [Fixture.concise], at: at)
      try await store.record(try Self.evidence(index, holds: index % 3 == 0), for: "u", at: at)
      let why = try await store.explanation(for: "u", belief: Fixture.concise, at: at)
      #expect(why.contributions.count == index + 1)
    }
    try await store.forget(evidence: "r7", for: "u")
    let why = try await store.explanation(for: "u", belief: Fixture.concise, at: at)
    #expect(why.contributions.count == 19)
    #expect(!why.contributions.contains { $0.evidence.id == "r7" })
    try await store.publish(try Fixture.catalogue(version: 2))
    await #expect(throws: StoreError.self) {
      _ = try await store.estimates(for: "u", beliefs: [Fixture.emoji], at: at)
    }
    #expect(try await store.deleteUser("u"))
    await #expect(throws: StoreError.self) {
      _ = try await store.estimates(for: "u", beliefs: nil, at: at)
    }
  }

  /// A read of a user already read returns the durable state while a write to that user waits
  /// for its group-commit sync, instead of queueing behind the sync.
  @Test func aReadDoesNotWaitForASyncInFlight() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let fileSystem = FaultInjectingFileSystem()
    let store = try FileStore(at: folder.path, fileSystem: fileSystem)
    defer { store.close() }
    try await Self.seeded(store)
    let at = Fixture.now + 3_600
    let durable = try await store.explanation(for: "u", belief: Fixture.concise, at: at)
    fileSystem.gate.hold()
    let write = Task { try await store.record(try Self.evidence(99), for: "u", at: at) }
    var waited = 0
    while fileSystem.gate.heldCount == 0, waited < 10_000 {
      try await Task.sleep(for: .milliseconds(1))
      waited += 1
    }
    #expect(fileSystem.gate.heldCount > 0, "the write never reached its sync")
    // A watchdog opens the gate if the read is stuck behind the sync, so the test fails
    // instead of hanging.
    let watchdog = Task {
      try await Task.sleep(for: .seconds(20))
      fileSystem.gate.release()
    }
    let during = try await store.explanation(for: "u", belief: Fixture.concise, at: at)
    let stillHeld = fileSystem.gate.heldCount > 0
    watchdog.cancel()
    fileSystem.gate.release()
    #expect(stillHeld, "the read waited for the sync")
    #expect(during == durable, "the read saw a write that was not yet durable")
    _ = try await write.value
    let after = try await store.explanation(for: "u", belief: Fixture.concise, at: at)
    #expect(after.contributions.count == durable.contributions.count + 1)
  }

  /// A model copy handed out before a write still reads as it was; the store's model has the
  /// write; appending to the old copy forks it instead of touching the store's ledger.
  @Test func aHeldCopyIsAValue() async throws {
    let folder = StoreTestFolder()
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    try await Self.seeded(store)
    var held = try await store.model(for: "u")
    try await store.record(try Self.evidence(5), for: "u", at: Fixture.now + 60)
    #expect(held.evidenceCount == 5)
    #expect(held.evidence(EvidenceID("r5")) == nil)
    try held.append(try Self.evidence(6, holds: false), at: Fixture.now + 60)
    #expect(held.evidence.map(\.id.rawValue) == ["r0", "r1", "r2", "r3", "r4", "r6"])
    let stored = try await store.model(for: "u")
    #expect(stored.evidence.map(\.id.rawValue) == ["r0", "r1", "r2", "r3", "r4", "r5"])
  }
}
