import Foundation

/// The standard normal distribution's quantile function `Phi^-1(p)` for `p` in `(0, 1)`:
/// Acklam's rational approximation (relative error below 1.2e-9) polished by one Halley step
/// on `Phi(x) = erfc(-x / sqrt 2) / 2`, which brings it to about 1e-15.
///
/// - Parameter p: A probability strictly between 0 and 1 (checked with a precondition).
/// - Returns: The `x` with `Phi(x) = p`.
func normalQuantile(_ p: Double) -> Double {
  precondition(p > 0 && p < 1, "normalQuantile needs 0 < p < 1, got \(p)")
  let low = 0.024_25
  let x: Double
  if p < low {
    let q = (-2 * log(p)).squareRoot()
    x = acklamTail(q)
  } else if p > 1 - low {
    let q = (-2 * log1p(-p)).squareRoot()
    x = -acklamTail(q)
  } else {
    let q = p - 0.5
    let r = q * q
    let a = [
      -39.696_830_286_653_76, 220.946_098_424_520_5, -275.928_510_446_968_7,
      138.357_751_867_269_0, -30.664_798_066_147_16, 2.506_628_277_459_239,
    ]
    let b = [
      -54.476_098_798_224_06, 161.585_836_858_040_9, -155.698_979_859_886_6,
      66.801_311_887_719_72, -13.280_681_552_885_72,
    ]
    let numerator = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
    let denominator = ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1
    x = numerator / denominator
  }
  // One Halley step: e = Phi(x) - p, u = e sqrt(2 pi) exp(x^2 / 2).
  let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
  let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
  return x - u / (1 + x * u / 2)
}

/// Acklam's lower-tail approximation at `q = sqrt(-2 ln p)`.
private func acklamTail(_ q: Double) -> Double {
  let c = [
    -0.007_784_894_002_430_293, -0.322_396_458_041_136_5, -2.400_758_277_161_838,
    -2.549_732_539_343_734, 4.374_664_141_464_968, 2.938_163_982_698_783,
  ]
  let d = [
    0.007_784_695_709_041_462, 0.322_467_129_070_039_8, 2.445_134_137_142_996,
    3.754_408_661_907_416,
  ]
  let numerator = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
  let denominator = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
  return numerator / denominator
}
