import Foundation
import SelfModel
import SelfModelStore

/// How a user's rows hold a model: the *head* (a `UserModelSnapshot` without evidence: own
/// policy, beliefs and sources, catalogue version) and one evidence row per ledger item, both
/// JSON text. Dates are written as the `Double` of `timeIntervalSinceReferenceDate` in its
/// shortest exact decimal form, so they come back bit for bit (a `timestamptz` column would
/// round them to microseconds).
enum RowCoding {
  static func encode<T: Encodable>(_ value: T, operation: String, user: UserID?)
    throws(StoreError) -> String
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      throw StoreError(.invalidArgument, operation: operation, user: user, detail: "\(error)")
    }
  }

  static func decode<T: Decodable>(
    _ type: T.Type, from text: String, operation: String, user: UserID?
  ) throws(StoreError) -> T {
    do {
      return try JSONDecoder().decode(type, from: Data(text.utf8))
    } catch {
      throw StoreError(
        .corruptFile, operation: operation, user: user, path: "database row",
        detail: "undecodable \(T.self): \(error)")
    }
  }

  /// The head of `model`.
  static func head(of model: UserModel, operation: String) throws(StoreError) -> String {
    let full = model.snapshot
    let head = UserModelSnapshot(
      user: full.user, catalogueVersion: full.catalogueVersion, policy: full.policy,
      beliefs: full.beliefs, sources: full.sources, evidence: [])
    return try encode(head, operation: operation, user: model.user)
  }

  /// Rebuilds a model from its head and evidence rows on `catalogue`, with the library's
  /// own replay (`UserModel(snapshot:catalogue:)`).
  static func model(
    user: UserID, head: String, evidence: [String], catalogue: Catalogue, operation: String
  ) throws(StoreError) -> UserModel {
    let stored = try decode(UserModelSnapshot.self, from: head, operation: operation, user: user)
    var items: [Evidence] = []
    items.reserveCapacity(evidence.count)
    for text in evidence {
      items.append(try decode(Evidence.self, from: text, operation: operation, user: user))
    }
    let snapshot = UserModelSnapshot(
      user: stored.user, catalogueVersion: stored.catalogueVersion, policy: stored.policy,
      beliefs: stored.beliefs, sources: stored.sources, evidence: items)
    return try build(snapshot, catalogue: catalogue, operation: operation)
  }

  /// `UserModel(snapshot:catalogue:)` with its error turned into the store's.
  static func build(_ snapshot: UserModelSnapshot, catalogue: Catalogue, operation: String)
    throws(StoreError) -> UserModel
  {
    try StoreRules.model(from: snapshot, catalogue: catalogue, operation: operation)
  }

  /// The catalogue stored as `text`; the empty text is `Catalogue.empty`.
  static func catalogue(_ text: String) throws(StoreError) -> Catalogue {
    guard !text.isEmpty else { return .empty }
    return try decode(Catalogue.self, from: text, operation: "catalogue", user: nil)
  }
}
