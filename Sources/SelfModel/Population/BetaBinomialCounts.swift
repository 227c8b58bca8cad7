/// What a beta-binomial fit needs of a population, gathered one user at a time: for each `j`,
/// how many users had more than `j` successes, more than `j` failures and more than `j`
/// trials.
///
/// A user with `k` successes in `n` trials adds `sum_{j<k} ln(a+j) + sum_{j<n-k} ln(b+j) -
/// sum_{j<n} ln(a+b+j)` to the marginal log likelihood (the beta-binomial's, without its
/// binomial coefficient), so these three tables determine the likelihood for every `(a, b)`.
/// Memory grows with the largest trial count seen, never with the number of users, and
/// adding a user is O(1); two partial counts merge, so pages of users can be counted apart.
///
/// ```swift
/// var counts = BetaBinomialCounts()
/// try counts.add(successes: 3, trials: 5)
/// let prior = try BetaBinomialFit(fitting: counts)
/// ```
public struct BetaBinomialCounts: Sendable, Hashable, Codable {
  /// The most trials one user may contribute (the tables grow to this length).
  public static let maximumTrials = 1_000_000

  /// Users with at least one trial.
  public private(set) var users = 0
  /// Successes over every user.
  public private(set) var successes = 0
  /// Trials over every user.
  public private(set) var trials = 0
  /// `sum ln C(n, k)` over every user, so the fit can report the full log likelihood.
  public var logBinomialCoefficients: Double { coefficientSum.value }
  /// The coefficients' exact sum (independent of the order users are added in).
  var coefficientSum = FixedPointSum()
  /// Users by exact successes, failures and trials (suffix sums give the "more than j").
  var bySuccesses: [Int] = []
  var byFailures: [Int] = []
  var byTrials: [Int] = []

  /// Creates empty counts.
  public init() {}

  /// Counts with their tables given (from ``DirichletMultinomialCounts`` of two outcomes).
  init(
    users: Int, successes: Int, trials: Int, coefficientSum: FixedPointSum,
    bySuccesses: [Int], byFailures: [Int], byTrials: [Int]
  ) {
    self.users = users
    self.successes = successes
    self.trials = trials
    self.coefficientSum = coefficientSum
    self.bySuccesses = bySuccesses
    self.byFailures = byFailures
    self.byTrials = byTrials
  }

  /// Adds one user's `successes` out of `trials`; a user with no trial carries no
  /// information and is skipped.
  ///
  /// - Throws: ``ModelError/numberOutOfRange(field:value:allowed:)`` unless
  ///   `0 <= successes <= trials <= maximumTrials`; nothing is added then.
  public mutating func add(successes: Int, trials: Int) throws(ModelError) {
    guard trials >= 0, trials <= Self.maximumTrials else {
      throw .numberOutOfRange(
        field: "trials", value: Double(trials), allowed: "0...\(Self.maximumTrials)")
    }
    guard successes >= 0, successes <= trials else {
      throw .numberOutOfRange(
        field: "successes", value: Double(successes), allowed: "0...\(trials) (the trials)")
    }
    guard trials > 0 else { return }
    Self.increment(&bySuccesses, at: successes, by: 1)
    Self.increment(&byFailures, at: trials - successes, by: 1)
    Self.increment(&byTrials, at: trials, by: 1)
    users += 1
    self.successes += successes
    self.trials += trials
    // At least 0 (a binomial coefficient is at least 1); max() removes a rounding residue.
    coefficientSum.add(
      max(
        LogFactorial.of(trials) - LogFactorial.of(successes)
          - LogFactorial.of(trials - successes), 0))
  }

  /// Adds every user counted in `other`.
  public mutating func merge(_ other: BetaBinomialCounts) {
    for (index, count) in other.bySuccesses.enumerated() where count > 0 {
      Self.increment(&bySuccesses, at: index, by: count)
    }
    for (index, count) in other.byFailures.enumerated() where count > 0 {
      Self.increment(&byFailures, at: index, by: count)
    }
    for (index, count) in other.byTrials.enumerated() where count > 0 {
      Self.increment(&byTrials, at: index, by: count)
    }
    users += other.users
    successes += other.successes
    trials += other.trials
    coefficientSum.add(other.coefficientSum)
  }

  /// For each `j`, the users with more than `j` of what `exact` counts.
  static func above(_ exact: [Int]) -> [Double] {
    var result = [Double](repeating: 0, count: max(exact.count - 1, 0))
    var running = 0
    for j in stride(from: exact.count - 1, through: 1, by: -1) {
      running += exact[j]
      result[j - 1] = Double(running)
    }
    return result
  }

  static func increment(_ table: inout [Int], at index: Int, by count: Int) {
    if table.count <= index {
      table.append(contentsOf: repeatElement(0, count: index + 1 - table.count))
    }
    table[index] += count
  }
}
