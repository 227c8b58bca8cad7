import Foundation
import SelfModel
import SelfModelStore

/// A store whose every call fails with an I/O error naming a server-side path: what an
/// `internal` failure looks like to the service. Listing users first waits `delay` (or until
/// cancelled), then blocks its thread for `blocking`: a slow store and a stuck computation,
/// for the request deadline.
struct FailingStore: UserModelStore {
  /// The path the error names, which must never reach a client.
  static let secretPath = "/var/lib/secret/journal"
  /// How long `users(after:limit:)` takes before it fails.
  var delay: Duration = .zero
  /// How long `users(after:limit:)` then holds its thread, deaf to cancellation, as a long
  /// computation does.
  var blocking: Duration = .zero

  private func fail(_ operation: String) -> StoreError {
    StoreError(
      .ioFailure, operation: operation, path: Self.secretPath, errno: 5, detail: "EIO on disk 3")
  }

  func catalogue() async throws(StoreError) -> Catalogue { throw fail("catalogue") }
  func publish(_ catalogue: Catalogue) async throws(StoreError) -> CatalogueDiff {
    throw fail("publish")
  }
  func createUser(
    _ user: UserID, beliefs: [BeliefDefinition], sources: [Source], policy: RevisionPolicy?
  ) async throws(StoreError) -> UserModel { throw fail("createUser") }
  func model(for user: UserID) async throws(StoreError) -> UserModel { throw fail("model") }
  func contains(_ user: UserID) async throws(StoreError) -> Bool { throw fail("contains") }
  func record(_ evidence: [Evidence], for user: UserID, at now: Date) async throws(StoreError)
    -> ObservationResult
  { throw fail("record") }
  func declare(_ beliefs: [BeliefDefinition], for user: UserID) async throws(StoreError) {
    throw fail("declare")
  }
  func redeclare(_ belief: BeliefDefinition, for user: UserID) async throws(StoreError) {
    throw fail("redeclare")
  }
  func register(_ sources: [Source], for user: UserID) async throws(StoreError) {
    throw fail("register")
  }
  func replacePolicy(_ policy: RevisionPolicy?, for user: UserID) async throws(StoreError) {
    throw fail("replacePolicy")
  }
  func forget(evidence: EvidenceID, for user: UserID) async throws(StoreError) -> Evidence? {
    throw fail("forget")
  }
  func forget(source: SourceID, for user: UserID) async throws(StoreError) -> [Evidence] {
    throw fail("forget")
  }
  func deleteUser(_ user: UserID) async throws(StoreError) -> Bool { throw fail("deleteUser") }
  func exportUser(_ user: UserID) async throws(StoreError) -> Data { throw fail("export") }
  func importUser(_ document: Data, replacing: Bool) async throws(StoreError) -> UserID {
    throw fail("import")
  }
  func users(after cursor: UserID?, limit: Int) async throws(StoreError) -> UserPage {
    try? await Task.sleep(for: delay)
    if blocking > .zero { Self.hold(blocking) }
    throw fail("users")
  }
  func compact(_ user: UserID) async throws(StoreError) { throw fail("compact") }

  /// Blocks the calling thread for `duration`, as a computation would.
  private static func hold(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) * 1e-18)
  }
}
