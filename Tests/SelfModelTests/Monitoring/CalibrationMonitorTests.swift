import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The monitor's sums against ``CalibrationReport`` (no decay) and against weights computed
/// here by hand (decay), its alarm against known drift, and its bad input.
@Suite struct CalibrationMonitorTests {
  static let start = Date(timeIntervalSince1970: 1_700_000_000)
  static let day = 86_400.0

  /// Seeded calibrated-or-biased pairs: `p ~ U(0.05, 0.95)`, `y ~ Bernoulli(p + shift)`.
  static func pairs(_ n: Int, seed: UInt64, shift: Double = 0) -> [(Double, Bool)] {
    var random = SeededRandom(seed: seed)
    return (0..<n).map { _ in
      let p = Double.random(in: 0.05...0.95, using: &random)
      let truth = min(max(p + shift, 0), 1)
      return (p, Double.random(in: 0..<1, using: &random) < truth)
    }
  }

  @Test func withoutDecayItAgreesWithTheCalibrationReport() throws {
    let pairs = Self.pairs(500, seed: 11)
    var monitor = try CalibrationMonitor()
    for (index, (p, y)) in pairs.enumerated() {
      try monitor.record(
        prediction: p, outcome: y, at: Self.start + Double(index), belief: "b")
    }
    let report = try monitor.report(at: Self.start + 1_000)
    let reference = try CalibrationReport(probabilities: pairs.map(\.0), outcomes: pairs.map(\.1))
    let overall = try #require(report.overall)
    #expect(overall.pairs == 500)
    #expect(abs(overall.weight - 500) < 1e-9)
    #expect(abs(overall.effectiveCount - 500) < 1e-9)
    #expect(abs(overall.expectedCalibrationError - reference.expectedCalibrationError) < 1e-12)
    #expect(abs(overall.logLoss - reference.logLoss) < 1e-12)
    #expect(abs(overall.observedRate - reference.baseRate) < 1e-12)
    #expect(overall.bins.map(\.index) == reference.bins.map(\.index))
    for (bin, expected) in zip(overall.bins, reference.bins) {
      #expect(abs(bin.weight - Double(expected.count)) < 1e-9)
      #expect(abs(bin.meanProbability - expected.meanProbability) < 1e-12)
      #expect(abs(bin.observedFrequency - expected.observedFrequency) < 1e-12)
    }
    #expect(report.cells.map(\.belief) == ["b"])
  }

  /// Three pairs with a 2-day half-life, recorded out of order, against weights
  /// `2^(-(now - t) / h)` computed here.
  @Test func decayWeighsPairsByAgeInAnyOrder() throws {
    let h = 2 * Self.day
    let items: [(Double, Bool, Double)] = [(0.8, true, 0), (0.3, true, 3), (0.6, false, 1)]
    let now = 5 * Self.day
    var monitor = try CalibrationMonitor(halfLife: h)
    var reversed = try CalibrationMonitor(halfLife: h)
    for (p, y, d) in items {
      try monitor.record(prediction: p, outcome: y, at: Self.start + d * Self.day, belief: "b")
    }
    for (p, y, d) in items.reversed() {
      try reversed.record(prediction: p, outcome: y, at: Self.start + d * Self.day, belief: "b")
    }
    let w = items.map { exp2(-(now - $0.2 * Self.day) / h) }
    let weight = w.reduce(0, +)
    let bias = zip(w, items).map { $0 * ($1.0 - ($1.1 ? 1 : 0)) }.reduce(0, +)
    let variance = zip(w, items).map { $0 * $0 * $1.0 * (1 - $1.0) }.reduce(0, +)
    let squares = w.map { $0 * $0 }.reduce(0, +)
    let logLoss = zip(w, items).map { -$0 * log($1.1 ? $1.0 : 1 - $1.0) }.reduce(0, +)
    for candidate in [monitor, reversed] {
      let overall = try #require(try candidate.report(at: Self.start + now).overall)
      #expect(abs(overall.weight - weight) < 1e-12)
      #expect(abs(overall.meanBias - bias / weight) < 1e-12)
      #expect(abs(overall.zScore - bias / variance.squareRoot()) < 1e-12)
      #expect(abs(overall.effectiveCount - weight * weight / squares) < 1e-12)
      #expect(abs(overall.logLoss - logLoss / weight) < 1e-12)
      // Three bins of one pair each: ECE is the weighted mean of |y - p|.
      let ece = zip(w, items).map { $0 * abs(($1.1 ? 1 : 0) - $1.0) }.reduce(0, +) / weight
      #expect(abs(overall.expectedCalibrationError - ece) < 1e-12)
    }
  }

  @Test func pairsCountPerBeliefAndPerContext() throws {
    var monitor = try CalibrationMonitor()
    try monitor.record(prediction: 0.7, outcome: true, at: Self.start, belief: "a", context: "x")
    try monitor.record(prediction: 0.4, outcome: false, at: Self.start, belief: "a", context: "y")
    try monitor.record(prediction: 0.2, outcome: false, at: Self.start, belief: "b")
    let report = try monitor.report(at: Self.start)
    #expect(report.overall?.pairs == 3)
    #expect(
      report.cells.map { "\($0.belief?.rawValue ?? "-")/\($0.context?.rawValue ?? "-")" }
        == ["a/-", "a/x", "a/y", "b/-"])
    #expect(report.cells.map(\.pairs) == [2, 1, 1, 1])
    #expect(abs((report.cells[0].meanPrediction) - 0.55) < 1e-12)
  }

  /// The alarm's threshold is SciPy's `norm.ppf(1 - alpha / 2)`.
  @Test(arguments: [
    (0.01, 2.5758293035489004), (0.05, 1.959963984540054), (0.002, 3.090232306167813),
    (0.6, 0.5244005127080407), (2e-10, 6.361340889697422),
  ])
  func theCriticalValueIsTheNormalQuantile(alpha: Double, expected: Double) throws {
    let monitor = try CalibrationMonitor(falseAlarmRate: alpha)
    #expect(abs(monitor.criticalValue - expected) < 1e-9 * max(1, expected))
  }

  /// A calibrated stream that turns 8 points too high halfway: the 7-day monitor is quiet
  /// before the turn and alarms after it, with a positive bias.
  @Test func aKnownDriftFiresTheAlarm() throws {
    var monitor = try CalibrationMonitor(halfLife: 7 * Self.day, falseAlarmRate: 0.01)
    let before = Self.pairs(1_400, seed: 3)
    let after = Self.pairs(1_400, seed: 4, shift: -0.08)
    for (index, (p, y)) in before.enumerated() {
      try monitor.record(
        prediction: p, outcome: y, at: Self.start + Double(index) * 3_600, belief: "b")
    }
    let quiet = try #require(try monitor.report(at: Self.start + 1_400 * 3_600).overall)
    #expect(!quiet.isAlarm)
    for (index, (p, y)) in after.enumerated() {
      try monitor.record(
        prediction: p, outcome: y, at: Self.start + Double(1_400 + index) * 3_600, belief: "b")
    }
    let drifted = try #require(try monitor.report(at: Self.start + 2_800 * 3_600).overall)
    #expect(drifted.isAlarm)
    #expect(drifted.meanBias > 0.04)
    #expect(try monitor.report(at: Self.start + 2_800 * 3_600).alarms.count == 2)
  }

  /// 1,000 seeded calibrated streams of 400 pairs, one report each at the end, `alpha = 0.05`:
  /// the alarms are at most `1000 alpha + 3 sd` of Binomial(1000, alpha) (about 70), with and
  /// without decay (3-day half-life, pairs an hour apart: about 200 effective pairs).
  @Test(arguments: [nil, 3 * 86_400.0])
  func withoutDriftTheAlarmKeepsItsFalseAlarmRate(halfLife: Double?) throws {
    let alpha = 0.05
    var alarms = 0
    for seed in 0..<1_000 {
      var monitor = try CalibrationMonitor(halfLife: halfLife, falseAlarmRate: alpha)
      for (index, (p, y)) in Self.pairs(400, seed: UInt64(seed) + 1_000).enumerated() {
        try monitor.record(
          prediction: p, outcome: y, at: Self.start + Double(index) * 3_600, belief: "b")
      }
      if try monitor.report(at: Self.start + 400 * 3_600).overall?.isAlarm == true { alarms += 1 }
    }
    let limit = 1_000 * alpha + 3 * (1_000 * alpha * (1 - alpha)).squareRoot()
    #expect(Double(alarms) <= limit, "\(alarms) alarms in 1,000 calibrated runs")
    // Not silent either: a test that never fires has no power.
    #expect(alarms >= 20, "\(alarms) alarms in 1,000 calibrated runs")
  }

  @Test func itRoundTripsThroughJSON() throws {
    var monitor = try CalibrationMonitor(halfLife: Self.day, falseAlarmRate: 0.02)
    for (index, (p, y)) in Self.pairs(50, seed: 9).enumerated() {
      try monitor.record(
        prediction: p, outcome: y, at: Self.start + Double(index) * 600, belief: "b",
        context: index.isMultiple(of: 2) ? "even" : nil)
    }
    let data = try JSONEncoder().encode(monitor)
    let decoded = try JSONDecoder().decode(CalibrationMonitor.self, from: data)
    #expect(decoded == monitor)
    let report = try monitor.report(at: Self.start + Self.day)
    let reportData = try JSONEncoder().encode(report)
    #expect(try JSONDecoder().decode(CalibrationMonitorReport.self, from: reportData) == report)
  }

  @Test func badInputIsATypedError() throws {
    #expect(
      throws: ModelError.numberOutOfRange(
        field: "monitor half-life", value: 0, allowed: "greater than 0")
    ) {
      try CalibrationMonitor(halfLife: 0)
    }
    #expect(
      throws: ModelError.numberOutOfRange(
        field: "false-alarm rate", value: 1, allowed: "0 < alpha < 1")
    ) {
      try CalibrationMonitor(falseAlarmRate: 1)
    }
    var monitor = try CalibrationMonitor()
    #expect(throws: ModelError.numberOutOfRange(field: "prediction", value: 1.5, allowed: "0...1"))
    {
      try monitor.record(prediction: 1.5, outcome: true, at: Self.start, belief: "b")
    }
    #expect(throws: ModelError.nonFiniteNumber(field: "prediction")) {
      try monitor.record(prediction: .nan, outcome: true, at: Self.start, belief: "b")
    }
    #expect(monitor.referenceTime == nil)
    // A decoded monitor with a short bin table is refused, not trapped on later.
    let bad = Data(
      ("{\"falseAlarmRate\":0.01,\"minimumEffectiveCount\":30,\"overall\":{\"pairs\":1,"
        + "\"weight\":1,\"squares\":1,\"predicted\":0.5,\"observed\":1,\"variance\":0.25,"
        + "\"logLoss\":0.69,\"binWeight\":[1],\"binPredicted\":[0.5],\"binObserved\":[1]},"
        + "\"cells\":[]}").utf8)
    #expect(throws: ModelError.numberOutOfRange(field: "monitor bins", value: 1, allowed: "10")) {
      try ModelError.unwrappingDecoding {
        try JSONDecoder().decode(CalibrationMonitor.self, from: bad)
      }
    }
  }
}
