/// One user's trials per outcome, per fitted belief and per context slot: the scratch table of
/// population counting, kept by the fit and reused from user to user so that counting a user
/// allocates nothing once the tables have grown (benchmark B11).
///
/// Each (belief, context) the user has a trial in is a row: a run of one count per outcome in
/// ``counts``. A belief's rows form a list that starts with its overall row (context slot -1);
/// a user has few contexts per belief, so finding a row is a short walk.
struct UserTrials: Sendable {
  /// One (belief, context) row of the user's.
  struct Row: Sendable {
    /// The fitted belief.
    let belief: Int
    /// The context slot in the belief's ``PopulationCells``, or -1 for the belief overall.
    let slot: Int
    /// Where the row's counts start in ``UserTrials/counts``.
    let offset: Int
    /// The belief's next row, or -1.
    var next: Int
  }

  /// Per fitted belief: its overall row for this user, or -1.
  private var firstRow: [Int]
  /// The beliefs with a trial, in the order of their first.
  private(set) var beliefs: [Int] = []
  /// The rows, and their counts one after the other.
  private(set) var rows: [Row] = []
  private(set) var counts: [Int] = []
  /// With decay, the decayed counts, parallel to ``counts``; empty without.
  private(set) var weighted: [Double] = []
  /// Whether ``weighted`` is kept.
  let isWeighted: Bool

  /// An empty table for a fit of `beliefs` beliefs, keeping decayed counts when `isWeighted`.
  init(beliefs: Int, isWeighted: Bool = false) {
    firstRow = Array(repeating: -1, count: beliefs)
    self.isWeighted = isWeighted
  }

  /// Forgets the last user's trials (only the rows it touched are reset).
  mutating func removeAll() {
    for belief in beliefs { firstRow[belief] = -1 }
    beliefs.removeAll(keepingCapacity: true)
    rows.removeAll(keepingCapacity: true)
    counts.removeAll(keepingCapacity: true)
    weighted.removeAll(keepingCapacity: true)
  }

  /// The overall row of `belief` (of `outcomes` outcomes), added on its first trial.
  mutating func overallRow(of belief: Int, outcomes: Int) -> Int {
    let first = firstRow[belief]
    if first >= 0 { return first }
    let row = appendRow(belief: belief, slot: -1, outcomes: outcomes, next: -1)
    firstRow[belief] = row
    beliefs.append(belief)
    return row
  }

  /// The row of context `slot` in the belief whose overall row is `overall`, added on its
  /// first trial.
  mutating func contextRow(_ slot: Int, overall: Int, outcomes: Int) -> Int {
    var row = rows[overall].next
    while row >= 0 {
      if rows[row].slot == slot { return row }
      row = rows[row].next
    }
    row = appendRow(
      belief: rows[overall].belief, slot: slot, outcomes: outcomes, next: rows[overall].next)
    rows[overall].next = row
    return row
  }

  /// Adds `trials` of `outcome` to `row`.
  mutating func add(_ trials: Int, of outcome: Int, to row: Int) {
    counts[rows[row].offset + outcome] += trials
  }

  /// Adds `trials` of `outcome`, decayed to `weight` trials, to `row` (``isWeighted`` only).
  mutating func add(_ trials: Int, weight: Double, of outcome: Int, to row: Int) {
    counts[rows[row].offset + outcome] += trials
    weighted[rows[row].offset + outcome] += weight
  }

  /// The counts of `row`, one per outcome of its belief.
  func counts(of row: Row, outcomes: Int) -> ArraySlice<Int> {
    counts[row.offset..<row.offset + outcomes]
  }

  /// The decayed counts of `row` (``isWeighted`` only).
  func weightedCounts(of row: Row, outcomes: Int) -> ArraySlice<Double> {
    weighted[row.offset..<row.offset + outcomes]
  }

  private mutating func appendRow(belief: Int, slot: Int, outcomes: Int, next: Int) -> Int {
    rows.append(Row(belief: belief, slot: slot, offset: counts.count, next: next))
    counts.append(contentsOf: repeatElement(0, count: outcomes))
    if isWeighted { weighted.append(contentsOf: repeatElement(0, count: outcomes)) }
    return rows.count - 1
  }
}
