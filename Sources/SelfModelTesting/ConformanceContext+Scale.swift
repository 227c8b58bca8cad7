import Foundation
import SelfModel
import SelfModelStore

extension ConformanceContext {
  /// 10,000 evidence items on one user, in batches and one at a time: nothing lost, the
  /// order kept, the estimates equal to the same fold done locally, and a forget in the
  /// middle and an export still exact.
  func tenThousandItemHistory() async throws {
    try await makeUser(alice)
    var expected = try await store.model(for: alice)
    let items = try (0..<10_000).map(Self.historyItem)
    for start in stride(from: 0, to: 9_900, by: 330) {
      try await store.record(Array(items[start..<start + 330]), for: alice, at: Self.now)
    }
    for item in items[9_900...] { try await store.record(item, for: alice, at: Self.now) }
    try expected.record(items, at: Self.now)
    var stored = try await store.model(for: alice)
    try expect(stored.evidence.count == 10_000, "\(stored.evidence.count) of 10,000 items")
    try expect(stored == expected, "the 10,000-item model differs from the local fold")
    let middle = items[5_000]
    try expect(
      try await store.forget(evidence: middle.id, for: alice) == middle, "forget in the middle")
    _ = expected.forget(evidence: middle.id)
    stored = try await store.model(for: alice)
    try expect(stored == expected, "after forgetting one of 10,000 items the model differs")
    let estimates = try await store.estimates(for: alice, beliefs: nil, at: Self.now)
    try expect(estimates == (try expected.estimates(at: Self.now)), "estimates differ")
    let document = try await store.exportUser(alice)
    let decoded = try ExportDocument(decoding: document)
    try expect(decoded.snapshot == expected.snapshot, "the export of 10,000 items differs")
  }

  /// Item `index` of the 10,000-item history.
  static func historyItem(_ index: Int) throws -> Evidence {
    let belief: BeliefKey = index % 2 == 0 ? concise : formal
    let source: SourceID = index % 3 == 0 ? "clicks" : "user"
    let offset = Double(10_000 - index) * 0.001
    return try evidence("h\(index)", belief, holds: index % 7 != 0, source: source, offset: offset)
  }

  /// After `shutdown()`, a handle refuses every call with `closed` (or, for a store that
  /// holds nothing, keeps working); a second `shutdown()` is harmless; a write racing the
  /// shutdown either lands or is refused, never half done.
  func closedHandleRefusesCalls() async throws {
    try await makeUser(alice)
    let store = self.store
    async let racing: [Bool] = withTaskGroup(of: Bool.self) { group in
      for index in 0..<20 {
        group.addTask {
          let item = try? Self.evidence("r\(index)")
          guard let item else { return false }
          return (try? await store.record(item, for: self.alice, at: Self.now)) != nil
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    await store.shutdown()
    let landed = await racing.filter { $0 }.count
    await store.shutdown()
    if backend.traits.closesOnShutdown {
      try await expectClosed(store)
    } else {
      try expect(try await store.contains(alice), "a store that holds nothing lost a user")
    }
    guard backend.traits.isPersistent else { return }
    let reopened = try await openHandle()
    let count = try await reopened.model(for: alice).evidence.count
    try expect(count >= landed, "\(landed) writes were acknowledged, \(count) survived")
  }

  private func expectClosed(_ store: any UserModelStore) async throws {
    try await expectError(.closed, "model after shutdown") { try await store.model(for: alice) }
    try await expectError(.closed, "record after shutdown") {
      try await store.record(try Self.evidence("late"), for: alice, at: Self.now)
    }
    try await expectError(.closed, "createUser after shutdown") {
      try await store.createUser(bob)
    }
    try await expectError(.closed, "users after shutdown") {
      try await store.users(after: nil, limit: 10)
    }
    try await expectError(.closed, "estimates after shutdown") {
      try await store.estimates(for: alice, beliefs: nil, at: Self.now)
    }
  }
}
