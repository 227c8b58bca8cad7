/// One bin of a reliability diagram: the predictions whose probability fell in it.
struct ReliabilityBin: Sendable, Hashable {
  /// The bin's index, 0 for `[0, 0.1)` ... 9 for `[0.9, 1]`.
  let index: Int
  /// The predictions in it.
  let count: Int
  /// Their mean predicted probability.
  let meanProbability: Double
  /// The share of them whose outcome was `true`.
  let observedFrequency: Double

  /// The non-empty bins of `probabilities`, bin `min(floor(bins p), bins - 1)`, in order.
  static func bins(_ probabilities: [Double], _ outcomes: [Bool], bins: Int = 10)
    -> [ReliabilityBin]
  {
    var counts = [Int](repeating: 0, count: bins)
    var sums = [Double](repeating: 0, count: bins)
    var hits = [Int](repeating: 0, count: bins)
    for (p, y) in zip(probabilities, outcomes) {
      let bin = min(max(Int((p * Double(bins)).rounded(.down)), 0), bins - 1)
      counts[bin] += 1
      sums[bin] += p
      hits[bin] += y ? 1 : 0
    }
    return (0..<bins).filter { counts[$0] > 0 }.map {
      ReliabilityBin(
        index: $0, count: counts[$0], meanProbability: sums[$0] / Double(counts[$0]),
        observedFrequency: Double(hits[$0]) / Double(counts[$0]))
    }
  }
}
