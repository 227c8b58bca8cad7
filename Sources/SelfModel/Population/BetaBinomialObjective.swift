import Foundation

/// The marginal log likelihood of a ``BetaBinomialCounts`` in `x = logit m`, `y = ln W`, its
/// gradient, and the Newton search that maximises it.
struct BetaBinomialObjective {
  private let successesAbove: [Double]
  private let failuresAbove: [Double]
  private let trialsAbove: [Double]
  private let lowerY = log(BetaBinomialFit.priorWeightBounds.lowerBound)
  private let upperY = log(BetaBinomialFit.priorWeightBounds.upperBound)

  init(_ counts: BetaBinomialCounts) {
    successesAbove = BetaBinomialCounts.above(counts.bySuccesses)
    failuresAbove = BetaBinomialCounts.above(counts.byFailures)
    trialsAbove = BetaBinomialCounts.above(counts.byTrials)
  }

  /// `l = sum_j A_j ln(a+j) + B_j ln(b+j) - N_j ln(W+j)`.
  func value(_ x: Double, _ y: Double) -> Double {
    let (a, b, w) = Self.parameters(x, y)
    var total = 0.0
    for (j, count) in successesAbove.enumerated() where count > 0 {
      total += count * log(a + Double(j))
    }
    for (j, count) in failuresAbove.enumerated() where count > 0 {
      total += count * log(b + Double(j))
    }
    for (j, count) in trialsAbove.enumerated() where count > 0 {
      total -= count * log(w + Double(j))
    }
    return total
  }

  /// `(dl/dx, dl/dy)`.
  func gradient(_ x: Double, _ y: Double) -> (Double, Double) {
    let (a, b, w) = Self.parameters(x, y)
    var (la, lb, lw) = (0.0, 0.0, 0.0)
    for (j, count) in successesAbove.enumerated() where count > 0 { la += count / (a + Double(j)) }
    for (j, count) in failuresAbove.enumerated() where count > 0 { lb += count / (b + Double(j)) }
    for (j, count) in trialsAbove.enumerated() where count > 0 { lw += count / (w + Double(j)) }
    let m = a / w
    // a = m W, b = (1 - m) W: da/dx = W m (1 - m) = -db/dx; da/dy = a, db/dy = b.
    let gx = w * m * (1 - m) * (la - lb)
    let gy = a * (la - lw) + b * (lb - lw)
    return (gx, gy)
  }

  private static func parameters(_ x: Double, _ y: Double) -> (Double, Double, Double) {
    let m = 1 / (1 + exp(-x))
    let w = exp(y)
    return (m * w, (1 - m) * w, w)
  }

  /// Newton's method with a central-difference Hessian of the analytic gradient and a
  /// backtracking line search; `y` is kept in bounds (at a bound only `x` moves).
  mutating func maximise(from start: (Double, Double)) -> (Double, Double) {
    var (x, y) = start
    var current = value(x, y)
    for _ in 0..<200 {
      let (step, isConverged) = newtonStep(x, y)
      if isConverged { break }
      var scale = 1.0
      var moved = false
      while scale > 1e-12 {
        let nx = x + scale * step.0
        let ny = min(max(y + scale * step.1, lowerY), upperY)
        let candidate = value(nx, ny)
        if candidate > current {
          (x, y, current) = (nx, ny, candidate)
          moved = true
          break
        }
        scale /= 2
      }
      if !moved { break }
    }
    return (x, y)
  }

  /// The ascent step at `(x, y)`: Newton's where the Hessian is negative definite, else the
  /// gradient's; `y` frozen when it sits at a bound the gradient pushes past.
  private func newtonStep(_ x: Double, _ y: Double) -> ((Double, Double), Bool) {
    let (gx, gy0) = gradient(x, y)
    let frozen = (y >= upperY && gy0 > 0) || (y <= lowerY && gy0 < 0)
    let gy = frozen ? 0 : gy0
    if abs(gx) < 1e-10 && abs(gy) < 1e-10 { return ((0, 0), true) }
    let h = 1e-5
    let (gxx1, gyx1) = gradient(x + h, y)
    let (gxx0, gyx0) = gradient(x - h, y)
    let (gxy1, gyy1) = gradient(x, y + h)
    let (gxy0, gyy0) = gradient(x, y - h)
    let hxx = (gxx1 - gxx0) / (2 * h)
    let hyy = (gyy1 - gyy0) / (2 * h)
    let hxy = ((gyx1 - gyx0) + (gxy1 - gxy0)) / (4 * h)
    if frozen {
      return (hxx < 0 ? (-gx / hxx, 0) : (gx, 0), false)
    }
    let determinant = hxx * hyy - hxy * hxy
    guard hxx < 0, determinant > 0 else { return ((gx, gy), false) }
    let dx = (-hyy * gx + hxy * gy) / determinant
    let dy = (hxy * gx - hxx * gy) / determinant
    return ((dx, dy), false)
  }
}
