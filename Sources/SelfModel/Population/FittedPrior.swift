/// The population prior fitted for one belief, or for one belief in one context: what
/// ``PopulationPriors`` publishes, with what it was fitted from.
///
/// For a belief, ``baseRates`` and ``priorWeight`` are the maximum-marginal-likelihood fit
/// over every user's counts (pooled over contexts). For a context, ``baseRates`` are the
/// context's pooled rates shrunk toward its ``parent``'s, `(K_c + kappa m_p) / (N_c + kappa)`
/// with ``concentration`` `kappa`, and ``priorWeight`` is the context's own fitted `W`, or
/// `nil` (inherited from the parent) when fewer than
/// ``PopulationFitOptions/minimumUsersForWeight`` users had a trial in it.
///
/// ```swift
/// let tma = priors.belief("mastery")?.contexts["type:TMA"]
/// tma?.baseRates    // [0.62, 0.38]
/// tma?.priorWeight  // 4.1
/// ```
public struct FittedPrior: Sendable, Hashable, Codable {
  /// The base rates to publish, in the belief's outcome order.
  public let baseRates: [Double]
  /// The `W` to publish, or `nil` to inherit the parent's.
  public let priorWeight: Double?
  /// The users with at least one trial.
  public let users: Int
  /// The trials over every user.
  public let trials: Int
  /// The trials per outcome over every user.
  public let outcomeTrials: [Int]
  /// With ``PopulationFitOptions/decay``, the decayed trials per outcome over every user (what
  /// the fit used), each outcome `2^(-age / halfLife)` of a trial; `nil` without decay.
  public let decayedOutcomeTrials: [Double]?
  /// The log marginal likelihood of the users' counts at the fitted `(m, W)` of this belief or
  /// context's own fit (for a context, before shrinkage), or `nil` when no `W` was fitted.
  public let logLikelihood: Double?
  /// Whether the fitted `W` stopped at the top of ``BetaBinomialFit/priorWeightBounds``.
  public let isAtWeightBound: Bool
  /// Whether the fit was degenerate and ``DegenerateFitPolicy/structural(weight:)`` supplied
  /// the prior.
  public let isStructural: Bool
  /// For a context, the context its rates were shrunk toward, or `nil` for the belief.
  public let parent: ContextID?
  /// For a context, the shrinkage concentration `kappa` fitted over it and its siblings; `nil`
  /// for a belief.
  public let concentration: Double?

  /// Creates a fitted prior.
  ///
  /// - Parameters:
  ///   - baseRates: The base rates.
  ///   - priorWeight: `W`, or `nil` to inherit.
  ///   - users: The users with a trial.
  ///   - trials: The trials.
  ///   - outcomeTrials: The trials per outcome.
  ///   - logLikelihood: The log marginal likelihood, if fitted.
  ///   - isAtWeightBound: Whether `W` is at its upper bound.
  ///   - isStructural: Whether the degenerate-fit policy supplied it.
  ///   - parent: The context shrunk toward (contexts only).
  ///   - concentration: The shrinkage `kappa` (contexts only).
  ///   - decayedOutcomeTrials: The decayed trials per outcome, with decay.
  public init(
    baseRates: [Double], priorWeight: Double?, users: Int, trials: Int, outcomeTrials: [Int],
    logLikelihood: Double?, isAtWeightBound: Bool, isStructural: Bool, parent: ContextID?,
    concentration: Double?, decayedOutcomeTrials: [Double]? = nil
  ) {
    self.baseRates = baseRates
    self.priorWeight = priorWeight
    self.users = users
    self.trials = trials
    self.outcomeTrials = outcomeTrials
    self.logLikelihood = logLikelihood
    self.isAtWeightBound = isAtWeightBound
    self.isStructural = isStructural
    self.parent = parent
    self.concentration = concentration
    self.decayedOutcomeTrials = decayedOutcomeTrials
  }
}
