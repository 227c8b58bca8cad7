import Foundation

/// `ln n!`, from a table for small `n` (the counts of one user are mostly small, and the
/// population fit takes three per user and belief).
enum LogFactorial {
  private static let table: [Double] = {
    var values = [0.0]
    for n in 1..<1_024 { values.append(values[n - 1] + log(Double(n))) }
    return values
  }()

  static func of(_ n: Int) -> Double {
    n < table.count ? table[n] : logGamma(Double(n) + 1)
  }
}
