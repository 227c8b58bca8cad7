import Testing

@testable import LearningAnalytics

@Suite struct StudentBootstrapTests {
  /// `numpy.percentile([0.3, -1.2, 2.5, 0.0, 0.7, 1.1, -0.4], [2.5, 97.5])`
  /// (Scripts/reference/learning_analytics_metrics.py).
  @Test func percentileInterpolatesLikeNumPy() {
    let values = [0.3, -1.2, 2.5, 0.0, 0.7, 1.1, -0.4]
    #expect(abs(StudentBootstrap.percentile(values, 2.5) - -1.0799999999999998) < 1e-12)
    #expect(abs(StudentBootstrap.percentile(values, 97.5) - 2.2899999999999996) < 1e-12)
    #expect(StudentBootstrap.percentile(values, 50) == 0.3)
  }

  @Test func aConstantDifferenceHasAZeroWidthInterval() {
    let bootstrap = StudentBootstrap(
      students: [0, 0, 1, 2, 2, 2], studentCount: 3, resamples: 300, seed: 1)
    let result = bootstrap.intervals([Array(repeating: 0.25, count: 6)])[0]
    #expect(abs(result.mean - 0.25) < 1e-12)
    #expect(abs(result.lower - 0.25) < 1e-12 && abs(result.upper - 0.25) < 1e-12)
  }

  @Test func theIntervalCoversTheMeanAndIsSeeded() {
    let students = (0..<400).map { $0 / 4 }
    let differences = students.map { Double($0 % 7) - 3.2 }
    let bootstrap = StudentBootstrap(
      students: students, studentCount: 100, resamples: 500, seed: 20_130_201)
    let first = bootstrap.intervals([differences])[0]
    let again = bootstrap.intervals([differences])[0]
    #expect(first.lower == again.lower && first.upper == again.upper)
    #expect(first.lower < first.mean && first.mean < first.upper)
    // Students, not events, are resampled: 100 students of 4 identical events each, so the
    // standard error is that of 100 draws (sd 2 / sqrt(100) = 0.2, interval ~ +-0.39).
    #expect(first.upper - first.lower > 0.6 && first.upper - first.lower < 1.0)
  }
}
