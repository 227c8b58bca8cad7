import Logging
import PostgresNIO
import SelfModelStore

/// The store's schema, built by migrations recorded in the `selfmodel_migrations` table, as
/// GRDB's `DatabaseMigrator` does: each has a string id, is never edited once shipped, and
/// runs once, in order, in one transaction per start that holds an advisory lock, so
/// instances starting together migrate once. A table listing an id this library does not
/// know was migrated by a newer release: the store refuses to open (`newerFormat`).
enum PostgresMigrations {
  /// The lock key that serialises migrations (any constant; "SelfModel" in ASCII, truncated).
  static let lockKey: Int64 = 0x5365_6C66_4D6F_6465

  static let all: [(id: String, statements: [PostgresQuery])] = [
    (
      "2026-11-29-tables",
      [
        "CREATE SEQUENCE selfmodel_versions",
        """
        CREATE TABLE selfmodel_catalogue (
          id smallint PRIMARY KEY CHECK (id = 1), version bigint NOT NULL, document text NOT NULL)
        """,
        "INSERT INTO selfmodel_catalogue (id, version, document) VALUES (1, 0, '')",
        """
        CREATE TABLE selfmodel_users (
          id text COLLATE "C" PRIMARY KEY, version bigint NOT NULL,
          rewrite_version bigint NOT NULL, next_sequence bigint NOT NULL, head text NOT NULL)
        """,
        """
        CREATE TABLE selfmodel_evidence (
          user_id text COLLATE "C" NOT NULL REFERENCES selfmodel_users (id) ON DELETE CASCADE,
          sequence bigint NOT NULL, evidence_id text COLLATE "C" NOT NULL, body text NOT NULL,
          PRIMARY KEY (user_id, sequence), UNIQUE (user_id, evidence_id))
        """,
      ]
    )
  ]

  /// Applies the migrations the database lacks.
  static func migrate(_ client: PostgresClient, logger: Logger) async throws {
    try await client.withTransaction(logger: logger) { connection in
      try await connection.query(
        "SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger
      ).consume()
      let applied = try await appliedMigrations(connection, logger: logger)
      let known = Set(all.map(\.id))
      if let unknown = applied.subtracting(known).sorted().first {
        throw StoreError(
          .newerFormat, operation: "open",
          detail: "migration \(unknown) is from a newer release of SelfModelPostgres")
      }
      for migration in all where !applied.contains(migration.id) {
        for statement in migration.statements {
          try await connection.query(statement, logger: logger).consume()
        }
        try await connection.query(
          "INSERT INTO selfmodel_migrations (id) VALUES (\(migration.id))", logger: logger
        ).consume()
      }
    }
  }

  /// The ids in the migrations table, which this creates if missing.
  private static func appliedMigrations(_ connection: PostgresConnection, logger: Logger)
    async throws -> Set<String>
  {
    try await connection.query(
      """
      CREATE TABLE IF NOT EXISTS selfmodel_migrations (
        id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
      """, logger: logger
    ).consume()
    var applied = Set<String>()
    for try await id in try await connection.query(
      "SELECT id FROM selfmodel_migrations", logger: logger
    ).decode(String.self) {
      applied.insert(id)
    }
    return applied
  }
}

extension PostgresRowSequence {
  /// Reads and drops every row.
  func consume() async throws {
    for try await _ in self {}
  }
}
