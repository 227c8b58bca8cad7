import Foundation
import SelfModelStore

extension StoreConformance {
  /// One check of the suite: a named behaviour, run on a backend of its own.
  ///
  /// Each check is its own entry point, so a test framework shows each as its own test and one
  /// failure does not hide the rest:
  ///
  /// ```swift
  /// @Test(arguments: StoreConformance.checks(for: traits))
  /// func conformance(_ check: StoreConformance.Check) async throws {
  ///   try await check.run { token in try await makeBackend(named: token) }
  /// }
  /// ```
  public struct Check: Sendable, Hashable, CustomStringConvertible {
    /// The check's name, such as `"forgetEqualsNeverSeen"`.
    public let name: String
    /// Whether the check reads or changes the store-wide catalogue. Such a check needs a
    /// backend no other check uses at the same time (a folder or a database schema of its
    /// own); the others share a backend safely, since every user id they use starts with
    /// the run's token.
    public let usesTheCatalogue: Bool
    let requirement: Requirement
    let body: @Sendable (ConformanceContext) async throws -> Void

    init(
      _ name: String, catalogue: Bool = false,
      needs requirement: Requirement = .nothing,
      _ body: @escaping @Sendable (ConformanceContext) async throws -> Void
    ) {
      self.name = name
      self.usesTheCatalogue = catalogue
      self.requirement = requirement
      self.body = body
    }

    /// The check's name.
    public var description: String { name }

    /// Whether the check applies to a backend with `traits`: the reopen check needs a
    /// persistent backend, the multi-instance checks need sharing, and so on.
    ///
    /// - Parameter traits: The backend's traits.
    /// - Returns: `true` if the check applies.
    public func applies(to traits: ConformanceTraits) -> Bool {
      switch requirement {
      case .nothing: true
      case .persistence: traits.isPersistent
      case .secondHandle: traits.sharing != .none
      case .sharedHandles: traits.sharing == .shared
      }
    }

    /// What a backend must offer for a check to apply.
    enum Requirement: Sendable {
      case nothing, persistence, secondHandle, sharedHandles
    }

    /// Runs the check on a new backend from `makeBackend`, then shuts down every handle it
    /// opened and tears the backend down, whether the check passed or not.
    ///
    /// `makeBackend` receives a token unique to this run (lowercase letters and digits, 12
    /// characters), which the check also puts in front of every user id it uses; use it to
    /// name a folder or a database schema.
    ///
    /// ```swift
    /// try await check.run { _ in ConformanceBackend(traits: .inMemory) { store } }
    /// ```
    ///
    /// - Parameter makeBackend: Makes a backend for the check.
    /// - Throws: A ``ConformanceFailure`` naming the check if it fails or does not apply to
    ///   the backend's traits.
    public func run(
      on makeBackend: @Sendable (_ token: String) async throws -> ConformanceBackend
    ) async throws {
      let token = Self.makeToken()
      let backend = try await makeBackend(token)
      guard applies(to: backend.traits) else {
        throw ConformanceFailure(check: name, detail: "does not apply to \(backend.traits)")
      }
      let handles = ConformanceHandles()
      var outcome: (any Error)?
      do {
        let context = try await ConformanceContext(
          check: name, token: token, backend: backend, handles: handles)
        try await body(context)
      } catch let failure as ConformanceFailure {
        outcome = failure
      } catch {
        outcome = ConformanceFailure(check: name, detail: "unexpected error: \(error)")
      }
      await handles.shutdownAll()
      try await backend.tearDown()
      if let outcome { throw outcome }
    }

    static func makeToken() -> String {
      let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
      var generator = SystemRandomNumberGenerator()
      return "c" + String((0..<11).map { _ in alphabet[Int(generator.next() % 36)] })
    }

    /// Checks are equal when their names are.
    public static func == (lhs: Check, rhs: Check) -> Bool { lhs.name == rhs.name }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
  }
}
