import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// An export whose version is 0 (or negative) is an invalid document, not
/// one from a newer library; a higher version stays `newerFormat`.
@Suite struct ExportVersionTests {
  static func document(version: Int) async throws -> Data {
    let store = InMemoryStore()
    try await StoreFixtures.makeUser("alice", in: store)
    let exported = try await store.exportUser("alice")
    var object = try #require(try JSONSerialization.jsonObject(with: exported) as? [String: Any])
    object["formatVersion"] = version
    return try JSONSerialization.data(withJSONObject: object)
  }

  @Test(arguments: [0, -1])
  func aVersionBelowOneIsInvalid(_ version: Int) async throws {
    let data = try await Self.document(version: version)
    let error = await HostileFixture.storeError { _ = try ExportDocument(decoding: data) }
    #expect(error?.code == .invalidArgument)
  }

  @Test func aHigherVersionIsNewer() async throws {
    let data = try await Self.document(version: 99)
    let error = await HostileFixture.storeError { _ = try ExportDocument(decoding: data) }
    #expect(error?.code == .newerFormat)
  }
}
