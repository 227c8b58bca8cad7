import Foundation
import SelfModel

/// Line 1 of the lines form of an export (`application/x-ndjson`): the export document
/// without its evidence, and how many evidence lines follow.
///
/// ```json
/// {"evidenceCount":2,"format":"selfmodel.user-export-lines","formatVersion":1,"snapshot":{…,"evidence":[]}}
/// ```
///
/// The count comes first so that a reader knows, before any item, how many lines make the
/// document whole (a stream cut short is refused) and whether it is over its item limit.
struct ExportLinesHeader: Codable {
  /// The value of ``format``: another kind than ``ExportDocument/formatName``, so a header
  /// posted alone as a JSON document is refused instead of importing a user without evidence.
  static let formatName = "selfmodel.user-export-lines"

  var evidenceCount: Int
  var format: String
  var formatVersion: Int
  /// The snapshot with an empty ledger.
  var snapshot: UserModelSnapshot

  /// The header of `document`.
  init(_ document: ExportDocument) {
    let full = document.snapshot
    evidenceCount = full.evidence.count
    format = Self.formatName
    formatVersion = ExportDocument.currentFormatVersion
    snapshot = UserModelSnapshot(
      user: full.user, catalogueVersion: full.catalogueVersion, policy: full.policy,
      beliefs: full.beliefs, sources: full.sources, evidence: [])
  }

  /// The document this header and `evidence` make.
  func document(evidence: [Evidence]) -> ExportDocument {
    ExportDocument(
      snapshot: UserModelSnapshot(
        user: snapshot.user, catalogueVersion: snapshot.catalogueVersion,
        policy: snapshot.policy, beliefs: snapshot.beliefs, sources: snapshot.sources,
        evidence: evidence))
  }
}
