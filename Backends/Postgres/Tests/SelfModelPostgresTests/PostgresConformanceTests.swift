import Foundation
import SelfModelPostgres
import SelfModelStore
import SelfModelTesting
import Testing

/// Conformance suite version 2 on `PostgresStore`, one test per check, each on a schema of
/// its own that is dropped afterwards.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs PGHOST (Scripts/with-postgres)"))
struct PostgresConformanceTests {
  static let traits = ConformanceTraits(isPersistent: true, sharing: .shared)

  @Test(arguments: StoreConformance.checks(for: traits))
  func conformance(_ check: StoreConformance.Check) async throws {
    try await check.run { token in
      let schema = "t_\(token)"
      return ConformanceBackend(traits: Self.traits) {
        try await PostgresTestDatabase.store(schema: schema)
      } tearDown: {
        try await PostgresTestDatabase.dropSchema(schema)
      }
    }
  }

  @Test func everyCheckApplies() {
    #expect(StoreConformance.checks(for: Self.traits) == StoreConformance.checks)
  }
}
