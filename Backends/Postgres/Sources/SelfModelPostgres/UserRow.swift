/// What one read of a user's row returns: its versions, the catalogue's version, the head
/// (only when the reader's cache is on an older rewrite) and the evidence rows it lacks.
struct UserRow: Sendable {
  var version: Int64
  var rewriteVersion: Int64
  var nextSequence: Int64
  var catalogueVersion: Int64
  var head: String?
  var bodies: [String]

  init(_ columns: (Int64, Int64, Int64, Int64, String?, [String])) {
    (version, rewriteVersion, nextSequence, catalogueVersion, head, bodies) = columns
  }
}
