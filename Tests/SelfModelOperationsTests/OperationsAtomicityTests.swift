import Foundation
import SelfModel
import SelfModelOperations
import SelfModelStore
import Testing

/// Reactions run inside the store, read and record in one step, and no model leaves it.
@Suite struct OperationsAtomicityTests {
  /// A store that forwards to a FileStore and counts how often a whole model is handed out.
  final class CountingStore: UserModelStore, @unchecked Sendable {
    // Invariant: `handedOut` is only touched under `lock`.
    let inner: FileStore
    private let lock = NSLock()
    private var handedOut = 0
    init(_ inner: FileStore) { self.inner = inner }
    var modelsHandedOut: Int { lock.withLock { handedOut } }

    func shutdown() async { await inner.shutdown() }
    func catalogue() async throws(StoreError) -> Catalogue { try await inner.catalogue() }
    func publish(_ catalogue: Catalogue) async throws(StoreError) -> CatalogueDiff {
      try await inner.publish(catalogue)
    }
    func createUser(
      _ user: UserID, beliefs: [BeliefDefinition], sources: [Source], policy: RevisionPolicy?
    ) async throws(StoreError) -> UserModel {
      try await inner.createUser(user, beliefs: beliefs, sources: sources, policy: policy)
    }
    func model(for user: UserID) async throws(StoreError) -> UserModel {
      lock.withLock { handedOut += 1 }
      return try await inner.model(for: user)
    }
    func estimates(for user: UserID, beliefs: [BeliefKey]?, at now: Date)
      async throws(StoreError) -> [BeliefEstimate]
    { try await inner.estimates(for: user, beliefs: beliefs, at: now) }
    func explanation(for user: UserID, belief: BeliefKey, at now: Date)
      async throws(StoreError) -> BeliefExplanation
    { try await inner.explanation(for: user, belief: belief, at: now) }
    func estimates(for user: UserID, beliefs: [BeliefKey]?, in context: ContextID?, at now: Date)
      async throws(StoreError) -> [BeliefEstimate]
    { try await inner.estimates(for: user, beliefs: beliefs, in: context, at: now) }
    func explanation(for user: UserID, belief: BeliefKey, in context: ContextID?, at now: Date)
      async throws(StoreError) -> BeliefExplanation
    { try await inner.explanation(for: user, belief: belief, in: context, at: now) }
    func contains(_ user: UserID) async throws(StoreError) -> Bool {
      try await inner.contains(user)
    }
    func record(_ evidence: [Evidence], for user: UserID, at now: Date)
      async throws(StoreError) -> ObservationResult
    { try await inner.record(evidence, for: user, at: now) }
    func declare(_ beliefs: [BeliefDefinition], for user: UserID) async throws(StoreError) {
      try await inner.declare(beliefs, for: user)
    }
    func redeclare(_ belief: BeliefDefinition, for user: UserID) async throws(StoreError) {
      try await inner.redeclare(belief, for: user)
    }
    func register(_ sources: [Source], for user: UserID) async throws(StoreError) {
      try await inner.register(sources, for: user)
    }
    func replacePolicy(_ policy: RevisionPolicy?, for user: UserID) async throws(StoreError) {
      try await inner.replacePolicy(policy, for: user)
    }
    func forget(evidence: EvidenceID, for user: UserID) async throws(StoreError) -> Evidence? {
      try await inner.forget(evidence: evidence, for: user)
    }
    func forget(source: SourceID, for user: UserID) async throws(StoreError) -> [Evidence] {
      try await inner.forget(source: source, for: user)
    }
    func deleteUser(_ user: UserID) async throws(StoreError) -> Bool {
      try await inner.deleteUser(user)
    }
    func exportUser(_ user: UserID) async throws(StoreError) -> Data {
      try await inner.exportUser(user)
    }
    func importUser(_ document: Data, replacing: Bool) async throws(StoreError) -> UserID {
      try await inner.importUser(document, replacing: replacing)
    }
    func users(after cursor: UserID?, limit: Int) async throws(StoreError) -> UserPage {
      try await inner.users(after: cursor, limit: limit)
    }
    func compact(_ user: UserID) async throws(StoreError) { try await inner.compact(user) }
    func read<Value: Sendable>(
      user: UserID, operation: String,
      _ body: @escaping @Sendable (UserView) throws(StoreError) -> Value
    ) async throws(StoreError) -> Value {
      try await inner.read(user: user, operation: operation, body)
    }
    func record(
      user: UserID, at now: Date, operation: String,
      deriving: @escaping @Sendable (UserModel) throws(ModelError) -> [Evidence]
    ) async throws(StoreError) -> ObservationResult {
      try await inner.record(user: user, at: now, operation: operation, deriving: deriving)
    }
  }

  @Test func concurrentReactionsOnOneUserAllCountAndNoModelLeavesTheStore() async throws {
    let (file, path) = try await OperationsFixture.fileStore()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = CountingStore(file)
    let operations = Operations(store: store)
    let now = OperationsFixture.now
    let count = 40
    try await withThrowingTaskGroup(of: Void.self) { group in
      for index in 0..<count {
        group.addTask {
          let request = ReactRequest(
            user: "user-1", response: try OperationsFixture.response("r\(index)"),
            reaction: Reaction(candidate: "short", kind: .accepted, observedAt: now))
          _ = try await operations.react(request, at: now)
        }
      }
      try await group.waitForAll()
    }
    // Each acceptance gives one item per stance: 2 per reaction, none lost to a race.
    let summary = try await operations.user("user-1")
    #expect(summary.evidenceCount == 2 * count)
    let estimates = try await operations.estimates(
      EstimatesRequest(user: "user-1", beliefs: ["preference.concise"]), at: now)
    let concise = try #require(estimates.estimates.first)
    #expect(concise.totalEvidence == Double(count))
    #expect(store.modelsHandedOut == 0)
    await store.shutdown()
  }

  @Test func aReactionDerivesFromTheStateItRecordsInto() async throws {
    // The likelihood reads the user's beliefs: a stance on a belief the user lacks is not
    // evidence. Declaring the belief and reacting race; each reaction sees one state.
    let store = InMemoryStore(catalogue: try OperationsFixture.catalogue())
    try await store.createUser("user-2")
    let operations = Operations(store: store)
    let now = OperationsFixture.now
    let result = try await operations.react(
      ReactRequest(
        user: "user-2", response: try OperationsFixture.response("r"),
        reaction: Reaction(candidate: "long", kind: .accepted, observedAt: now)), at: now)
    #expect(result.recorded.count == 2)
    let again = try await operations.react(
      ReactRequest(
        user: "user-2", response: try OperationsFixture.response("r"),
        reaction: Reaction(candidate: "long", kind: .accepted, observedAt: now)), at: now)
    #expect(again.recorded.isEmpty)
    #expect(again.duplicates.count == 2)
  }
}
