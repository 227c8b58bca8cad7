/// Sums over the users of one round.
struct RoundTotals {
  var acceptance = (loop: 0.0, baseline: 0.0, oracle: 0.0)
  var alignment = (loop: 0.0, baseline: 0.0, oracle: 0.0)
  var loopAccepted = 0

  mutating func add(
    fits: (loop: Double, baseline: Double, oracle: Double), accept: (Double) -> Double
  ) {
    acceptance.loop += accept(fits.loop)
    acceptance.baseline += accept(fits.baseline)
    acceptance.oracle += accept(fits.oracle)
    alignment.loop += 2 * fits.loop - 1
    alignment.baseline += 2 * fits.baseline - 1
    alignment.oracle += 2 * fits.oracle - 1
  }

  func record(round: Int, users: Int) -> PersonalizationRound {
    let n = Double(users)
    return PersonalizationRound(
      round: round,
      acceptance: (acceptance.loop / n, acceptance.baseline / n, acceptance.oracle / n),
      alignment: (alignment.loop / n, alignment.baseline / n, alignment.oracle / n),
      loopAcceptedShare: Double(loopAccepted) / n)
  }
}
