import PostgresNIO
import SelfModel

extension AppendBatcher {
  /// Runs one batch's statement: the new version of each user whose compare-and-set held.
  ///
  /// The rows of the batch's users are locked in id order first, so two instances' batches
  /// over the same users queue instead of deadlocking; each user's row is then bumped only
  /// if still at the version its writer saw, and only bumped users get their evidence rows.
  ///
  /// It runs in a transaction of its own and returns only once `COMMIT` is answered: see
  /// `PostgresStore.committedRows(_:as:)` for why the statement's own rows are not proof.
  func execute(_ requests: [AppendRequest]) async throws -> [UserID: Int64] {
    let logger = self.logger
    let statement = Self.statement(requests)
    return try await client.withTransaction(logger: logger) { connection in
      var versions: [UserID: Int64] = [:]
      for try await (id, version) in try await connection.query(statement, logger: logger)
        .decode((String, Int64).self)
      {
        guard let user = try? UserID(id) else { continue }
        versions[user] = version
      }
      return versions
    }
  }

  /// The batch's statement, every value bound as an array parameter.
  static func statement(_ requests: [AppendRequest]) -> PostgresQuery {
    let rows = requests.flatMap { request in request.sequences.map { _ in request.user.rawValue } }
    return """
      WITH input AS (
        SELECT * FROM unnest(\(requests.map(\.user.rawValue))::text[],
          \(requests.map(\.seenVersion))::int8[], \(requests.map(\.nextSequence))::int8[],
          \(requests.map(\.catalogueVersion))::int8[]) AS t(id, seen, next, catalogue)),
      locked AS (
        SELECT u.id FROM selfmodel_users u WHERE u.id IN (SELECT id FROM input)
        ORDER BY u.id FOR UPDATE),
      bumped AS (
        UPDATE selfmodel_users u SET version = nextval('selfmodel_versions'),
          next_sequence = i.next
        FROM input i
        WHERE u.id = i.id AND u.id IN (SELECT id FROM locked) AND u.version = i.seen
          AND (SELECT version FROM selfmodel_catalogue WHERE id = 1) = i.catalogue
        RETURNING u.id, u.version),
      inserted AS (
        INSERT INTO selfmodel_evidence (user_id, sequence, evidence_id, body)
        SELECT r.u, r.s, r.e, r.b
        FROM unnest(\(rows)::text[], \(requests.flatMap(\.sequences))::int8[],
          \(requests.flatMap(\.evidenceIDs))::text[], \(requests.flatMap(\.bodies))::text[])
          AS r(u, s, e, b)
        JOIN bumped ON bumped.id = r.u)
      SELECT id, version FROM bumped
      """
  }
}
