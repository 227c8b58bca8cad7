import Foundation

// MARK: - Large shapes

extension IncompleteBeta {
  /// The largest shape the exact solver is used for. Its continued fraction takes about
  /// `√max(a, b)` steps per evaluation and the solver at most 200 evaluations, so this bounds
  /// one quantile to about 200,000 steps whatever the shapes.
  static var largeShape: Double { 1e6 }

  /// The quantile for `max(a, b) > largeShape`, in bounded time (see `Docs/Math.md`).
  ///
  /// - Both shapes above ``largeShape``: the Cornish-Fisher expansion to the skewness term,
  ///   `x = μ + σ (z + γ (z² - 1) / 6)`, with `μ = a / (a + b)`,
  ///   `σ² = ab / ((a + b)² (a + b + 1))`, `γ = 2 (b - a) √(a + b + 1) / ((a + b + 2) √(ab))`
  ///   and `z` the standard normal quantile. Against SciPy: within 1.2e-5 σ.
  /// - One shape at most ``largeShape`` (say `a`, so `x` is small): `x ≈ x' (a + L) / (a + b)`
  ///   where `x'` is the exact quantile of Beta(a, L), `L = largeShape`: both tend to a Gamma(a)
  ///   variable over their second shape. Against SciPy: relative error in the small tail within
  ///   2e-5 for `a ≤ 50` and 1.4e-3 as `a` nears `L`.
  static func largeShapeQuantile(p: Double, q: Double, a: Double, b: Double)
    -> (x: Double, y: Double)
  {
    let large = largeShape
    if min(a, b) > large {
      let z = p <= q ? -standardNormalUpperQuantile(p) : standardNormalUpperQuantile(q)
      let sum = a + b
      let sigma = (a * b / (sum * sum * (sum + 1))).squareRoot()
      let skew = 2 * (b - a) * (sum + 1).squareRoot() / ((sum + 2) * (a * b).squareRoot())
      let shift = sigma * (z + skew * (z * z - 1) / 6)
      let x = min(max(a / sum + shift, 0), 1)
      let y = min(max(b / sum - shift, 0), 1)
      return (x, y)
    }
    if a <= b {
      let reduced = quantile(p: p, q: q, a: a, b: large).x
      let x = min(reduced * (a + large) / (a + b), 1)
      return (x, 1 - x)
    }
    let reduced = quantile(p: q, q: p, a: b, b: large).x
    let y = min(reduced * (b + large) / (a + b), 1)
    return (1 - y, y)
  }

  /// The `z` with `P(Z > z) = tail` for a standard normal `Z`, `tail` in `(0, 1)`: Acklam's
  /// rational approximation (relative error 1.2e-9) refined by one Halley step on `erfc`.
  static func standardNormalUpperQuantile(_ tail: Double) -> Double {
    let p = min(max(tail, Double.leastNormalMagnitude), 1 - Double.ulpOfOne)
    var z = -acklam(p)
    let error = 0.5 * erfc(z / 2.0.squareRoot()) - p
    let u = -error * (2 * Double.pi).squareRoot() * exp(z * z / 2)
    z -= u / (1 + z * u / 2)
    return z
  }

  /// Acklam's approximation of the lower-tail standard normal quantile of `p`.
  private static func acklam(_ p: Double) -> Double {
    let a = [
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    let b = [
      -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
      6.680131188771972e+01, -1.328068155288572e+01,
    ]
    let c = [
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]
    let d = [
      7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
      3.754408661907416e+00,
    ]
    func tailValue(_ r: Double) -> Double {
      let s = (-2 * log(r)).squareRoot()
      return (((((c[0] * s + c[1]) * s + c[2]) * s + c[3]) * s + c[4]) * s + c[5])
        / ((((d[0] * s + d[1]) * s + d[2]) * s + d[3]) * s + 1)
    }
    if p < 0.02425 { return tailValue(p) }
    if p > 1 - 0.02425 { return -tailValue(1 - p) }
    let r = p - 0.5
    let s = r * r
    return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r
      / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1)
  }
}
