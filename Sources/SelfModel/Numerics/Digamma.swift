import Foundation

/// The digamma function `psi(x) = d/dx ln Gamma(x)` for `x > 0`: the recurrence
/// `psi(x) = psi(x + 1) - 1/x` up to `x >= 10`, then the asymptotic series
/// `ln x - 1/(2x) - sum_k B_2k / (2k x^(2k))` (seven terms; error below 1e-15 there).
///
/// - Parameter x: A positive finite number (checked with a precondition).
/// - Returns: `psi(x)`.
func digamma(_ x: Double) -> Double {
  precondition(x > 0 && x.isFinite, "digamma needs a positive finite argument, got \(x)")
  var shift = 0.0
  var y = x
  while y < 10 {
    shift -= 1 / y
    y += 1
  }
  let z = 1 / (y * y)
  var series = 691.0 / 32_760 - z / 12
  series = -1.0 / 132 + z * series
  series = 1.0 / 240 + z * series
  series = -1.0 / 252 + z * series
  series = 1.0 / 120 + z * series
  series = -1.0 / 12 + z * series
  // series = -1/12 + z/120 - z^2/252 + z^3/240 - z^4/132 + z^5 691/32760 - z^6/12
  return shift + log(y) - 0.5 / y + z * series
}

/// The trigamma function `psi'(x)` for `x > 0`: the recurrence `psi'(x) = psi'(x + 1) + 1/x^2`
/// up to `x >= 10`, then `1/x + 1/(2x^2) + sum_k B_2k / x^(2k+1)` (error below 1e-15 there).
///
/// - Parameter x: A positive finite number (checked with a precondition).
/// - Returns: `psi'(x)`.
func trigamma(_ x: Double) -> Double {
  precondition(x > 0 && x.isFinite, "trigamma needs a positive finite argument, got \(x)")
  var shift = 0.0
  var y = x
  while y < 10 {
    shift += 1 / (y * y)
    y += 1
  }
  let z = 1 / (y * y)
  // 1/6 - 1/(30 y^2) + 1/(42 y^4) - 1/(30 y^6) + 5/(66 y^8) - 691/(2730 y^10) + 7/(6 y^12)
  var series = 5.0 / 66 + z * (-691.0 / 2_730 + z * 7.0 / 6)
  series = -1.0 / 30 + z * series
  series = 1.0 / 42 + z * series
  series = -1.0 / 30 + z * series
  series = 1.0 / 6 + z * series
  return shift + 1 / y + 0.5 * z + z / y * series
}
