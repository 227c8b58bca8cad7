import Foundation

/// A population prior for a belief with any number of outcomes, fitted by empirical Bayes: the
/// `Dirichlet(a)` that maximises the marginal likelihood of every user's outcome counts under a
/// Dirichlet-multinomial, reported as base rates `m_k = a_k / W` and prior weight
/// `W = sum_k a_k` (`Docs/Math.md`, "Population priors").
///
/// **The fit.** Users are exchangeable draws `theta_i ~ Dirichlet(a)`, `x_i ~
/// Multinomial(n_i, theta_i)`. The search maximises `l(a) = sum_i [ln Gamma(W) -
/// ln Gamma(n_i + W) + sum_k (ln Gamma(x_ik + a_k) - ln Gamma(a_k))]` (evaluated exactly
/// through ``DirichletMultinomialCounts``) over `u_k = ln a_k` by Newton's method (the Hessian
/// is diagonal plus rank one, solved by Sherman-Morrison) with a backtracking line search, from
/// the pooled rates and `W = 2`, with `W` kept in ``BetaBinomialFit/priorWeightBounds``. At the
/// upper bound (no overdispersion) the rates are polished with `W` fixed and
/// ``isAtWeightBound`` says so. Pinned against SciPy's `dirichlet_multinomial`
/// (`Scripts/reference/dirichlet_multinomial_fit.py`).
///
/// ```swift
/// let prior = try DirichletMultinomialFit(fitting: counts)
/// prior.baseRates  // [0.43, 0.24, 0.33]
/// ```
public struct DirichletMultinomialFit: Sendable, Hashable, Codable {
  /// The fitted base rates `m_k = a_k / W`, in outcome order.
  public let baseRates: [Double]
  /// The fitted prior weight `W = sum_k a_k`.
  public let priorWeight: Double
  /// `sum_i ln DirichletMultinomial(x_i; n_i, a)` at the fit, multinomial coefficients
  /// included.
  public let logLikelihood: Double
  /// The users the fit saw (those with at least one trial).
  public let users: Int
  /// Whether `W` stopped at the top of ``BetaBinomialFit/priorWeightBounds``.
  public let isAtWeightBound: Bool

  /// The fitted Dirichlet parameters `a_k = m_k W`.
  public var alphas: [Double] { baseRates.map { $0 * priorWeight } }

  /// Fits `counts`.
  ///
  /// - Parameter counts: The population's counts.
  /// - Throws: ``ModelError/emptyPopulation(belief:)`` (with no belief named) when no user
  ///   has a trial; ``ModelError/undefined(quantity:reason:)`` naming the outcome index when
  ///   an outcome took every trial or none (no finite maximum). ``PopulationPriorFit`` turns
  ///   the latter into ``ModelError/degenerateFit(belief:context:outcome:)``.
  public init(fitting counts: DirichletMultinomialCounts) throws(ModelError) {
    guard counts.users > 0 else { throw .emptyPopulation(belief: nil) }
    if let outcome = Self.degenerateOutcome(counts) {
      throw .undefined(
        quantity: "a population prior",
        reason: "outcome \(outcome) took every trial or none: the likelihood has no maximum")
    }
    if counts.outcomeCount == 2 {
      self.init(binary: try BetaBinomialFit(fitting: counts.betaBinomial))
      return
    }
    let objective = DirichletMultinomialObjective(
      counts: counts.byCount.map { IntegerCountTable(above: BetaBinomialCounts.above($0)) },
      trials: IntegerCountTable(above: BetaBinomialCounts.above(counts.byTrials)),
      users: counts.users)
    let pooled = counts.totals.map { Double($0) / Double(counts.trials) }
    let a = objective.maximise(from: pooled.map { 2 * $0 })
    let w = a.reduce(0, +)
    self.init(
      baseRates: a.map { $0 / w }, priorWeight: w,
      logLikelihood: objective.value(a) + counts.logMultinomialCoefficients, users: counts.users,
      isAtWeightBound: w >= BetaBinomialFit.priorWeightBounds.upperBound * (1 - 1e-9))
  }

  /// Fits decayed, fractional counts by the same Newton search on the Gamma form of the
  /// likelihood (for any number of outcomes, two included).
  ///
  /// - Throws: As ``init(fitting:)``.
  init(fitting counts: FractionalCounts) throws(ModelError) {
    guard counts.users > 0 else { throw .emptyPopulation(belief: nil) }
    if let outcome = counts.degenerateOutcome {
      throw .undefined(
        quantity: "a population prior",
        reason: "outcome \(outcome) took every trial or none: the likelihood has no maximum")
    }
    let objective = counts.objective
    let trials = counts.trials
    let a = objective.maximise(from: counts.totals.map { 2 * $0 / trials })
    let w = a.reduce(0, +)
    self.init(
      baseRates: a.map { $0 / w }, priorWeight: w,
      logLikelihood: objective.value(a) + counts.logMultinomialCoefficients, users: counts.users,
      isAtWeightBound: w >= BetaBinomialFit.priorWeightBounds.upperBound * (1 - 1e-9))
  }

  /// The two-outcome fit, from the beta-binomial one (outcome 0 the success).
  init(binary fit: BetaBinomialFit) {
    self.init(
      baseRates: [fit.baseRate, 1 - fit.baseRate], priorWeight: fit.priorWeight,
      logLikelihood: fit.logLikelihood, users: fit.users, isAtWeightBound: fit.isAtWeightBound)
  }

  private init(
    baseRates: [Double], priorWeight: Double, logLikelihood: Double, users: Int,
    isAtWeightBound: Bool
  ) {
    self.baseRates = baseRates
    self.priorWeight = priorWeight
    self.logLikelihood = logLikelihood
    self.users = users
    self.isAtWeightBound = isAtWeightBound
  }

  /// The first outcome that took every trial or none, if any.
  static func degenerateOutcome(_ counts: DirichletMultinomialCounts) -> Int? {
    if let every = counts.totals.firstIndex(of: counts.trials) { return every }
    return counts.totals.firstIndex(of: 0)
  }
}
