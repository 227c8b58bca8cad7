import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// Audit finding (Operations.md, "other users are unaffected"): one damaged `user` file must
/// not make the listing fail for the whole store.
@Suite struct DamagedListingTests {
  @Test(arguments: [1, 2, 10])
  func aDamagedUserIsReportedAndTheOthersListed(limit: Int) async throws {
    let folder = StoreTestFolder("damaged-listing")
    defer { folder.remove() }
    let store = try FileStore(at: folder.path)
    defer { store.close() }
    let users: [UserID] = ["alice", "bob", "carol", "dave"]
    for user in users { try await store.createUser(user) }
    let damagedFolder = FileStoreLayout(root: folder.path).folder(for: "bob")
    try Data("mallory".utf8).write(to: URL(fileURLWithPath: damagedFolder.idPath))
    var listed: [UserID] = []
    var damaged: [String] = []
    var cursor: UserID?
    repeat {
      let page = try await store.users(after: cursor, limit: limit)
      #expect(page.users.count <= limit)
      listed += page.users
      damaged += page.damaged
      cursor = page.next
    } while cursor != nil
    #expect(Set(listed) == ["alice", "carol", "dave"])
    #expect(listed.count == 3)
    #expect(damaged == [damagedFolder.path])
  }
}
