/// Which prior weights `W` ``PopulationPriors/catalogue(replacing:version:priorWeights:)``
/// publishes: the fitted ones, or those of the catalogue it replaces.
///
/// Base rates are always the fitted ones. Keep the current weights when they were tuned
/// rather than fitted, for example by a ``PolicyTuner`` with `tunesBeliefPriorWeights` or
/// `tunesContextPriorWeights`, and a nightly job refits base rates only:
///
/// ```swift
/// let priors = try fit.fit()
/// let next = try priors.catalogue(
///   replacing: current, version: current.version + 1, priorWeights: .keepCurrent)
/// ```
public enum PublishedPriorWeights: String, Sendable, Hashable, Codable, CaseIterable {
  /// Publish the fitted `W` of each fitted belief and of each fitted context (a context's is
  /// `nil`, inheriting its parent's, when too few users had a trial in it); the default.
  case fitted
  /// Keep the `W` the replaced catalogue has: each fitted belief keeps its
  /// ``BeliefDefinition/priorWeight`` and each fitted context its ``ContextPrior/priorWeight``
  /// (`nil` stays `nil`, inheriting); a fitted context the replaced catalogue does not list
  /// gets `nil`, inheriting its parent's.
  case keepCurrent
}
