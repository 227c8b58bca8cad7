public import SelfModelStore

/// A suite any `UserModelStore` implementation must pass: the behaviour apps rely on,
/// independent of how a store keeps its data.
///
/// Version 2 of the suite is a list of ``Check``s, each its own entry point run on a backend
/// of its own (see ``ConformanceBackend``), so each shows as its own test:
///
/// ```swift
/// @Test(arguments: StoreConformance.checks(for: .inMemory))
/// func conformance(_ check: StoreConformance.Check) async throws {
///   try await check.run { _ in
///     let store = InMemoryStore()
///     return ConformanceBackend(traits: .inMemory) { store }
///   }
/// }
/// ```
///
/// It covers creating users, recording and reading back, idempotent duplicate evidence,
/// rejected input leaving the store unchanged, declarations, sources and policies,
/// forgetting (equal to never having seen it), deleting, export and import, paging,
/// concurrent writers, catalogues; and since version 2: dates with fractions of a second
/// and at the edges of the allowed range compared bit for bit, a 10,000-item history,
/// closed handles, reopening a persistent backend with every acknowledged write still there,
/// two handles on one shared backend (visibility, a retry through the other handle reported
/// as a duplicate, no lost update under concurrent writers), and the
/// `estimates(for:beliefs:at:)` and `explanation(for:belief:at:)` reads.
///
/// Every user id a check uses starts with the run's token, so checks that leave the
/// catalogue alone can share one database; checks with ``Check/usesTheCatalogue`` need a
/// backend of their own. It uses only the public protocol and no test framework.
public enum StoreConformance {
  /// Every check of the suite, in a stable order.
  public static let checks: [Check] = basicChecks + catalogueChecks + version2Checks

  /// The checks that apply to a backend with `traits`.
  ///
  /// ```swift
  /// let fileChecks = StoreConformance.checks(for: .init(isPersistent: true, sharing: .exclusive))
  /// ```
  ///
  /// - Parameter traits: The backend's traits.
  /// - Returns: The applicable checks, in suite order.
  public static func checks(for traits: ConformanceTraits) -> [Check] {
    checks.filter { $0.applies(to: traits) }
  }

  /// Runs the checks of version 1 of the suite, in order, each on a fresh store, and throws
  /// the first failure: the entry point from before ``checks`` were separate, kept so that
  /// existing tests still compile and run. Prefer one test per check (see above).
  ///
  /// ```swift
  /// try await StoreConformance.run { InMemoryStore() }
  /// ```
  ///
  /// - Parameter makeStore: Makes a new, empty store; called once per check.
  /// - Throws: The ``ConformanceFailure`` of the first failing check.
  public static func run(makeStore: @Sendable () async throws -> any UserModelStore)
    async throws
  {
    for check in basicChecks + catalogueChecks {
      let store = try await makeStore()
      try await check.run { _ in
        ConformanceBackend(traits: .inMemory) { store }
      }
    }
  }
}
