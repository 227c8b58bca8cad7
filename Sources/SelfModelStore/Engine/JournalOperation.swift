package import Foundation
package import SelfModel

/// One change to a user's model, as the journal records it. Replaying a user's operations in
/// order rebuilds the model.
///
/// ``OperationCodec`` turns an operation into a journal payload and back.
package enum JournalOperation: Sendable, Hashable {
  /// The user's model was created with a policy.
  case create(UserID, RevisionPolicy)
  /// Evidence was recorded at `now`.
  case record([Evidence], now: Date)
  /// A belief was declared.
  case declare(BeliefDefinition)
  /// A declared belief was changed.
  case redeclare(BeliefDefinition)
  /// A source was registered or updated.
  case register(Source)
  /// The user's own revision policy was replaced, or with `nil` dropped in favour of the
  /// catalogue's.
  case replacePolicy(RevisionPolicy?)
}
