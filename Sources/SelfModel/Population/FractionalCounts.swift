import Foundation

/// What a fit of decayed counts needs of a population, gathered one user at a time: for each
/// outcome, how many users had each (fractional) count, and how many had each total.
///
/// A user's counts are rounded to multiples of ``unit`` (`2^-10` trial) when added, so the
/// tables are integer histograms keyed by multiples of the unit, every sum is exact, and pages
/// counted apart merge to the same bits in any order. Memory grows with the number of distinct
/// counts, never with the number of users; the histograms are ``UnitHistogram``s, read back in
/// key order. The likelihood is the Dirichlet-multinomial's in its Gamma form
/// (``FractionalCountTable``).
struct FractionalCounts: Sendable {
  /// The resolution of a count: `2^-10` trial.
  static let unit = 0x1p-10

  /// The number of outcomes.
  let outcomeCount: Int
  /// Users with a positive count (after rounding).
  private(set) var users = 0
  /// Per outcome, the sum of every user's count, in units.
  private(set) var totalUnits: [Int]
  /// Per outcome: users by exact count in units (positive counts only).
  private(set) var byCount: [UnitHistogram]
  /// Users by exact total in units.
  private(set) var byTrials = UnitHistogram()

  init(outcomes: Int) {
    outcomeCount = outcomes
    totalUnits = Array(repeating: 0, count: outcomes)
    byCount = Array(repeating: UnitHistogram(), count: outcomes)
  }

  /// Per outcome, the sum of every user's count, in trials.
  var totals: [Double] { totalUnits.map { Double($0) * Self.unit } }
  /// The sum of every user's counts, in trials.
  var trials: Double { Double(totalUnits.reduce(0, +)) * Self.unit }

  /// Adds one user's decayed count per outcome (each finite, `0...maximumTrials`); a user whose
  /// counts round to 0 is skipped.
  mutating func add(_ counts: ArraySlice<Double>) {
    var n = 0
    for count in counts { n += Self.units(count) }
    guard n > 0 else { return }
    for (k, count) in zip(0..<outcomeCount, counts) {
      let units = Self.units(count)
      guard units > 0 else { continue }
      byCount[k].add(units)
      totalUnits[k] += units
    }
    byTrials.add(n)
    users += 1
  }

  /// `count` in units, rounded to the nearest.
  private static func units(_ count: Double) -> Int { Int((count / unit).rounded()) }

  /// Adds every user counted in `other` (the same number of outcomes).
  mutating func merge(_ other: FractionalCounts) {
    for k in 0..<outcomeCount {
      byCount[k].merge(other.byCount[k])
      totalUnits[k] += other.totalUnits[k]
    }
    byTrials.merge(other.byTrials)
    users += other.users
  }

  /// The table of one histogram, values ascending.
  private static func table(_ histogram: UnitHistogram) -> FractionalCountTable {
    let entries = histogram.entries
    return FractionalCountTable(
      values: entries.map { Double($0.key) * unit }, users: entries.map { Double($0.users) })
  }

  /// The objective of these counts.
  var objective: DirichletMultinomialObjective<FractionalCountTable> {
    DirichletMultinomialObjective(
      counts: byCount.map(Self.table), trials: Self.table(byTrials), users: users)
  }

  /// `sum_i [ln Gamma(n_i + 1) - sum_k ln Gamma(x_ik + 1)]`, the multinomial coefficients'
  /// Gamma form, summed in key order.
  var logMultinomialCoefficients: Double {
    var total = 0.0
    for (key, users) in byTrials.entries {
      total += Double(users) * logGamma(Double(key) * Self.unit + 1)
    }
    for histogram in byCount {
      for (key, users) in histogram.entries {
        total -= Double(users) * logGamma(Double(key) * Self.unit + 1)
      }
    }
    return total
  }

  /// The first outcome with every unit or none, if any.
  var degenerateOutcome: Int? {
    let n = totalUnits.reduce(0, +)
    if let every = totalUnits.firstIndex(of: n) { return every }
    return totalUnits.firstIndex(of: 0)
  }
}
