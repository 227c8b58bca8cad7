import Foundation
import SelfModel
import SelfModelStore
import SelfModelTesting
import Testing

@Suite struct InMemoryStoreTests {
  @Test func passesTheStoreConformanceSuite() async throws {
    try await StoreConformance.run { InMemoryStore() }
  }

  @Test func startsWithTheGivenModels() async throws {
    let model = try UserModel(user: "seeded")
    let store = InMemoryStore(models: [model])
    #expect(try await store.model(for: "seeded") == model)
  }
}
