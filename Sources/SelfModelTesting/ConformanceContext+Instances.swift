import Foundation
import SelfModel
import SelfModelStore

extension ConformanceContext {
  /// Every acknowledged write is still there after every handle is shut down and a new one
  /// opened: users, the catalogue, declarations, sources, policies, evidence with awkward
  /// dates, forgets, deletes and concurrent writes.
  func reopenKeepsAcknowledgedWrites() async throws {
    try await store.publish(try Self.catalogue(version: 2))
    try await store.createUser(alice)
    try await store.record(try Self.awkwardEvidence(), for: alice, at: Self.now)
    try await store.replacePolicy(RevisionPolicy(priorWeight: 3), for: alice)
    try await store.forget(evidence: "d1", for: alice)
    try await store.createUser(bob)
    try await store.deleteUser(bob)
    let writers = try (0..<4).map { try user("w\($0)") }
    for writer in writers { try await store.createUser(writer) }
    try await recordConcurrently(on: [store], users: writers, items: 40)
    let expectedModels = try await models(of: [alice] + writers, in: store)
    let expectedUsers = try await allUsers(pageSize: 50).filter(isMine)
    let catalogue = try await store.catalogue()
    await store.shutdown()
    let reopened = try await openHandle()
    try expect(try await reopened.catalogue() == catalogue, "the catalogue changed on reopen")
    let users = try await allUsers(pageSize: 50, in: reopened).filter(isMine)
    try expect(Set(users) == Set(expectedUsers), "users after reopen: \(users)")
    try expect(try await !reopened.contains(bob), "a deleted user came back")
    let models = try await models(of: [alice] + writers, in: reopened)
    try expect(models == expectedModels, "a model differs after reopen")
  }

  /// A second handle sees the first one's writes. For an exclusive backend, a second handle
  /// is refused while the first is open and sees every write once it is shut down.
  func secondHandleSeesWrites() async throws {
    try await makeUser(alice)
    try await store.record(try Self.evidence("e1"), for: alice, at: Self.now)
    if backend.traits.sharing == .exclusive {
      try await expectError(.locked, "a second handle while the first is open") {
        try await backend.open()
      }
      await store.shutdown()
    }
    let other = try await openHandle()
    try expect(try await other.model(for: alice).evidence.count == 1, "the write is not seen")
    guard backend.traits.sharing == .shared else { return }
    try await store.publish(try Self.catalogue(version: 2))
    try expect(try await other.catalogue().version == 2, "a publish is not seen")
    try await other.record(try Self.evidence("e2", Self.formal), for: alice, at: Self.now)
    let seen = try await store.estimates(for: alice, beliefs: [Self.formal], at: Self.now)
    try expect(
      seen.first?.evidence.isEmpty == false, "the first handle missed the second one's write")
    try await store.forget(evidence: "e1", for: alice)
    let left = try await other.model(for: alice).evidence.map(\.id)
    try expect(left == ["e2"], "after a forget on the other handle, the ledger is \(left)")
    try await other.deleteUser(alice)
    try await expectError(.userNotFound, "a user deleted through the other handle") {
      try await store.model(for: alice)
    }
    try await store.createUser(alice)
    try expect(
      try await other.model(for: alice).evidence.isEmpty, "a re-created user shows old data")
  }

  /// A retry through another handle of a write that landed is reported as a duplicate; the
  /// same id with other content is refused through either handle.
  func retryThroughOtherHandleIsDuplicate() async throws {
    let other = try await openHandle()
    try await makeUser(alice)
    let items = try Self.awkwardEvidence()
    try await store.record(items, for: alice, at: Self.now)
    let retry = try await other.record(items, for: alice, at: Self.now)
    try expect(
      retry.duplicates == items.map(\.id) && retry.recorded.isEmpty,
      "a retry through the other handle was \(retry)")
    let changed = try Self.evidence("d0", holds: false)
    try await expectError(.rejectedByModel, "an id reused through the other handle") {
      try await other.record(changed, for: alice, at: Self.now)
    }
    try await expectExactly(items, in: other)
    try await expectExactly(items, in: store)
  }

  /// Writers on two handles, all on the same users at once, lose nothing.
  func concurrentHandlesLoseNothing() async throws {
    let other = try await openHandle()
    let users = [alice, bob]
    for user in users { try await store.createUser(user) }
    try await recordConcurrently(on: [store, other], users: users, items: 200)
    for handle in [store, other] {
      for (index, user) in users.enumerated() {
        let ids = Set(try await handle.model(for: user).evidence.map(\.id.rawValue))
        let wanted = Set(stride(from: index, to: 200, by: users.count).map { "t\($0)" })
        try expect(ids == wanted, "\(user) holds \(ids.count) of \(wanted.count) items")
      }
    }
  }

  /// Records `items` single-item writes spread over `users` and `handles`, all at once.
  func recordConcurrently(
    on handles: [any UserModelStore], users: [UserID], items: Int
  ) async throws {
    let catalogue = try Self.catalogue(version: 2)
    for user in users where try await handles[0].model(for: user).beliefs.isEmpty {
      try await handles[0].declare(catalogue.beliefs, for: user)
      try await handles[0].register(catalogue.sources, for: user)
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for task in 0..<items {
        group.addTask {
          let item = try Self.evidence("t\(task)", holds: task % 3 != 0)
          let handle = handles[task % handles.count]
          try await handle.record(item, for: users[task % users.count], at: Self.now)
        }
      }
      try await group.waitForAll()
    }
  }

  func models(of users: [UserID], in store: any UserModelStore) async throws -> [UserModel] {
    var models: [UserModel] = []
    for user in users { models.append(try await store.model(for: user)) }
    return models
  }
}
