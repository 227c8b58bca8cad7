import Foundation

/// One table of a Dirichlet-multinomial marginal likelihood: what the users' counts of one
/// outcome (or their trials) add to `l(a)` as a function of one parameter `a`,
/// `sum_i [ln Gamma(x_i + a) - ln Gamma(a)]`, and its first two derivatives.
///
/// Whole-number counts (``IntegerCountTable``) evaluate it as `sum_j A_j ln(a + j)` over the
/// users with more than `j`; decayed, fractional counts (``FractionalCountTable``) through
/// `ln Gamma`, digamma and trigamma. ``DirichletMultinomialObjective`` is written once over
/// either.
protocol MarginalLikelihoodTable: Sendable {
  /// `total += sum_i [ln Gamma(x_i + a) - ln Gamma(a)]`.
  func add(to total: inout Double, at a: Double)
  /// `total -= sum_i [ln Gamma(x_i + a) - ln Gamma(a)]`.
  func subtract(from total: inout Double, at a: Double)
  /// `(sum_i [psi(x_i + a) - psi(a)], sum_i [psi'(a) - psi'(x_i + a)])`: the derivative of
  /// the table's term in `a`, and minus its second derivative.
  func sums(at a: Double) -> (Double, Double)
  /// The first of ``sums(at:)`` alone, bit for bit (what a fixed point on the base rates
  /// needs, without the second derivative's terms).
  func firstSum(at a: Double) -> Double
}

/// Whole-number counts as `A_j`, the users with more than `j` (``BetaBinomialCounts/above(_:)``):
/// `ln Gamma(x + a) - ln Gamma(a) = sum_{j<x} ln(a + j)`, exactly.
struct IntegerCountTable: MarginalLikelihoodTable {
  let above: [Double]

  func add(to total: inout Double, at a: Double) {
    for (j, count) in above.enumerated() where count > 0 { total += count * log(a + Double(j)) }
  }

  func subtract(from total: inout Double, at a: Double) {
    for (j, count) in above.enumerated() where count > 0 { total -= count * log(a + Double(j)) }
  }

  func sums(at a: Double) -> (Double, Double) {
    var (first, second) = (0.0, 0.0)
    for (j, count) in above.enumerated() where count > 0 {
      let inverse = 1 / (a + Double(j))
      first += count * inverse
      second += count * inverse * inverse
    }
    return (first, second)
  }

  func firstSum(at a: Double) -> Double {
    var first = 0.0
    for (j, count) in above.enumerated() where count > 0 { first += count * (1 / (a + Double(j))) }
    return first
  }
}

/// Fractional counts as their distinct values and how many users had each: the
/// Dirichlet-multinomial's Gamma form, `ln Gamma(x + a) - ln Gamma(a)`, which is defined for
/// every real `x >= 0` and equals the whole-number form at whole numbers.
struct FractionalCountTable: MarginalLikelihoodTable {
  /// Distinct positive counts, ascending.
  let values: [Double]
  /// The users with each.
  let users: [Double]

  func add(to total: inout Double, at a: Double) {
    total += logRising(at: a)
  }

  func subtract(from total: inout Double, at a: Double) {
    total -= logRising(at: a)
  }

  private func logRising(at a: Double) -> Double {
    let base = logGamma(a)
    var sum = 0.0
    for (x, count) in zip(values, users) { sum += count * (logGamma(x + a) - base) }
    return sum
  }

  func sums(at a: Double) -> (Double, Double) {
    let (psi, psiPrime) = (digamma(a), trigamma(a))
    var (first, second) = (0.0, 0.0)
    for (x, count) in zip(values, users) {
      first += count * (digamma(x + a) - psi)
      second += count * (psiPrime - trigamma(x + a))
    }
    return (first, second)
  }

  func firstSum(at a: Double) -> Double {
    let psi = digamma(a)
    var first = 0.0
    for (x, count) in zip(values, users) { first += count * (digamma(x + a) - psi) }
    return first
  }
}
