/// An immutable box around a ``RevisionPolicy``, so that a model without a policy of its own
/// stores one reference-sized `nil` instead of an optional policy.
final class PolicyBox: Sendable {
  let policy: RevisionPolicy

  init(_ policy: RevisionPolicy) {
    self.policy = policy
  }
}
