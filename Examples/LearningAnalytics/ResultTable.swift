import Foundation

/// The printed table of one task: each model's metrics on 2013J and its log-loss difference
/// from the reference with the bootstrap interval.
struct ResultTable {
  /// Each model's name and 2013J predictions.
  let rows: [(String, [Double])]
  /// The 2013J outcomes.
  let outcomes: [Bool]
  /// The dense student index of each 2013J event.
  let students: [Int]

  /// Prints the table; row `referenceIndex` is the reference.
  func print(referenceIndex: Int, studentCount: Int, settings: RunSettings) {
    let losses = rows.map { BinaryMetrics.losses($0.1, outcomes) }
    let bootstrap = StudentBootstrap(
      students: students, studentCount: studentCount, resamples: settings.resamples,
      seed: settings.seed)
    let intervals = bootstrap.intervals(
      losses.map { zip($0, losses[referenceIndex]).map { $0 - $1 } })
    Swift.print(
      "   " + "model".padding(toLength: 46, withPad: " ", startingAt: 0)
        + "log loss  Brier   ECE     AUC     dLL vs reference [95% CI]")
    for (index, (name, predictions)) in rows.enumerated() {
      let metrics = BinaryMetrics(probabilities: predictions, outcomes: outcomes)
      let (mean, lower, upper) = intervals[index]
      let difference =
        index == referenceIndex
        ? "0"
        : "\(format(mean, sign: true)) [\(format(lower, sign: true)), \(format(upper, sign: true))]"
      Swift.print(
        "   " + name.padding(toLength: 46, withPad: " ", startingAt: 0)
          + "\(format(metrics.logLoss))    \(format(metrics.brier))  "
          + "\(format(metrics.calibrationError))  \(format(metrics.areaUnderCurve, 3))   "
          + difference)
    }
  }
}
