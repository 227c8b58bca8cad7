/// What a population fit does with a degenerate belief or context: one whose outcomes all
/// went one way (or, with more than two outcomes, never went one way), so the marginal
/// likelihood has no finite maximum (`W` would run off to a bound and a base rate to 0 or 1).
///
/// Nothing is clamped silently: by default the fit throws
/// ``ModelError/degenerateFit(belief:context:outcome:)``, and the caller opts in to a documented
/// substitute.
///
/// ```swift
/// let options = PopulationFitOptions(degenerateFits: .structural(weight: 1_000))
/// ```
public enum DegenerateFitPolicy: Sendable, Hashable, Codable {
  /// Throw ``ModelError/degenerateFit(belief:context:outcome:)`` naming the belief, the
  /// context and the outcome (the default).
  case refuse
  /// Treat the degeneracy as structural (for example a context whose outcome is fixed by
  /// design) and publish, for a context, its shrunk base rates (which lie strictly inside
  /// `(0, 1)` because the parent's do) with this `W`; for a belief,
  /// `(K_k + a_k) / (N + 1)` (the pooled counts plus one pseudo-trial of the belief's declared
  /// base rates `a`) with this `W`. The result says ``FittedPrior/isStructural``.
  case structural(weight: Double)
}
