/// What a Dirichlet-multinomial fit needs of a population, gathered one user at a time: for
/// each outcome `k` and each `j`, how many users had more than `j` trials with outcome `k`, and
/// how many had more than `j` trials in all.
///
/// A user with counts `x_k` (`n = sum_k x_k`) adds `sum_k sum_{j<x_k} ln(a_k + j) -
/// sum_{j<n} ln(W + j)` to the marginal log likelihood (the Dirichlet-multinomial's, without
/// its multinomial coefficient; `W = sum_k a_k`), so these tables determine the likelihood for
/// every `a`. Memory grows with the outcome count times the largest count seen, never with the
/// number of users; two partial counts merge, so pages of users can be counted apart. With two
/// outcomes this is ``BetaBinomialCounts`` (outcome 0 the success).
///
/// ```swift
/// var counts = try DirichletMultinomialCounts(outcomes: 3)
/// try counts.add([2, 0, 1])
/// let prior = try DirichletMultinomialFit(fitting: counts)
/// ```
public struct DirichletMultinomialCounts: Sendable, Hashable, Codable {
  /// The number of outcomes.
  public let outcomeCount: Int
  /// Users with at least one trial.
  public private(set) var users = 0
  /// Trials of each outcome over every user.
  public private(set) var totals: [Int]
  /// Trials over every user.
  public private(set) var trials = 0
  /// `sum ln (n! / prod_k x_k!)` over every user, so the fit can report the full likelihood.
  public var logMultinomialCoefficients: Double { coefficientSum.value }
  /// The coefficients' exact sum (independent of the order users are added in).
  var coefficientSum = FixedPointSum()
  /// Users by exact count, per outcome, and by exact trials.
  var byCount: [[Int]]
  var byTrials: [Int] = []

  /// Creates empty counts.
  ///
  /// - Parameter outcomes: The number of outcomes, at least 2.
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` for fewer than 2.
  public init(outcomes: Int) throws(ModelError) {
    guard outcomes >= 2 else {
      throw .numberOutOfRange(field: "outcomes", value: Double(outcomes), allowed: ">= 2")
    }
    self.init(checkedOutcomes: outcomes)
  }

  /// Empty counts of `outcomes` outcomes, already known to be at least 2.
  private init(checkedOutcomes outcomes: Int) {
    outcomeCount = outcomes
    totals = Array(repeating: 0, count: outcomes)
    byCount = Array(repeating: [], count: outcomes)
  }

  /// Empty counts with as many outcomes as these.
  var emptied: DirichletMultinomialCounts { Self(checkedOutcomes: outcomeCount) }

  /// Adds one user's count of trials per outcome; a user with no trial carries no
  /// information and is skipped.
  ///
  /// - Parameter counts: Trials per outcome, in outcome order.
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` unless there is one count
  ///   per outcome, each at least 0, summing to at most ``BetaBinomialCounts/maximumTrials``;
  ///   nothing is added then.
  public mutating func add(_ counts: [Int]) throws(ModelError) {
    try add(counts[...])
  }

  /// Adds one user's count of trials per outcome, from a slice of a larger table (population
  /// counting keeps every user's counts in one flat array); otherwise the same.
  mutating func add(_ counts: ArraySlice<Int>) throws(ModelError) {
    guard counts.count == outcomeCount else {
      throw .numberOutOfRange(
        field: "outcome counts", value: Double(counts.count), allowed: "\(outcomeCount)")
    }
    var n = 0
    for count in counts {
      guard count >= 0, count <= BetaBinomialCounts.maximumTrials - n else {
        throw .numberOutOfRange(
          field: "outcome count", value: Double(count),
          allowed: "0...\(BetaBinomialCounts.maximumTrials) in all")
      }
      n += count
    }
    guard n > 0 else { return }
    var coefficient = LogFactorial.of(n)
    for (k, count) in zip(0..<outcomeCount, counts) {
      BetaBinomialCounts.increment(&byCount[k], at: count, by: 1)
      totals[k] += count
      coefficient -= LogFactorial.of(count)
    }
    BetaBinomialCounts.increment(&byTrials, at: n, by: 1)
    users += 1
    trials += n
    // At least 0 (a multinomial coefficient is at least 1); max() removes a rounding residue.
    coefficientSum.add(max(coefficient, 0))
  }

  /// Adds one user's counts (already checked: one per outcome, each at least 0, at most
  /// ``BetaBinomialCounts/maximumTrials`` in all) to ``users``, ``totals`` and ``trials``
  /// only, leaving the tables and the coefficients alone: what a decayed population fit
  /// needs of its whole-number counts (it fits the decayed ones), at a fraction of the cost.
  /// Counts kept this way must not be fitted.
  mutating func addTotals(_ counts: ArraySlice<Int>) {
    var n = 0
    for (k, count) in zip(0..<outcomeCount, counts) {
      totals[k] += count
      n += count
    }
    guard n > 0 else { return }
    users += 1
    trials += n
  }

  /// Adds every user counted in `other`.
  ///
  /// - Parameter other: Counts with the same number of outcomes.
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` when the outcome counts
  ///   differ.
  public mutating func merge(_ other: DirichletMultinomialCounts) throws(ModelError) {
    guard other.outcomeCount == outcomeCount else {
      throw .numberOutOfRange(
        field: "outcomes", value: Double(other.outcomeCount), allowed: "\(outcomeCount)")
    }
    for k in 0..<outcomeCount {
      for (index, count) in other.byCount[k].enumerated() where count > 0 {
        BetaBinomialCounts.increment(&byCount[k], at: index, by: count)
      }
      totals[k] += other.totals[k]
    }
    for (index, count) in other.byTrials.enumerated() where count > 0 {
      BetaBinomialCounts.increment(&byTrials, at: index, by: count)
    }
    users += other.users
    trials += other.trials
    coefficientSum.add(other.coefficientSum)
  }

  /// The same users as beta-binomial counts, outcome 0 the success (two outcomes only).
  var betaBinomial: BetaBinomialCounts {
    precondition(outcomeCount == 2, "beta-binomial counts need two outcomes")
    return BetaBinomialCounts(
      users: users, successes: totals[0], trials: trials,
      coefficientSum: coefficientSum, bySuccesses: byCount[0],
      byFailures: byCount[1], byTrials: byTrials)
  }
}
