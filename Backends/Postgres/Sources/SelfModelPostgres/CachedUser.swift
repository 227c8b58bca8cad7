import SelfModel

/// One user's model as an instance holds it, with the database row versions it matches.
///
/// `version` changes on every write to the user (values come from one database sequence, so
/// a deleted and re-created user never repeats one); `rewriteVersion` changes only when
/// something other than an append changed (definitions, policy, a forget, an import), so a
/// cache whose `rewriteVersion` still matches catches up by reading only the evidence rows
/// from `nextSequence` on.
struct CachedUser: Sendable {
  var version: Int64
  var rewriteVersion: Int64
  var nextSequence: Int64
  var model: UserModel
}
