import Foundation
import SelfModel
import SelfModelStore
import Testing

@Suite struct ExportDocumentDateTests {
  static let odd = Date(timeIntervalSinceReferenceDate: 760_000_000.123456789)

  private func storeWithOddDates() async throws -> InMemoryStore {
    let store = InMemoryStore()
    try await StoreFixtures.makeUser("alice", in: store)
    let item = Evidence(
      id: "e1", belief: StoreFixtures.concise, content: .holds, source: "user",
      observedAt: Self.odd)
    try await store.record(item, for: "alice", at: Self.odd + 0.5)
    return store
  }

  @Test func exportsWriteISODatesThatRoundTripExactly() async throws {
    let store = try await storeWithOddDates()
    let data = try await store.exportUser("alice")
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""observedAt":"2025-01-31T07:06:40.12345683574676514Z""#))
    let document = try ExportDocument(decoding: data)
    #expect(document.snapshot.evidence.first?.observedAt == Self.odd)
    let copy = InMemoryStore()
    _ = try await copy.importUser(data, replacing: false)
    #expect(try await copy.model(for: "alice") == store.model(for: "alice"))
  }

  @Test func documentsWithNumericDatesStillImport() async throws {
    let store = try await storeWithOddDates()
    let current = try ExportDocument(decoding: try await store.exportUser("alice"))
    let old = try JSONEncoder().encode(current)  // the former encoding: seconds since 2001
    #expect(String(decoding: old, as: UTF8.self).contains("760000000.12345"))
    let imported = try ExportDocument(decoding: old)
    #expect(imported == current)
  }
}
