import Foundation
import GRDB
import SelfModel
import SelfModelStore

/// Folders, evidence and a GRDB schema shared by the store benchmarks.
package enum Fixtures {
  package static let start = Date(timeIntervalSince1970: 1_767_225_600)
  /// After every fixture evidence time (item `i` is observed at `start + i` seconds).
  package static let now = start.addingTimeInterval(2_000_000)

  /// A fresh temporary folder; removed by `cleanUp`.
  package static func temporaryFolder(_ name: String) -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("selfmodel-bench-\(name)-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  package static func cleanUp(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// A folder kept between runs (under the benchmark package's `.build`), for fixtures that
  /// are slow to make: it is reused when `marker` exists in it.
  package static func cachedFolder(_ name: String) -> (path: String, isReady: Bool) {
    let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(".build/fixtures/\(name)").path
    let isReady = FileManager.default.fileExists(atPath: base + "/READY")
    if !isReady {
      try? FileManager.default.removeItem(atPath: base)
      try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    }
    return (base, isReady)
  }

  package static func markReady(_ path: String) {
    _ = FileManager.default.createFile(atPath: path + "/READY", contents: Data())
  }

  package static let sources = [
    (id: SourceID("user"), kind: SourceKind.userStated, reliability: 0.95),
    (id: SourceID("clicks"), kind: SourceKind.behavior, reliability: 0.6),
    (id: SourceID("llm"), kind: SourceKind.modelInference, reliability: 0.5),
  ]

  package static func policy() -> RevisionPolicy {
    var policy = RevisionPolicy()
    policy.halfLifeBySourceKind[.behavior] = 14 * 86_400
    policy.halfLifeBySourceKind[.modelInference] = 30 * 86_400
    return policy
  }

  package static func beliefs(_ count: Int) throws -> [BeliefDefinition] {
    try (0..<count).map { index in
      try .binary(BeliefKey("belief.\(index)"), statement: "Belief number \(index)")
    }
  }

  package static func modelSources() throws -> [Source] {
    try sources.map { try Source(id: $0.id, kind: $0.kind, reliability: $0.reliability) }
  }

  /// Evidence number `index` (ids `prefix` + index), about one of `beliefs` beliefs.
  package static func evidence(_ index: Int, prefix: String = "e", beliefs: Int = 300) -> Evidence {
    let belief = (index &* 7_919) % beliefs
    return Evidence(
      id: EvidenceID(stringLiteral: "\(prefix)\(index)"),
      belief: BeliefKey(stringLiteral: "belief.\(belief)"),
      content: index % 3 == 0 ? .doesNotHold : .holds,
      source: sources[index % 3].id, observedAt: start.addingTimeInterval(Double(index)))
  }

  /// A user with `beliefs` beliefs and the three sources, created in `store`.
  package static func createUser(_ user: UserID, beliefs: Int, in store: FileStore) async throws {
    _ = try await store.createUser(user, policy: policy())
    try await store.declare(Self.beliefs(beliefs), for: user)
    try await store.register(modelSources(), for: user)
  }

  // MARK: GRDB

  /// A GRDB pool (WAL) whose writer syncs the WAL at every commit (`synchronous = FULL`).
  ///
  /// Set after opening: GRDB switches the writer to WAL after `prepareDatabase` runs, and
  /// Debian's SQLite then falls back to its WAL default, `NORMAL` (no sync at commit), which
  /// would make the baseline non-durable. `B2` prints the setting it measured under.
  package static func openPool(at path: String) throws -> DatabasePool {
    let pool = try DatabasePool(path: path)
    try pool.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    return pool
  }

  package static func createSchema(_ pool: DatabasePool) throws {
    try pool.write { db in
      try db.execute(
        sql: """
          CREATE TABLE IF NOT EXISTS belief (
            user TEXT NOT NULL, key TEXT NOT NULL, statement TEXT NOT NULL,
            PRIMARY KEY (user, key));
          CREATE TABLE IF NOT EXISTS evidence (
            user TEXT NOT NULL, id TEXT NOT NULL, belief TEXT NOT NULL, outcome TEXT NOT NULL,
            weight REAL NOT NULL, source TEXT NOT NULL, observedAt REAL NOT NULL,
            recordedAt REAL NOT NULL, PRIMARY KEY (user, id));
          CREATE TABLE IF NOT EXISTS user (id TEXT PRIMARY KEY, policy TEXT NOT NULL);
          """)
    }
  }

  package static func insert(_ item: Evidence, user: String, into db: Database) throws {
    let outcome: String
    if case .outcome(let name) = item.content { outcome = name } else { outcome = "soft" }
    try db.execute(
      sql: "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      arguments: [
        user, item.id.rawValue, item.belief.rawValue, outcome, item.weight,
        item.source.rawValue, item.observedAt.timeIntervalSinceReferenceDate,
        item.recordedAt.timeIntervalSinceReferenceDate,
      ])
  }

  /// Reads a user's beliefs and evidence back from SQLite and folds them into a model: what
  /// an app that kept its ledger in SQLite would do to load a user.
  package static func loadModel(_ user: String, from db: Database) throws -> UserModel {
    let beliefs = try Row.fetchAll(
      db, sql: "SELECT key, statement FROM belief WHERE user = ?", arguments: [user]
    ).map { row in
      try BeliefDefinition.binary(BeliefKey(row["key"] as String), statement: row["statement"])
    }
    let cursor = try Row.fetchCursor(
      db,
      sql:
        "SELECT id, belief, outcome, weight, source, observedAt, recordedAt FROM evidence WHERE user = ?",
      arguments: [user])
    var evidence: [Evidence] = []
    while let row = try cursor.next() {
      evidence.append(
        Evidence(
          id: try EvidenceID(row["id"] as String), belief: try BeliefKey(row["belief"] as String),
          content: .outcome(row["outcome"]), weight: row["weight"],
          source: try SourceID(row["source"] as String),
          observedAt: Date(timeIntervalSinceReferenceDate: row["observedAt"]),
          recordedAt: Date(timeIntervalSinceReferenceDate: row["recordedAt"])))
    }
    return try UserModel(
      user: UserID(user), policy: policy(), beliefs: beliefs, sources: modelSources(),
      evidence: evidence)
  }
}

/// Times an async body once.
package func timeAsync(_ body: () async throws -> Void) async rethrows -> Double {
  let clock = ContinuousClock()
  let start = clock.now
  try await body()
  return (clock.now - start).seconds
}

/// Resident set size of this process, in bytes (Linux `/proc/self/statm`).
package func residentBytes() -> Double {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
    return .nan
  }
  let fields = text.split(separator: " ")
  guard fields.count > 1, let pages = Double(fields[1]) else { return .nan }
  return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
}
