import Foundation
import SelfModel
import SelfModelStore

extension ConformanceContext {
  func forgetEqualsNeverSeen() async throws {
    try await makeUser(alice)
    try await makeUser(twin)
    let fromUser = [try Self.evidence("u1"), try Self.evidence("u2", Self.formal)]
    let fromClicks = [
      try Self.evidence("c1", source: "clicks"),
      try Self.evidence("c2", holds: false, source: "clicks"),
    ]
    try await store.record(fromUser + fromClicks, for: alice, at: Self.now)
    try await store.record(fromUser, for: twin, at: Self.now)
    let forgotten = try await store.forget(source: "clicks", for: alice)
    try expect(forgotten == fromClicks, "forget(source:) returned \(forgotten.map(\.id))")
    let aliceModel = try await store.model(for: alice)
    let twinModel = try await store.model(for: twin)
    try expect(
      aliceModel.snapshot.evidence == twinModel.snapshot.evidence, "forgotten evidence remains")
    let aliceEstimates = try aliceModel.estimates(at: Self.now)
    try expect(
      aliceEstimates == (try twinModel.estimates(at: Self.now)),
      "forgetting a source != never seen")
    let item = try await store.forget(evidence: "u2", for: alice)
    try expect(item == fromUser[1], "forget(evidence:) returned \(String(describing: item))")
    let again = try await store.forget(evidence: "u2", for: alice)
    try expect(again == nil, "forgetting an absent item returned \(String(describing: again))")
    let remaining = try await store.model(for: alice).evidence.map(\.id)
    try expect(remaining == ["u1"], "after forgetting, the ledger is \(remaining)")
    try await expectError(.userNotFound, "forgetting for an unknown user") {
      try await store.forget(source: "clicks", for: bob)
    }
  }

  func deleteUser() async throws {
    try await makeUser(alice)
    try await makeUser(bob)
    try await store.record(try Self.evidence("e1"), for: alice, at: Self.now)
    try expect(try await store.deleteUser(alice), "deleteUser returned false for a user")
    try expect(try await !store.contains(alice), "a deleted user is still contained")
    try await expectError(.userNotFound, "model of a deleted user") {
      try await store.model(for: alice)
    }
    try expect(try await !store.deleteUser(alice), "deleting twice returned true")
    try expect(try await store.contains(bob), "deleting alice removed bob")
    let fresh = try await store.createUser(alice, policy: RevisionPolicy())
    try expect(fresh.evidence.isEmpty && fresh.beliefs.isEmpty, "a re-created user kept data")
  }

  func exportImportRoundTrip() async throws {
    try await makeUser(alice)
    let batch = [try Self.evidence("e1"), try Self.evidence("e2", Self.formal, source: "clicks")]
    try await store.record(batch, for: alice, at: Self.now)
    let original = try await store.model(for: alice)
    let document = try await store.exportUser(alice)
    try await expectError(.userAlreadyExists, "importing over an existing user") {
      try await store.importUser(document, replacing: false)
    }
    _ = try await store.deleteUser(alice)
    let user = try await store.importUser(document, replacing: false)
    try expect(user == alice, "import returned \(user)")
    try expect(try await store.model(for: alice) == original, "import differs from export")
    try await store.record(try Self.evidence("e3"), for: alice, at: Self.now)
    _ = try await store.importUser(document, replacing: true)
    try expect(try await store.model(for: alice) == original, "replacing import kept e3")
    try expect(try await store.exportUser(alice) == document, "export is not deterministic")
    try await expectError(.invalidArgument, "importing garbage") {
      try await store.importUser(Data("not json".utf8), replacing: true)
    }
    try await expectError(.userNotFound, "exporting an unknown user") {
      try await store.exportUser(bob)
    }
    try await linesRoundTrip(original)
  }

  /// The lines form: the document value the store exports, written and read line by line,
  /// imports through the value seam to the same model, replacing or not.
  private func linesRoundTrip(_ original: UserModel) async throws {
    let value = try await store.exportDocument(alice)
    let exported = try await store.exportUser(alice)
    try expect(try value.encoded() == exported, "exportDocument differs from exportUser")
    var reader = ExportLineReader.standard
    try reader.append(try ExportLineWriter(value, chunkBytes: 7).encoded())
    let read = try reader.finish()
    try expect(read == value, "the lines form does not read back to the document")
    try await store.record(try Self.evidence("e4"), for: alice, at: Self.now)
    _ = try await store.importUser(read, replacing: true)
    try expect(try await store.model(for: alice) == original, "replacing lines import kept e4")
    try await expectError(.userAlreadyExists, "importing lines over an existing user") {
      try await store.importUser(read, replacing: false)
    }
  }

  func pagingCoversEveryUserOnce() async throws {
    var expected = Set<UserID>()
    for index in 0..<25 {
      let user = try user("user-\(index)")
      _ = try await store.createUser(user, policy: RevisionPolicy())
      expected.insert(user)
    }
    // Other checks may share the backend: only this run's users (its token) count.
    let seen = try await allUsers(pageSize: 7).filter(isMine)
    try expect(seen.count == Set(seen).count, "paging returned a user twice")
    try expect(Set(seen) == expected, "paging returned \(seen.count) of \(expected.count) users")
    let again = try await store.users(after: nil, limit: 10_000)
    try expect(again.users.filter(isMine) == seen, "listing order is not stable")
    try expect(
      again.users.count == 10_000 || again.next == nil,
      "a page holding every user has a next cursor")
    try await expectError(.invalidArgument, "a zero page size") {
      try await store.users(after: nil, limit: 0)
    }
  }

  func isMine(_ user: UserID) -> Bool { user.rawValue.hasPrefix("\(token)-") }

  /// Every user of the store, paging `pageSize` at a time.
  func allUsers(pageSize: Int, in store: (any UserModelStore)? = nil) async throws -> [UserID] {
    let store = store ?? self.store
    var seen: [UserID] = []
    var cursor: UserID?
    repeat {
      let page = try await store.users(after: cursor, limit: pageSize)
      try expect(page.users.count <= pageSize, "a page of \(pageSize) held \(page.users.count)")
      seen += page.users
      cursor = page.next
      try expect(seen.count <= 1_000_000, "paging does not terminate")
    } while cursor != nil
    return seen
  }

  func concurrentWritersLoseNothing() async throws {
    let users = try (0..<20).map { try user("writer-\($0)") }
    for user in users { try await makeUser(user) }
    let store = self.store
    try await withThrowingTaskGroup(of: Void.self) { group in
      for task in 0..<200 {
        group.addTask {
          let item = try Self.evidence("t\(task)", holds: task % 3 != 0)
          try await store.record(item, for: users[task % users.count], at: Self.now)
        }
      }
      try await group.waitForAll()
    }
    for (index, user) in users.enumerated() {
      let ids = Set(try await store.model(for: user).evidence.map(\.id.rawValue))
      let wanted = Set(stride(from: index, to: 200, by: users.count).map { "t\($0)" })
      try expect(ids == wanted, "\(user) holds \(ids.count) of \(wanted.count) evidence items")
    }
  }
}
