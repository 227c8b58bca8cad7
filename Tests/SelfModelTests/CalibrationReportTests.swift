import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// Reads an outcome written as `0`/`1` (or `false`/`true`).
private func outcome(_ value: JSONValue) -> Bool? {
  if let flag = value.bool { return flag }
  return value.double.map { $0 == 1 }
}

/// The ROC AUC by comparing every positive with every negative, ties 1/2: the O(n^2) definition.
private func bruteForceAreaUnderCurve(_ p: [Double], _ y: [Bool]) -> Double? {
  let positives = zip(p, y).filter { $0.1 }.map(\.0)
  let negatives = zip(p, y).filter { !$0.1 }.map(\.0)
  guard !positives.isEmpty && !negatives.isEmpty else { return nil }
  var wins = 0.0
  for positive in positives {
    for negative in negatives {
      wins += positive > negative ? 1 : (positive == negative ? 0.5 : 0)
    }
  }
  return wins / Double(positives.count * negatives.count)
}

@Suite struct CalibrationReportReferenceTests {
  @Test func referenceCases() throws {
    let cases = ReferenceVectors.cases("calibration")
    #expect(cases.count == 9)
    for item in cases {
      let name = item["name"].string ?? "?"
      let probabilities = item["inputs"]["probabilities"].doubles
      let outcomes = item["inputs"]["outcomes"].array.compactMap(outcome)
      #expect(outcomes.count == item["inputs"]["outcomes"].array.count)
      let report = try CalibrationReport(probabilities: probabilities, outcomes: outcomes)
      let expected = item["expected"]
      #expect(report.count == probabilities.count)
      #expect(isClose(report.baseRate, Double(outcomes.count { $0 }) / Double(outcomes.count)))
      expectReference(report.brierScore, expected["brier"], "\(name) brier")
      expectReference(report.logLoss, expected["log_loss"], "\(name) log_loss")
      expectReference(report.unclippedLogLoss, expected["log_loss_unclipped"], "\(name) unclipped")
      expectReference(report.expectedCalibrationError, expected["ece_10"], "\(name) ece_10")
      expectReference(
        report.topLabelCalibrationError, expected["ece_10_top_label"], "\(name) top label")
      expectReference(report.maximumCalibrationError, expected["mce_10"], "\(name) mce_10")
      expectReference(report.areaUnderCurve, expected["auc"], "\(name) auc")
      try expectBins(report.bins, expected["reliability_bins"].array, name)
    }
  }

  private func expectBins(_ bins: [ReliabilityBin], _ expected: [JSONValue], _ name: String) throws
  {
    #expect(bins.count == expected.count, "\(name) bin count")
    for (bin, reference) in zip(bins, expected) {
      #expect(Double(bin.index) == reference["bin"].double, "\(name) bin index")
      #expect(Double(bin.count) == reference["count"].double, "\(name) bin \(bin.index) count")
      expectReference(bin.lower, reference["lower"], "\(name) bin \(bin.index) lower")
      expectReference(bin.upper, reference["upper"], "\(name) bin \(bin.index) upper")
      expectReference(bin.meanProbability, reference["mean_p"], "\(name) bin \(bin.index) mean_p")
      expectReference(
        bin.observedFrequency, reference["frac_pos"], "\(name) bin \(bin.index) frac_pos")
    }
  }
}

@Suite struct CalibrationReportCaseTests {
  @Test func areaUnderCurveWithManyTies() throws {
    // scikit-learn 1.9.1: roc_auc_score(y, p).
    let tied = try CalibrationReport(
      probabilities: [0.2, 0.2, 0.2, 0.5, 0.5, 0.5, 0.5, 0.8, 0.8, 0.2, 0.5, 0.8, 0.1, 0.1, 0.9],
      outcomes: [1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1].map { $0 == 1 })
    #expect(isClose(try #require(tied.areaUnderCurve), 0.6607142857142858))
    let twoLevels = try CalibrationReport(
      probabilities: Array(repeating: 0.3, count: 6) + Array(repeating: 0.7, count: 6),
      outcomes: [1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 1, 1].map { $0 == 1 })
    #expect(isClose(try #require(twoLevels.areaUnderCurve), 0.7571428571428572))
    let allTied = try CalibrationReport(
      probabilities: Array(repeating: 0.4, count: 5), outcomes: [false, true, true, false, true])
    #expect(allTied.areaUnderCurve == 0.5)
  }

  @Test func probabilitiesOnBinEdges() throws {
    // netcal's binning reproduced with scipy 1.17.1 binned_statistic_dd on numpy.linspace(0, 1,
    // 11) after clipping to [eps, 1 - eps] (as netcal's _Miscalibration does); brier, log loss
    // and AUC from scikit-learn 1.9.1. 0.3, 0.6 and 0.7 lie just below their NumPy edges
    // (0.30000000000000004, ...), so they fall into the bin below.
    let report = try CalibrationReport(
      probabilities: [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
      outcomes: [0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1].map { $0 == 1 })
    #expect(isClose(report.expectedCalibrationError, 0.30000000000000004))
    #expect(isClose(report.maximumCalibrationError, 0.9))
    #expect(isClose(report.topLabelCalibrationError, 0.19090909090909086))
    #expect(isClose(report.brierScore, 0.2590909090909091))
    #expect(isClose(report.logLoss, 0.7201307597149946))
    #expect(isClose(try #require(report.areaUnderCurve), 0.6785714285714285))
    #expect(report.bins.map(\.index) == [0, 1, 2, 4, 5, 6, 8, 9])
    #expect(report.bins.map(\.count) == [1, 1, 2, 1, 2, 1, 1, 2])
    #expect(report.bins.map(\.observedFrequency) == [0, 1, 0.5, 1, 0.5, 1, 0, 1])
    let means = [2.220446049250313e-16, 0.1, 0.25, 0.4, 0.55, 0.7, 0.8, 0.95]
    #expect(zip(report.bins.map(\.meanProbability), means).allSatisfy { isClose($0, $1) })
  }

  @Test func encodesInfiniteLogLossWithDefaultEncoder() throws {
    let report = try CalibrationReport(probabilities: [1, 0], outcomes: [false, false])
    #expect(report.unclippedLogLoss == .infinity)
    #expect(report.areaUnderCurve == nil)
    let data = try JSONEncoder().encode(report)
    let decoded = try JSONDecoder().decode(CalibrationReport.self, from: data)
    #expect(decoded == report)
    let finite = try CalibrationReport(probabilities: [0.9, 0.2], outcomes: [true, false])
    let finiteCopy = try JSONDecoder().decode(
      CalibrationReport.self, from: JSONEncoder().encode(finite))
    #expect(finiteCopy == finite)
  }

  @Test func accumulatorMatchesBatch() throws {
    var random = MetricsTestRandom(seed: 0x5EED_0010)
    var accumulator = CalibrationAccumulator()
    #expect(
      thrownModelError { try accumulator.report() }
        == .undefined(quantity: "calibration report", reason: "there are no predictions"))
    for _ in 0..<200 {
      let p = Double.random(in: 0...1, using: &random)
      try accumulator.append(probability: p, outcome: Double.random(in: 0...1, using: &random) < p)
    }
    #expect(thrownModelError { try accumulator.append(probability: .nan, outcome: true) } != nil)
    #expect(thrownModelError { try accumulator.append(probability: 1.1, outcome: true) } != nil)
    #expect(accumulator.count == 200)
    let batch = try CalibrationReport(
      probabilities: accumulator.probabilities, outcomes: accumulator.outcomes)
    #expect(try accumulator.report() == batch)
  }
}

@Suite struct CalibrationReportPropertyTests {
  @Test func laws() throws {
    var random = MetricsTestRandom(seed: 0x5EED_0020)
    for _ in 0..<1_000 {
      let count = Int.random(in: 1...40, using: &random)
      let probabilities = (0..<count).map { _ in
        Double(Int.random(in: 0...100, using: &random)) / 100
      }
      let outcomes = (0..<count).map { _ in Bool.random(using: &random) }
      let report = try CalibrationReport(probabilities: probabilities, outcomes: outcomes)
      #expect((0...1).contains(report.brierScore))
      #expect(report.logLoss <= report.unclippedLogLoss + 1e-12)
      #expect((0...1).contains(report.expectedCalibrationError))
      #expect(report.expectedCalibrationError <= report.maximumCalibrationError + 1e-12)
      #expect(report.bins.reduce(0) { $0 + $1.count } == count)
      let brute = bruteForceAreaUnderCurve(probabilities, outcomes)
      #expect(
        report.areaUnderCurve.map { isClose($0, brute ?? .nan, tolerance: 1e-12) } ?? (brute == nil)
      )
      let flipped = try CalibrationReport(
        probabilities: probabilities.map { 1 - $0 }, outcomes: outcomes)
      if let auc = report.areaUnderCurve, let flippedAUC = flipped.areaUnderCurve {
        #expect(isClose(flippedAUC, 1 - auc, tolerance: 1e-12))
      } else {
        #expect(report.areaUnderCurve == nil && flipped.areaUnderCurve == nil)
      }
    }
  }
}

@Suite struct CalibrationReportBadInputTests {
  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func rejectsNonFinite(_ value: Double) {
    #expect(
      thrownModelError {
        try CalibrationReport(probabilities: [0.5, value], outcomes: [true, false])
      }
        == .nonFiniteNumber(field: "probabilities[1]"))
  }

  @Test(arguments: [-0.1, 1.1])
  func rejectsOutOfRange(_ value: Double) {
    #expect(
      thrownModelError { try CalibrationReport(probabilities: [value], outcomes: [true]) }
        == .numberOutOfRange(field: "probabilities[0]", value: value, allowed: "0...1"))
  }

  @Test func rejectsBadShapes() {
    #expect(
      thrownModelError { try CalibrationReport(probabilities: [0.5, 0.5], outcomes: [true]) }
        == .invalidDistribution(
          field: "outcomes", reason: "there are 1 outcomes for 2 probabilities"))
    #expect(
      thrownModelError { try CalibrationReport(probabilities: [], outcomes: []) }
        == .undefined(quantity: "calibration report", reason: "there are no predictions"))
  }
}
