import Foundation

/// The natural logarithm of the gamma function, `log Γ(x)`, for `x > 0`.
///
/// Pure and thread-safe: it never calls the C `lgamma`, which writes the process-wide `signgam`
/// and is therefore a data race when called from several tasks at once.
///
/// - Below 0.5 it uses the recurrence `log Γ(x) = log Γ(x + 1) - log x`.
/// - From 0.5 to 10 it uses the Lanczos approximation with g = 7 and nine coefficients.
/// - From 10 up it uses Stirling's series with eight correction terms (`stirlingCorrection(_:)`).
///
/// The error is about 1e-15 relative to `max(1, |log Γ(x)|)`.
///
/// - Parameter x: A positive finite number (checked with a precondition).
/// - Returns: `log Γ(x)`.
func logGamma(_ x: Double) -> Double {
  precondition(x > 0 && x.isFinite, "logGamma needs a positive finite argument, got \(x)")
  if x < 0.5 { return logGamma(x + 1) - log(x) }
  if x < 10 { return lanczosLogGamma(x) }
  return (x - 0.5) * log(x) - x + logSquareRootOfTwoPi + stirlingCorrection(x)
}

/// The natural logarithm of the beta function, `log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b)`.
///
/// For large arguments the three gamma terms are combined analytically (as in R's `lbeta`) so
/// that their large, nearly cancelling parts never meet in floating point.
///
/// - Parameters:
///   - a: A positive finite number.
///   - b: A positive finite number.
/// - Returns: `log B(a, b)`.
func logBeta(_ a: Double, _ b: Double) -> Double {
  let p = min(a, b)
  let q = max(a, b)
  let sum = p + q
  if p >= 10 {
    let correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(sum)
    return -0.5 * log(q) + logSquareRootOfTwoPi + correction + (p - 0.5) * log(p / sum)
      + q * log1p(-p / sum)
  }
  if q >= 10 {
    let correction = stirlingCorrection(q) - stirlingCorrection(sum)
    return logGamma(p) + correction + p - p * log(sum) + (q - 0.5) * log1p(-p / sum)
  }
  return logGamma(p) + logGamma(q) - logGamma(sum)
}

/// `log Γ(x) - ((x - 1/2) log x - x + log √(2π))` for `x >= 10`, from Stirling's series
/// `Σ B₂ₖ / (2k (2k - 1) x^(2k-1))`, k = 1...8 (error below 2e-18).
func stirlingCorrection(_ x: Double) -> Double {
  let z = 1 / (x * x)
  var series = -3617.0 / 122_400
  series = series * z + 1.0 / 156
  series = series * z - 691.0 / 360_360
  series = series * z + 1.0 / 1188
  series = series * z - 1.0 / 1680
  series = series * z + 1.0 / 1260
  series = series * z - 1.0 / 360
  series = series * z + 1.0 / 12
  return series / x
}

/// `log √(2π)`.
let logSquareRootOfTwoPi = 0.918_938_533_204_672_741_78

/// Lanczos coefficients for g = 7, n = 9.
private let lanczosCoefficients: [Double] = [
  0.999_999_999_999_809_93,
  676.520_368_121_885_1,
  -1259.139_216_722_402_8,
  771.323_428_777_653_13,
  -176.615_029_162_140_59,
  12.507_343_278_686_905,
  -0.138_571_095_265_720_12,
  9.984_369_578_019_571_6e-6,
  1.505_632_735_149_311_6e-7,
]

private func lanczosLogGamma(_ x: Double) -> Double {
  let z = x - 1
  var series = lanczosCoefficients[0]
  for index in 1..<lanczosCoefficients.count {
    series += lanczosCoefficients[index] / (z + Double(index))
  }
  let t = z + 7.5
  return logSquareRootOfTwoPi + (z + 0.5) * log(t) - t + log(series)
}
