/// One belief's fitted population priors: its own and its contexts'.
///
/// ```swift
/// let mastery = priors.belief("mastery")
/// mastery?.prior.priorWeight          // W of the belief
/// mastery?.contexts["type:TMA"]?.baseRates
/// ```
public struct FittedBelief: Sendable, Hashable, Codable {
  /// The belief.
  public let key: BeliefKey
  /// The belief's prior, fitted over every user's evidence pooled over contexts.
  public let prior: FittedPrior
  /// The prior of each context that had evidence (a declared ancestor counts its
  /// descendants' evidence).
  public let contexts: [ContextID: FittedPrior]

  /// Creates a fitted belief.
  ///
  /// - Parameters:
  ///   - key: The belief.
  ///   - prior: Its prior.
  ///   - contexts: Its contexts' priors.
  public init(key: BeliefKey, prior: FittedPrior, contexts: [ContextID: FittedPrior]) {
    self.key = key
    self.prior = prior
    self.contexts = contexts
  }
}
