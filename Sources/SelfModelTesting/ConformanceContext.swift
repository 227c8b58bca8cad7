import Foundation
import SelfModel
import SelfModelStore

/// What one conformance check works with: the backend, its first handle, the run's token,
/// fixed fixtures, and assertions that throw a ``ConformanceFailure`` naming the check.
struct ConformanceContext: Sendable {
  let check: String
  /// Unique to this run; every user id the check uses starts with it.
  let token: String
  let backend: ConformanceBackend
  let handles: ConformanceHandles
  /// The check's first handle.
  let store: any UserModelStore
  let alice: UserID
  let bob: UserID
  let carol: UserID
  let twin: UserID

  static let now = Date(timeIntervalSinceReferenceDate: 750_000_000)
  static let concise: BeliefKey = "preference.concise"
  static let formal: BeliefKey = "preference.formal"

  init(
    check: String, token: String, backend: ConformanceBackend, handles: ConformanceHandles
  ) async throws {
    self.check = check
    self.token = token
    self.backend = backend
    self.handles = handles
    let store = try await backend.open()
    handles.add(store)
    self.store = store
    alice = try UserID("\(token)-alice")
    bob = try UserID("\(token)-bob")
    carol = try UserID("\(token)-carol")
    twin = try UserID("\(token)-twin")
  }

  /// The user id `name` with the run's token in front.
  func user(_ name: String) throws -> UserID { try UserID("\(token)-\(name)") }

  /// Opens another handle on the backend; the suite shuts it down at the end.
  func openHandle() async throws -> any UserModelStore {
    let handle = try await backend.open()
    handles.add(handle)
    return handle
  }

  func fail(_ detail: String) -> ConformanceFailure {
    ConformanceFailure(check: check, detail: detail)
  }

  func expect(_ condition: Bool, _ detail: @autoclosure () -> String) throws {
    if !condition { throw fail(detail()) }
  }

  /// Runs `body` and requires it to throw a ``StoreError`` with `code`.
  func expectError<T>(
    _ code: StoreError.Code, _ what: String, _ body: () async throws -> T
  ) async throws {
    do {
      _ = try await body()
    } catch {
      guard let error = error as? StoreError, error.code == code else {
        throw fail("\(what): expected \(code.rawValue), got \(error)")
      }
      return
    }
    throw fail("\(what): expected \(code.rawValue), but it succeeded")
  }

  /// Creates `user` with two binary beliefs and two sources.
  func makeUser(_ user: UserID, in store: (any UserModelStore)? = nil) async throws {
    let store = store ?? self.store
    _ = try await store.createUser(user, policy: RevisionPolicy())
    try await store.declare(
      [
        .binary(Self.concise, statement: "Prefers concise answers"),
        .binary(Self.formal, statement: "Prefers a formal tone"),
      ], for: user)
    try await store.register(
      [
        Source(id: "user", kind: .userStated, reliability: 0.95),
        Source(id: "clicks", kind: .behavior, reliability: 0.6),
      ], for: user)
  }

  /// An evidence item observed `offset` seconds before ``now``.
  static func evidence(
    _ id: String, _ belief: BeliefKey = concise, holds: Bool = true, source: SourceID = "user",
    offset: Double = 60
  ) throws -> Evidence {
    Evidence(
      id: try EvidenceID(id), belief: belief, content: holds ? .holds : .doesNotHold,
      weight: 1.5, source: source, observedAt: now.addingTimeInterval(-offset))
  }
}
