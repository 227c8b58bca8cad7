import Foundation

/// A population prior fitted by empirical Bayes: the `Beta(a, b)` that maximises the marginal
/// likelihood of every user's successes and trials under a beta-binomial, reported as the
/// base rate `m = a / (a + b)` and the prior weight `W = a + b` of `Docs/Math.md`.
///
/// **The fit.** Users are exchangeable draws `theta_i ~ Beta(a, b)`, `k_i ~ Binomial(n_i,
/// theta_i)`. The search maximises `l(a, b) = sum_i ln B(k_i + a, n_i - k_i + b) - ln B(a, b)`
/// (evaluated exactly through ``BetaBinomialCounts``) over `x = logit m` and `y = ln W` by
/// Newton's method with a backtracking line search, from the pooled rate and `W = 2`, with
/// `W` kept in ``priorWeightBounds``. A population without overdispersion has its maximum
/// at `W = infinity` (every user shares one rate): the fit stops at the upper bound and says
/// so in ``isAtWeightBound``. Pinned against SciPy (`Scripts/reference/betabinom_fit.py`).
///
/// ```swift
/// let prior = try BetaBinomialFit(fitting: counts)
/// let definition = try BeliefDefinition.binary("mastery", statement: "…", baseRate: prior.baseRate)
/// ```
public struct BetaBinomialFit: Sendable, Hashable, Codable {
  /// The range `W` is searched in, as in the SciPy reference.
  public static let priorWeightBounds: ClosedRange<Double> = 1e-3...1e6

  /// The fitted base rate `m = a / (a + b)`.
  public let baseRate: Double
  /// The fitted prior weight `W = a + b`.
  public let priorWeight: Double
  /// `sum_i ln BetaBinomial(k_i; n_i, a, b)` at the fit, binomial coefficients included.
  public let logLikelihood: Double
  /// The users the fit saw (those with at least one trial).
  public let users: Int
  /// Whether `W` stopped at the top of ``priorWeightBounds`` (no overdispersion found).
  public let isAtWeightBound: Bool

  /// The fitted `a = m W`.
  public var alpha: Double { baseRate * priorWeight }
  /// The fitted `b = (1 - m) W`.
  public var beta: Double { (1 - baseRate) * priorWeight }

  /// Fits `counts`.
  ///
  /// - Throws: ``ModelError/undefined(quantity:reason:)`` for an empty population (no user
  ///   with a trial) or a degenerate one (every outcome a success, or every one a failure:
  ///   no finite maximum exists).
  public init(fitting counts: BetaBinomialCounts) throws(ModelError) {
    guard counts.users > 0 else {
      throw .undefined(quantity: "a population prior", reason: "no user has a trial")
    }
    guard counts.successes > 0, counts.successes < counts.trials else {
      let which = counts.successes == 0 ? "a failure" : "a success"
      throw .undefined(
        quantity: "a population prior",
        reason:
          "every one of the \(counts.trials) outcomes is \(which): the likelihood has no maximum")
    }
    var objective = BetaBinomialObjective(counts)
    let pooled = Double(counts.successes) / Double(counts.trials)
    let (x, y) = objective.maximise(from: (log(pooled / (1 - pooled)), log(2)))
    baseRate = 1 / (1 + exp(-x))
    isAtWeightBound = y >= log(Self.priorWeightBounds.upperBound) - 1e-9
    priorWeight = isAtWeightBound ? Self.priorWeightBounds.upperBound : exp(y)
    logLikelihood = objective.value(x, y) + counts.logBinomialCoefficients
    users = counts.users
  }
}
