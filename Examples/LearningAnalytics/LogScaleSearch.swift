import Foundation

/// A one-dimensional minimiser over a positive range, searched in `ln x`: a 25-point grid,
/// then 30 golden-section steps between the best grid point's neighbours. Deterministic.
enum LogScaleSearch {
  /// The `x` in `range` with the smallest `loss(x)` found, and that loss.
  static func minimise(in range: ClosedRange<Double>, _ loss: (Double) -> Double) -> (
    Double, Double
  ) {
    let (low, high) = (log(range.lowerBound), log(range.upperBound))
    let points = 25
    let step = (high - low) / Double(points - 1)
    let grid = (0..<points).map { low + Double($0) * step }
    let values = grid.map { loss(exp($0)) }
    let bestIndex = values.indices.min { values[$0] < values[$1] } ?? 0
    var (a, b) = (max(grid[bestIndex] - step, low), min(grid[bestIndex] + step, high))
    let ratio = (sqrt(5.0) - 1) / 2
    var best = (x: grid[bestIndex], value: values[bestIndex])
    for _ in 0..<30 {
      let c = b - ratio * (b - a)
      let d = a + ratio * (b - a)
      let (fc, fd) = (loss(exp(c)), loss(exp(d)))
      if fc < best.value { best = (c, fc) }
      if fd < best.value { best = (d, fd) }
      if fc < fd { b = d } else { a = c }
    }
    return (exp(best.x), best.value)
  }
}
