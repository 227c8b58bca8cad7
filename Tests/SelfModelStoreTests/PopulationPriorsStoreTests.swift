import Foundation
import SelfModel
import SelfModelStore
import SelfModelTesting
import Testing

/// `UserModelStore.fitPopulationPriors(pageSize:options:)` on `FileStore` and `InMemoryStore`:
/// paging through the store gives the fit of every model at once, for any page size.
@Suite struct PopulationPriorsStoreTests {
  static let now = Date(timeIntervalSince1970: 1_800_000_000)

  static func catalogue() throws -> Catalogue {
    try Catalogue(
      version: 1,
      beliefs: [
        .binary(
          "mastery", statement: "Scores at least 70",
          contexts: ["type:TMA": ContextPrior(), "module:A": ContextPrior(parent: "type:TMA")])
      ],
      sources: [Source(id: "s", kind: .behavior, reliability: 1)])
  }

  /// Seven users; user `i` has `i % 4 + 1` successes of 5 in module:A and one failure in
  /// type:CMA (and user 6 one success there).
  static func fill(_ store: some UserModelStore) async throws -> [UserModel] {
    _ = try await store.publish(catalogue())
    var models: [UserModel] = []
    for index in 0..<7 {
      let user = try UserID("user-\(index)")
      try await store.createUser(user)
      var items: [Evidence] = []
      for trial in 0..<5 {
        items.append(
          Evidence(
            id: try EvidenceID("\(index)-\(trial)"), belief: "mastery",
            content: trial <= index % 4 ? .holds : .doesNotHold, source: "s", observedAt: now,
            context: "module:A"))
      }
      items.append(
        Evidence(
          id: try EvidenceID("\(index)-cma"), belief: "mastery",
          content: index == 6 ? .holds : .doesNotHold, source: "s", observedAt: now,
          context: "type:CMA"))
      try await store.record(items, for: user, at: now)
      models.append(try await store.model(for: user))
    }
    return models
  }

  static func check(_ store: some UserModelStore) async throws {
    let models = try await fill(store)
    let options = PopulationFitOptions(minimumUsersForWeight: 3)
    var direct = PopulationPriorFit(catalogue: try await store.catalogue(), options: options)
    try direct.add(contentsOf: models)
    let expected = try direct.fit()
    #expect(expected.belief("mastery")?.contexts.count == 3)
    for pageSize in [1, 3, 7, 100] {
      #expect(try await store.fitPopulationPriors(pageSize: pageSize, options: options) == expected)
    }
    await #expect(throws: StoreError.self) { try await store.fitPopulationPriors(pageSize: 0) }
  }

  @Test func inMemoryStore() async throws {
    try await Self.check(InMemoryStore())
  }

  @Test func fileStore() async throws {
    let path = FileManager.default.temporaryDirectory.path + "/selfmodel-fit-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = try FileStore(at: path)
    defer { store.close() }
    try await Self.check(store)
  }

  @Test func anEmptyStoreIsAnEmptyPopulation() async throws {
    let store = InMemoryStore()
    _ = try await store.publish(Self.catalogue())
    do {
      _ = try await store.fitPopulationPriors()
      Issue.record("an empty store fitted")
    } catch {
      #expect(error.code == .rejectedByModel)
      #expect(error.modelError == .emptyPopulation(belief: nil))
    }
  }
}
