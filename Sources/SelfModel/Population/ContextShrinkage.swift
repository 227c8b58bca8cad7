import Foundation

/// Shrinks sibling contexts' pooled rates toward their parent's base rates:
/// `m_c = (K_c + kappa m_p) / (N_c + kappa)`, with `kappa` the concentration of a
/// Dirichlet-multinomial over the contexts (each context one draw with its pooled counts
/// `K_c`) whose mean is fixed at `m_p`, fitted by maximum marginal likelihood in
/// ``concentrationBounds`` (`Docs/Math.md`, "Context priors"). Pinned against
/// `shrink` in `Scripts/reference/dirichlet_multinomial_fit.py`.
enum ContextShrinkage {
  /// The range `kappa` is searched in: at least one pseudo-trial of the parent, as in the
  /// reference.
  static let concentrationBounds: ClosedRange<Double> = 1...1e6

  /// `sum_c [ln Gamma(kappa) - ln Gamma(N_c + kappa) + sum_k (ln Gamma(K_ck + kappa m_k) -
  /// ln Gamma(kappa m_k))]`.
  /// The counts may be fractional (decayed): the Gamma form is defined for any real count.
  static func logLikelihood(_ kappa: Double, children: [[Double]], parent: [Double]) -> Double {
    var total = 0.0
    for counts in children {
      let n = counts.reduce(0, +)
      total += logGamma(kappa) - logGamma(n + kappa)
      for (k, count) in counts.enumerated() where count > 0 {
        let a = kappa * parent[k]
        total += logGamma(count + a) - logGamma(a)
      }
    }
    return total
  }

  /// The maximum-likelihood `kappa`, by golden-section search on `ln kappa` (the likelihood is
  /// smooth in it; the search is bounded like SciPy's `minimize_scalar(method="bounded")`).
  static func concentration(children: [[Double]], parent: [Double]) -> Double {
    let golden = (sqrt(5.0) - 1) / 2
    var low = log(concentrationBounds.lowerBound)
    var high = log(concentrationBounds.upperBound)
    func score(_ x: Double) -> Double { logLikelihood(exp(x), children: children, parent: parent) }
    var x1 = high - golden * (high - low)
    var x2 = low + golden * (high - low)
    var (f1, f2) = (score(x1), score(x2))
    while high - low > 1e-11 {
      if f1 >= f2 {
        (high, x2, f2) = (x2, x1, f1)
        x1 = high - golden * (high - low)
        f1 = score(x1)
      } else {
        (low, x1, f1) = (x1, x2, f2)
        x2 = low + golden * (high - low)
        f2 = score(x2)
      }
    }
    let best = (low + high) / 2
    // The maximum may sit on a bound (the search closes in on it from inside).
    let candidates = [
      log(concentrationBounds.lowerBound), best, log(concentrationBounds.upperBound),
    ]
    return exp(candidates.max { score($0) < score($1) } ?? best)
  }

  /// `(K_c + kappa m_p) / (N_c + kappa)`.
  static func shrunk(_ counts: [Double], toward parent: [Double], concentration kappa: Double)
    -> [Double]
  {
    let n = counts.reduce(0, +)
    return counts.indices.map { (counts[$0] + kappa * parent[$0]) / (n + kappa) }
  }
}
