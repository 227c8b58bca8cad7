import Foundation
import SelfModel
import SelfModelTesting

@testable import SelfModelStore

/// A fresh temporary folder for one test, removed by `remove()`.
struct StoreTestFolder: Sendable {
  let path: String

  init(_ name: String = "store") {
    let base = FileManager.default.temporaryDirectory.path
    path = "\(base)/selfmodel-\(name)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// A path inside the folder.
  func child(_ name: String) -> String { path + "/" + name }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// The seeded SplitMix64 generator from SelfModelTesting.
typealias StoreTestRandom = SeededRandom

/// Fixed dates, beliefs, sources and evidence for store tests.
enum StoreFixtures {
  static let now = Date(timeIntervalSinceReferenceDate: 760_000_000)
  static let concise: BeliefKey = "preference.concise"

  /// Creates `user` with one binary belief and one source.
  static func makeUser(_ user: UserID, in store: any UserModelStore) async throws {
    try await store.createUser(user)
    try await store.declare(
      [try .binary(concise, statement: "Prefers concise answers")], for: user)
    try await store.register(
      [try Source(id: "user", kind: .userStated, reliability: 0.9)], for: user)
  }

  static func evidence(_ id: String, holds: Bool = true, source: SourceID = "user") throws
    -> Evidence
  {
    Evidence(
      id: try EvidenceID(id), belief: concise, content: holds ? .holds : .doesNotHold,
      source: source, observedAt: now.addingTimeInterval(-60))
  }

  /// Every file under `path`, recursively, with its POSIX permission bits.
  static func modes(under path: String) throws -> [String: Int] {
    var result: [String: Int] = [:]
    let manager = FileManager.default
    guard let enumerator = manager.enumerator(atPath: path) else { return result }
    for case let relative as String in enumerator {
      let attributes = try manager.attributesOfItem(atPath: path + "/" + relative)
      let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
      result[relative] = permissions
    }
    return result
  }

  /// Every byte of every file under `path`, concatenated.
  static func allBytes(under path: String) -> Data {
    var data = Data()
    let manager = FileManager.default
    guard let enumerator = manager.enumerator(atPath: path) else { return data }
    for case let relative as String in enumerator {
      if let contents = manager.contents(atPath: path + "/" + relative) { data.append(contents) }
    }
    return data
  }
}

extension FileStore {
  /// Reopens a store folder, retrying briefly while it is `locked`.
  ///
  /// Other tests launch child processes; a child forked while this process held the folder's
  /// `LOCK` descriptor shares it until its `exec` closes it (`O_CLOEXEC`), so a reopen right
  /// after `close()` can see the lock for a moment.
  static func reopen(at path: String, options: Options = Options()) async throws -> FileStore {
    try await retryingLock { try FileStore(at: path, options: options) }
  }
}

/// Runs `body`, retrying for up to two seconds while it throws ``StoreError/Code/locked``.
func retryingLock(_ body: () throws -> FileStore) async throws -> FileStore {
  var attempts = 0
  while true {
    do {
      return try body()
    } catch let error as StoreError {
      attempts += 1
      guard error.code == .locked, attempts < 100 else { throw error }
      try await Task.sleep(for: .milliseconds(20))
    }
  }
}
