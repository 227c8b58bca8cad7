import Testing

@testable import LearningAnalytics

@Suite struct BinaryMetricsTests {
  @Test func placeholder() {
    #expect(BinaryMetrics.clip == 1e-6)
  }
}
