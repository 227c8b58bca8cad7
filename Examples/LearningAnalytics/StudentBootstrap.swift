import SelfModelTesting

/// The 95 % bootstrap interval of a difference in mean per-event loss, resampling students.
///
/// Each resample draws as many students as there are, with replacement (a student drawn twice
/// counts twice), and computes `sum over drawn students of their summed differences / sum of
/// their event counts`. The interval is the 2.5th and 97.5th percentile of the resamples
/// (linear interpolation, NumPy's default). Every model is measured on the same resamples.
/// The generator is the seeded SplitMix64 of SelfModelTesting, so a seed gives one answer.
struct StudentBootstrap: Sendable {
  /// The dense index (0..<studentCount) of the student of each event.
  let students: [Int]
  /// How many students there are.
  let studentCount: Int
  /// The number of resamples.
  let resamples: Int
  /// The seed of the generator.
  let seed: UInt64

  /// The point estimate and interval of each difference vector (one value per event).
  ///
  /// - Parameter differences: For each model, `loss(model) - loss(reference)` per event.
  /// - Returns: `(mean, lower, upper)` per model, in order.
  func intervals(_ differences: [[Double]]) -> [(mean: Double, lower: Double, upper: Double)] {
    var counts = [Double](repeating: 0, count: studentCount)
    for student in students { counts[student] += 1 }
    let sums = differences.map { values in
      var sums = [Double](repeating: 0, count: studentCount)
      for (student, value) in zip(students, values) { sums[student] += value }
      return sums
    }
    var draws = [[Double]](repeating: [], count: differences.count)
    var random = SeededRandom(seed: seed)
    var multiplicity = [Double](repeating: 0, count: studentCount)
    for _ in 0..<resamples {
      for i in multiplicity.indices { multiplicity[i] = 0 }
      for _ in 0..<studentCount {
        multiplicity[Int.random(in: 0..<studentCount, using: &random)] += 1
      }
      let total = Self.dot(multiplicity, counts)
      for (model, values) in sums.enumerated() {
        draws[model].append(Self.dot(multiplicity, values) / total)
      }
    }
    let events = counts.reduce(0, +)
    return zip(sums, draws).map { values, resampled in
      (
        values.reduce(0, +) / events, Self.percentile(resampled, 2.5),
        Self.percentile(resampled, 97.5)
      )
    }
  }

  /// The `q`-th percentile of `values` with linear interpolation between order statistics,
  /// as `numpy.percentile`'s default: position `q / 100 (n - 1)` in the sorted values.
  static func percentile(_ values: [Double], _ q: Double) -> Double {
    let sorted = values.sorted()
    let position = q / 100 * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(lower + 1, sorted.count - 1)
    return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
  }

  private static func dot(_ a: [Double], _ b: [Double]) -> Double {
    var total = 0.0
    for i in a.indices { total += a[i] * b[i] }
    return total
  }
}
