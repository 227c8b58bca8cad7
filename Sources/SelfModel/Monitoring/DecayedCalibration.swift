import Foundation

/// The decayed sums a ``CalibrationMonitor`` keeps per cell, all at the monitor's reference
/// time: each pair `i` weighs `w_i = 2^(-(reference - t_i) / halfLife)` (1 without decay).
///
///     weight = sum w            squares  = sum w^2
///     predicted = sum w p       observed = sum w y
///     variance = sum w^2 p (1 - p)       logLoss = sum w (-ln clip p or -ln clip (1 - p))
///     per bin b: weight_b, predicted_b, observed_b
///
/// Moving the reference time by `dt` multiplies every `w`-sum by `f = 2^(-dt / halfLife)` and
/// every `w^2`-sum by `f^2`; the ratios the summary reports do not change.
struct DecayedCalibration: Sendable, Hashable, Codable {
  /// The pairs recorded (undecayed).
  var pairs = 0
  var weight = 0.0
  var squares = 0.0
  var predicted = 0.0
  var observed = 0.0
  var variance = 0.0
  var logLoss = 0.0
  var binWeight = [Double](repeating: 0, count: CalibrationReport.binCount)
  var binPredicted = [Double](repeating: 0, count: CalibrationReport.binCount)
  var binObserved = [Double](repeating: 0, count: CalibrationReport.binCount)

  /// Adds one pair with weight `w`; `p` is clipped to `[eps, 1 - eps]` first (as
  /// ``CalibrationReport`` does), which keeps the variance positive.
  mutating func add(prediction p: Double, outcome y: Bool, weight w: Double) {
    let hit = y ? 1.0 : 0.0
    let eps = CalibrationReport.clippingEpsilon
    let clipped = min(max(p, eps), 1 - eps)
    pairs += 1
    weight += w
    squares += w * w
    predicted += w * clipped
    observed += w * hit
    variance += w * w * clipped * (1 - clipped)
    logLoss -= w * log(y ? clipped : 1 - clipped)
    let bin = Information.binIndex(of: clipped, bins: CalibrationReport.binCount)
    binWeight[bin] += w
    binPredicted[bin] += w * clipped
    binObserved[bin] += w * hit
  }

  /// Multiplies every sum by the decay factor `f` (and the squared sums by `f^2`).
  mutating func scale(by f: Double) {
    guard f != 1 else { return }
    weight *= f
    squares *= f * f
    predicted *= f
    observed *= f
    variance *= f * f
    logLoss *= f
    for b in binWeight.indices {
      binWeight[b] *= f
      binPredicted[b] *= f
      binObserved[b] *= f
    }
  }

  /// The summary of these sums, with the alarm's threshold `critical` (`|z|` above it fires)
  /// once the effective count reaches `minimumEffectiveCount`.
  func summary(
    belief: BeliefKey?, context: ContextID?, critical: Double, minimumEffectiveCount: Double
  ) -> CalibrationSummary? {
    guard weight > 0, weight.isFinite else { return nil }
    let effective = squares > 0 ? weight * weight / squares : 0
    let z = variance > 0 ? (predicted - observed) / variance.squareRoot() : 0
    var bins: [WeightedReliabilityBin] = []
    var gap = 0.0
    for b in binWeight.indices where binWeight[b] > 0 {
      gap += abs(binObserved[b] - binPredicted[b])
      bins.append(
        WeightedReliabilityBin(
          index: b, lower: Information.binEdge(b, bins: CalibrationReport.binCount),
          upper: Information.binEdge(b + 1, bins: CalibrationReport.binCount),
          weight: binWeight[b], meanProbability: binPredicted[b] / binWeight[b],
          observedFrequency: binObserved[b] / binWeight[b]))
    }
    return CalibrationSummary(
      belief: belief, context: context, pairs: pairs, weight: weight,
      effectiveCount: effective, meanPrediction: predicted / weight,
      observedRate: observed / weight, expectedCalibrationError: gap / weight,
      logLoss: logLoss / weight, bins: bins, zScore: z,
      isAlarm: effective >= minimumEffectiveCount && abs(z) > critical)
  }
}

extension DecayedCalibration {
  enum CodingKeys: String, CodingKey {
    case pairs, weight, squares, predicted, observed, variance, logLoss
    case binWeight, binPredicted, binObserved
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    pairs = try container.decode(Int.self, forKey: .pairs)
    weight = try container.decode(Double.self, forKey: .weight)
    squares = try container.decode(Double.self, forKey: .squares)
    predicted = try container.decode(Double.self, forKey: .predicted)
    observed = try container.decode(Double.self, forKey: .observed)
    variance = try container.decode(Double.self, forKey: .variance)
    logLoss = try container.decode(Double.self, forKey: .logLoss)
    binWeight = try container.decode([Double].self, forKey: .binWeight)
    binPredicted = try container.decode([Double].self, forKey: .binPredicted)
    binObserved = try container.decode([Double].self, forKey: .binObserved)
    try DecodingError.validating(decoder) { try validate() }
  }

  /// Every sum finite and not negative, and one entry per bin.
  private func validate() throws(ModelError) {
    guard pairs >= 0 else {
      throw .numberOutOfRange(field: "monitor pairs", value: Double(pairs), allowed: ">= 0")
    }
    let bins = [binWeight, binPredicted, binObserved]
    for table in bins where table.count != CalibrationReport.binCount {
      throw .numberOutOfRange(
        field: "monitor bins", value: Double(table.count), allowed: "\(CalibrationReport.binCount)")
    }
    for value in [weight, squares, predicted, observed, variance, logLoss] + bins.joined() {
      try Check.finite(value, field: "monitor sum")
      guard value >= 0 else {
        throw .numberOutOfRange(field: "monitor sum", value: value, allowed: ">= 0")
      }
    }
  }
}
