public import SelfModelStore

/// A suite any `UserModelStore` implementation must pass: the behaviour apps rely on,
/// independent of how a store keeps its data.
///
/// ``run(makeStore:)`` runs every check on a fresh store from `makeStore` and throws a
/// ``ConformanceFailure`` naming the first check that fails. It covers: creating users
/// (duplicates, unknown users), recording and reading back, idempotent duplicate evidence,
/// rejected input leaving the store unchanged, declaring beliefs, registering sources and
/// replacing the policy, forgetting evidence or a source (equal to never having seen it),
/// deleting users, export and import round trips, paging over every user exactly once,
/// 200 concurrent tasks over 20 users with no lost update, and catalogues: a publish reaching
/// users created before it, incompatible changes refused with the store unchanged, retired
/// beliefs hiding and restoring their evidence, and publishing while writers record.
///
/// It uses only the public protocol, so a future backend (PostgreSQL, say) runs it as is.
/// It does not depend on a test framework; call it from any test.
///
/// ```swift
/// @Test func conformance() async throws {
///   try await StoreConformance.run { InMemoryStore() }
/// }
/// ```
public enum StoreConformance {
  /// The names of the checks ``run(makeStore:)`` performs, in order.
  public static let checks = [
    "createAndFind", "recordAndReload", "duplicateEvidenceIsIdempotent",
    "rejectedInputLeavesStoreUnchanged", "declareRegisterAndPolicy", "forgetEqualsNeverSeen",
    "deleteUser", "exportImportRoundTrip", "pagingCoversEveryUserOnce",
    "concurrentWritersLoseNothing", "publishReachesEveryUser", "incompatibleCatalogueIsRefused",
    "concurrentPublishWithWritesLosesNothing",
  ]

  /// Runs every check, each on a fresh store.
  ///
  /// The stores are not closed by the suite; a store that needs closing can do so when it is
  /// released, or `makeStore` can hand out stores it tracks.
  ///
  /// ```swift
  /// try await StoreConformance.run {
  ///   try FileStore(at: temporaryFolder().path)
  /// }
  /// ```
  ///
  /// - Parameter makeStore: Makes a new, empty store; called once per check.
  /// - Throws: The ``ConformanceFailure`` of the first failing check, or an error thrown by
  ///   `makeStore` or by a store call the check did not expect to fail.
  public static func run(makeStore: @Sendable () async throws -> any UserModelStore)
    async throws
  {
    for name in checks {
      let context = ConformanceContext(check: name, store: try await makeStore())
      do {
        try await perform(name, context)
      } catch let failure as ConformanceFailure {
        throw failure
      } catch {
        throw ConformanceFailure(check: name, detail: "unexpected error: \(error)")
      }
    }
  }

  private static func perform(_ name: String, _ context: ConformanceContext) async throws {
    switch name {
    case "createAndFind": try await context.createAndFind()
    case "recordAndReload": try await context.recordAndReload()
    case "duplicateEvidenceIsIdempotent": try await context.duplicateEvidenceIsIdempotent()
    case "rejectedInputLeavesStoreUnchanged":
      try await context.rejectedInputLeavesStoreUnchanged()
    case "declareRegisterAndPolicy": try await context.declareRegisterAndPolicy()
    case "forgetEqualsNeverSeen": try await context.forgetEqualsNeverSeen()
    case "deleteUser": try await context.deleteUser()
    case "exportImportRoundTrip": try await context.exportImportRoundTrip()
    case "pagingCoversEveryUserOnce": try await context.pagingCoversEveryUserOnce()
    case "publishReachesEveryUser": try await context.publishReachesEveryUser()
    case "incompatibleCatalogueIsRefused": try await context.incompatibleCatalogueIsRefused()
    case "concurrentPublishWithWritesLosesNothing":
      try await context.concurrentPublishWithWritesLosesNothing()
    default: try await context.concurrentWritersLoseNothing()
    }
  }
}
