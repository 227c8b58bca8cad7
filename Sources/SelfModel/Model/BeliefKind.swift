/// How a belief changes: by counting decayed evidence (the default), or as a hidden state
/// that is learnt and forgotten between observations (Bayesian knowledge tracing).
///
/// A ``counted`` belief is a Dirichlet over its outcomes whose tallies fade with a half-life
/// (see ``UserModel``). A ``dynamic(_:)`` belief is binary; its probability is the
/// ``KnowledgeTracing`` filter over its `.holds` and `.doesNotHold` evidence in
/// `(observedAt, id)` order, one step per item, and its notion of change is the filter's
/// learn and forget transitions, not decay. Declare one with
/// ``BeliefDefinition/dynamic(_:statement:parameters:tags:importance:)``.
///
/// ```swift
/// let parameters = try KnowledgeTracing.Parameters(
///   prior: 0.3, learn: 0.1, forget: 0, guess: 0.2, slip: 0.1)
/// let fractions = try BeliefDefinition.dynamic(
///   "skill.fractions", statement: "Can add fractions", parameters: parameters)
/// fractions.kind  // .dynamic(parameters)
/// ```
public enum BeliefKind: Sendable, Hashable {
  /// Evidence is counted into decayed tallies (every belief before dynamic ones existed).
  case counted
  /// A binary hidden state filtered by knowledge tracing with these parameters.
  case dynamic(KnowledgeTracing.Parameters)

  /// The knowledge-tracing parameters of a dynamic belief, `nil` for a counted one.
  public var knowledgeTracingParameters: KnowledgeTracing.Parameters? {
    if case .dynamic(let parameters) = self { return parameters }
    return nil
  }

  /// Whether the belief is ``dynamic(_:)``.
  public var isDynamic: Bool { knowledgeTracingParameters != nil }
}
