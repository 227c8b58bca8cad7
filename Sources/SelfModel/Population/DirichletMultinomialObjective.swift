import Foundation

/// The marginal log likelihood of a Dirichlet-multinomial population in `u_k = ln a_k`, its
/// gradient and Hessian, and the Newton search that maximises it; over whole-number counts
/// (``DirichletMultinomialCounts``) or decayed fractional ones (``FractionalCounts``).
struct DirichletMultinomialObjective<Table: MarginalLikelihoodTable> {
  private let countsAbove: [Table]
  private let trialsAbove: Table
  private let bounds = BetaBinomialFit.priorWeightBounds
  private let tolerance: Double

  init(counts: [Table], trials: Table, users: Int) {
    countsAbove = counts
    trialsAbove = trials
    tolerance = 1e-10 * Double(max(users, 1))
  }

  /// `l = sum_k sum_i [ln Gamma(x_ik + a_k) - ln Gamma(a_k)] - sum_i [ln Gamma(n_i + W) -
  /// ln Gamma(W)]`; for whole numbers `sum_k sum_j C_kj ln(a_k + j) - sum_j N_j ln(W + j)`.
  func value(_ a: [Double]) -> Double {
    var total = 0.0
    for (k, above) in countsAbove.enumerated() { above.add(to: &total, at: a[k]) }
    trialsAbove.subtract(from: &total, at: a.reduce(0, +))
    return total
  }

  /// Sums over a table: for whole numbers `sum_j C_j / (x + j)` and `sum_j C_j / (x + j)^2`.
  private static func sums(_ above: Table, at x: Double) -> (Double, Double) {
    above.sums(at: x)
  }

  /// The gradient in `u = ln a` and the Hessian's parts: `H = diag(d) + r a a^T`.
  func derivatives(_ a: [Double]) -> (gradient: [Double], diagonal: [Double], r: Double) {
    let (t, r) = Self.sums(trialsAbove, at: a.reduce(0, +))
    var gradient = a
    var diagonal = a
    for k in a.indices {
      let (s, q) = Self.sums(countsAbove[k], at: a[k])
      gradient[k] = a[k] * (s - t)
      diagonal[k] = gradient[k] - a[k] * a[k] * q
    }
    return (gradient, diagonal, r)
  }

  /// Newton's method on `u = ln a` with a backtracking line search; `W` kept in bounds by
  /// rescaling `a` (which keeps the base rates). At the upper bound the base rates are then
  /// polished with `W` fixed.
  func maximise(from start: [Double]) -> [Double] {
    var a = start
    var current = value(a)
    for _ in 0..<300 {
      let (gradient, diagonal, r) = derivatives(a)
      if gradient.allSatisfy({ abs($0) < tolerance }) { break }
      let step = Self.newtonStep(gradient: gradient, diagonal: diagonal, r: r, a: a) ?? gradient
      guard let next = lineSearch(a, step: step, current: current) else { break }
      (a, current) = next
      if a.reduce(0, +) >= bounds.upperBound * (1 - 1e-12) { return polishAtUpperBound(a) }
    }
    return a
  }

  private func lineSearch(_ a: [Double], step: [Double], current: Double) -> ([Double], Double)? {
    var scale = 1.0
    while scale > 1e-12 {
      var candidate = zip(a, step).map { $0 * exp(scale * $1) }
      let w = candidate.reduce(0, +)
      let clamped = min(max(w, bounds.lowerBound), bounds.upperBound)
      if clamped != w { candidate = candidate.map { $0 * clamped / w } }
      let score = value(candidate)
      if score > current { return (candidate, score) }
      scale /= 2
    }
    return nil
  }

  /// Solves `H step = -g` for `H = diag(d) + r a a^T` by Sherman-Morrison, or `nil` when `H`
  /// is not negative definite (then the caller climbs the gradient).
  static func newtonStep(gradient: [Double], diagonal: [Double], r: Double, a: [Double])
    -> [Double]?
  {
    guard diagonal.allSatisfy({ $0 < 0 }) else { return nil }
    // H^{-1} v = D^{-1} v - D^{-1} a (r a^T D^{-1} v) / (1 + r a^T D^{-1} a)
    let dInvG = zip(gradient, diagonal).map { $0 / $1 }
    let dInvA = zip(a, diagonal).map { $0 / $1 }
    let aDInvA = zip(a, dInvA).map { $0 * $1 }.reduce(0, +)
    let aDInvG = zip(a, dInvG).map { $0 * $1 }.reduce(0, +)
    let denominator = 1 + r * aDInvA
    // Negative definite iff D < 0 and 1 + r a^T D^{-1} a > 0 (r >= 0).
    guard denominator > 0 else { return nil }
    return zip(dInvG, dInvA).map { -($0 - $1 * r * aDInvG / denominator) }
  }

  /// With `W` at its upper bound, the base rates that maximise the likelihood at that `W`:
  /// Minka's fixed point `m_k <- m_k S_k / sum_l m_l S_l`, `S_k = sum_j C_kj / (m_k W + j)`.
  ///
  /// It stops when a step changes no rate by `1e-15`, or changes them no less than the step
  /// before: the iteration contracts, so a step that does not shrink the change is rounding
  /// noise. (Decayed counts' `S_k` is `psi(x + a) - psi(a)` at `a` near `1e6`, a difference
  /// of two numbers near 14 that is good to about `1e-9` relative: their fixed point never
  /// got within `1e-15` and ran all 200 steps, most of benchmark B11d's fit.)
  private func polishAtUpperBound(_ start: [Double]) -> [Double] {
    let w = bounds.upperBound
    var m = start.map { $0 / start.reduce(0, +) }
    var previous = Double.infinity
    for _ in 0..<200 {
      let weighted = m.indices.map { m[$0] * countsAbove[$0].firstSum(at: m[$0] * w) }
      let total = weighted.reduce(0, +)
      let next = weighted.map { $0 / total }
      let change = zip(next, m).map { abs($0 - $1) }.max() ?? 0
      m = next
      if change < 1e-15 || change >= previous { break }
      previous = change
    }
    return m.map { $0 * w }
  }
}
