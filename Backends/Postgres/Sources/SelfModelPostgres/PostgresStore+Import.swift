public import Foundation
import Logging
import PostgresNIO
public import SelfModel
public import SelfModelStore
import Synchronization

extension PostgresStore {
  /// Imports an export document in one transaction; see `UserModelStore.importUser(_:replacing:)`.
  ///
  /// - Parameters:
  ///   - document: The export document.
  ///   - replacing: Whether an existing model may be replaced.
  /// - Returns: The imported user.
  /// - Throws: As `UserModelStore.importUser(_:replacing:)`; connection errors.
  public func importUser(_ document: Data, replacing: Bool) async throws(StoreError) -> UserID {
    try await importUser(try ExportDocument(decoding: document), replacing: replacing)
  }

  /// Imports a decoded document in one transaction; see
  /// `UserModelStore.importUser(_:replacing:)` (the `ExportDocument` form).
  ///
  /// - Parameters:
  ///   - document: The export document.
  ///   - replacing: Whether an existing model may be replaced.
  /// - Returns: The imported user.
  /// - Throws: As `UserModelStore.importUser(_:replacing:)`; connection errors.
  public func importUser(_ document: ExportDocument, replacing: Bool) async throws(StoreError)
    -> UserID
  {
    let snapshot = document.snapshot
    let user = snapshot.user
    let entry = try await call("import", user: user) {
      try await self.client.withTransaction(logger: self.logger) { connection in
        try await Self.importRows(snapshot, replacing: replacing, connection, self.logger)
      }
    }
    remember(entry, for: user)
    return user
  }

  private static func importRows(
    _ snapshot: UserModelSnapshot, replacing: Bool, _ connection: PostgresConnection,
    _ logger: Logger
  ) async throws -> CachedUser {
    let document = try await catalogueDocument(connection, logger)
    let model = try RowCoding.build(
      snapshot, catalogue: try RowCoding.catalogue(document), operation: "import")
    let user = model.user.rawValue
    if replacing {
      try await connection.query(
        "DELETE FROM selfmodel_users WHERE id = \(user)", logger: logger
      ).consume()
    }
    let count = Int64(model.evidence.count)
    let version = try await insertUser(model, connection, logger)
    guard let version else {
      throw StoreError(.userAlreadyExists, operation: "import", user: model.user)
    }
    try await insertEvidence(of: model, connection, logger)
    return CachedUser(
      version: version, rewriteVersion: version, nextSequence: count, model: model)
  }

  /// Inserts the user's row; its version, or `nil` if the id is taken.
  private static func insertUser(
    _ model: UserModel, _ connection: PostgresConnection, _ logger: Logger
  ) async throws -> Int64? {
    let head = try RowCoding.head(of: model, operation: "import")
    var version: Int64?
    for try await value in try await connection.query(
      """
      INSERT INTO selfmodel_users (id, version, rewrite_version, next_sequence, head)
      SELECT \(model.user.rawValue), v.n, v.n, \(Int64(model.evidence.count)), \(head)
      FROM (SELECT nextval('selfmodel_versions') AS n) v
      ON CONFLICT (id) DO NOTHING RETURNING version
      """, logger: logger
    ).decode(Int64.self) {
      version = value
    }
    return version
  }

  /// The catalogue's document, locked FOR SHARE: no publish commits while the import builds
  /// its model on this catalogue.
  private static func catalogueDocument(_ connection: PostgresConnection, _ logger: Logger)
    async throws -> String
  {
    var document = ""
    for try await text in try await connection.query(
      "SELECT document FROM selfmodel_catalogue WHERE id = 1 FOR SHARE", logger: logger
    ).decode(String.self) {
      document = text
    }
    return document
  }

  private static func insertEvidence(
    of model: UserModel, _ connection: PostgresConnection, _ logger: Logger
  ) async throws {
    let items = model.evidence
    guard !items.isEmpty else { return }
    var bodies: [String] = []
    bodies.reserveCapacity(items.count)
    for item in items {
      bodies.append(try RowCoding.encode(item, operation: "import", user: model.user))
    }
    let sequences = (0..<Int64(items.count)).map { $0 }
    try await connection.query(
      """
      INSERT INTO selfmodel_evidence (user_id, sequence, evidence_id, body)
      SELECT \(model.user.rawValue), t.s, t.e, t.b
      FROM unnest(\(sequences)::int8[], \(items.map(\.id.rawValue))::text[], \(bodies)::text[])
        AS t(s, e, b)
      """, logger: logger
    ).consume()
  }
}
