import Foundation
import SelfModel
import SelfModelStore
import SelfModelTesting
import Testing

/// Conformance suite version 2, one test per check, on `FileStore` (every durability mode)
/// and `InMemoryStore`.
@Suite struct StoreConformanceTests {
  static let fileTraits = ConformanceTraits(isPersistent: true, sharing: .exclusive)

  @Test(arguments: StoreConformance.checks(for: fileTraits), Durability.allCases)
  func fileStore(check: StoreConformance.Check, durability: Durability) async throws {
    try await check.run { token in
      let folder = StoreTestFolder("conformance-\(token)")
      return ConformanceBackend(traits: Self.fileTraits) {
        try FileStore(at: folder.child("store"), options: .init(durability: durability))
      } tearDown: {
        folder.remove()
      }
    }
  }

  @Test(arguments: StoreConformance.checks(for: .inMemory))
  func inMemoryStore(check: StoreConformance.Check) async throws {
    try await check.run { _ in
      let store = InMemoryStore()
      return ConformanceBackend(traits: .inMemory) { store }
    }
  }

  @Test func checksHaveUniqueNamesAndCoverVersion2() {
    let names = StoreConformance.checks.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(names.count == 23)
    #expect(StoreConformance.checks(for: .inMemory).count == 19)
    #expect(StoreConformance.checks(for: Self.fileTraits).count == 21)
    let shared = ConformanceTraits(isPersistent: true, sharing: .shared)
    #expect(StoreConformance.checks(for: shared).count == 23)
  }

  @Test func aCheckThatDoesNotApplyFailsNamingItself() async throws {
    let reopen = try #require(
      StoreConformance.checks.first { $0.name == "reopenKeepsAcknowledgedWrites" })
    let failure = await #expect(throws: ConformanceFailure.self) {
      try await reopen.run { _ in ConformanceBackend(traits: .inMemory) { InMemoryStore() } }
    }
    #expect(failure?.check == "reopenKeepsAcknowledgedWrites")
  }
}
