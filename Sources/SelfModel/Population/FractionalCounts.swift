import Foundation

/// What a fit of decayed counts needs of a population, gathered one user at a time: for each
/// outcome, how many users had each (fractional) count, and how many had each total.
///
/// A user's counts are rounded to multiples of ``unit`` (`2^-4` trial) when added, so the
/// tables are integer histograms keyed by multiples of the unit, every sum is exact, and pages
/// counted apart merge to the same bits in any order. Memory grows with the number of distinct
/// counts, never with the number of users; the histograms share one ``UnitHistogram``, read
/// back in key order. The likelihood is the Dirichlet-multinomial's in its Gamma form
/// (``FractionalCountTable``).
struct FractionalCounts: Sendable {
  /// The resolution of a count: `2^-4` trial. Coarse on purpose: with `2^-10` a table of
  /// three items per user held hundreds of distinct counts, and counting and fitting them
  /// was most of the decayed fit's cost (benchmark B11d); the fit stays within the tolerance
  /// of `Docs/Population.md` ("Priors that forget") of the exact one
  /// (`DecayedResolutionTests`).
  static let unit = 0x1p-4

  /// The number of outcomes.
  let outcomeCount: Int
  /// One table for everything: header counter `k` is outcome `k`'s sum of every user's
  /// count, in units, and counter `outcomeCount` the users with a positive count (after
  /// rounding); key `u (outcomeCount + 1) + k` counts the users whose count of outcome `k` is
  /// `u` units (positive counts only), key `u (outcomeCount + 1) + outcomeCount` those whose
  /// total is `u`. One table instead of one per outcome and one for totals: adding a user
  /// touches one heap object (benchmark B11d).
  private var table: UnitHistogram

  init(outcomes: Int) {
    outcomeCount = outcomes
    table = UnitHistogram(header: outcomes + 1)
  }

  /// Users with a positive count (after rounding).
  var users: Int { table.header(outcomeCount) }
  /// Per outcome, the sum of every user's count, in units.
  var totalUnits: [Int] { (0..<outcomeCount).map(table.header) }
  /// Per outcome, the sum of every user's count, in trials.
  var totals: [Double] { totalUnits.map { Double($0) * Self.unit } }
  /// The sum of every user's counts, in trials.
  var trials: Double { Double(totalUnits.reduce(0, +)) * Self.unit }

  /// Adds one user's decayed count per outcome (each finite, `0...maximumTrials`, one per
  /// outcome); a user whose counts round to 0 is skipped.
  mutating func add(_ counts: ArraySlice<Double>) {
    let stride = outcomeCount + 1
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * stride) { scratch in
      var n = 0
      var keys = 0
      for (k, count) in zip(0..<outcomeCount, counts) {
        let units = Self.units(count)
        scratch[stride + k] = units
        n += units
        if units > 0 {
          scratch[keys] = units * stride + k
          keys += 1
        }
      }
      guard n > 0 else { return }
      scratch[keys] = n * stride + outcomeCount
      scratch[stride + outcomeCount] = 1
      table.add(
        keys: UnsafeBufferPointer(rebasing: scratch[0...keys]),
        header: UnsafeBufferPointer(rebasing: scratch[stride..<2 * stride]))
    }
  }

  /// `count` (at least 0) in units, rounded to the nearest, halves up: the truncation of
  /// `count / unit + 0.5`, which needs no call to `round` (the counting loop's hot path).
  private static func units(_ count: Double) -> Int { Int(count / unit + 0.5) }

  /// Adds every user counted in `other` (the same number of outcomes).
  mutating func merge(_ other: FractionalCounts) {
    table.merge(other.table)
  }

  /// The histograms read back, keys ascending: per outcome, then of totals, `(units, users)`.
  private var histograms: [[(units: Int, users: Int)]] {
    let stride = outcomeCount + 1
    var result = Array(repeating: [(units: Int, users: Int)](), count: stride)
    for (key, users) in table.entries { result[key % stride].append((key / stride, users)) }
    return result
  }

  /// The table of one histogram, values ascending.
  private static func table(_ histogram: [(units: Int, users: Int)]) -> FractionalCountTable {
    FractionalCountTable(
      values: histogram.map { Double($0.units) * unit }, users: histogram.map { Double($0.users) })
  }

  /// The objective of these counts.
  var objective: DirichletMultinomialObjective<FractionalCountTable> {
    let histograms = histograms
    return DirichletMultinomialObjective(
      counts: histograms.dropLast().map(Self.table), trials: Self.table(histograms[outcomeCount]),
      users: users)
  }

  /// `sum_i [ln Gamma(n_i + 1) - sum_k ln Gamma(x_ik + 1)]`, the multinomial coefficients'
  /// Gamma form, summed in key order.
  var logMultinomialCoefficients: Double {
    let histograms = histograms
    var total = 0.0
    for (units, users) in histograms[outcomeCount] {
      total += Double(users) * logGamma(Double(units) * Self.unit + 1)
    }
    for histogram in histograms.dropLast() {
      for (units, users) in histogram {
        total -= Double(users) * logGamma(Double(units) * Self.unit + 1)
      }
    }
    return total
  }

  /// The first outcome with every unit or none, if any.
  var degenerateOutcome: Int? {
    let totalUnits = totalUnits
    let n = totalUnits.reduce(0, +)
    if let every = totalUnits.firstIndex(of: n) { return every }
    return totalUnits.firstIndex(of: 0)
  }
}
