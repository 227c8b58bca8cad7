import Foundation
import SelfModel
import SelfModelStore
import Testing

/// Decode throughput of evidence payloads; meaningful only in release builds
/// (`swift test -c release --filter EngineDecodeSpeed`).
@Suite struct EngineDecodeSpeedTests {
  /// Whether this is an optimised build.
  static let isOptimized: Bool = {
    #if DEBUG
      return false
    #else
      return true
    #endif
  }()

  /// Decodes 1,000,000 evidence records (10,000 payloads of 100) and expects well under 1 s.
  @Test(.enabled(if: isOptimized, "skipped in debug builds: timing is meaningless there"))
  func decodesOneMillionEvidenceRecordsQuickly() throws {
    let now = Date(timeIntervalSinceReferenceDate: 800_000_000)
    var batch: [Evidence] = []
    for index in 0..<100 {
      let content: EvidenceContent =
        index % 3 == 0 ? .distribution(["true": 0.7, "false": 0.3]) : .holds
      let note: String? = index % 10 == 0 ? "a short note" : nil
      let observedAt = now.addingTimeInterval(Double(index))
      batch.append(
        Evidence(
          id: try EvidenceID("evidence-\(index)-0123456789"), belief: "preference.answer-length",
          content: content, weight: 1.5, source: "classifier", observedAt: observedAt, note: note))
    }
    let payload = try OperationCodec.encode(.observe(batch, now: now))
    let clock = ContinuousClock()
    var decoded = 0
    let elapsed = try clock.measure {
      for _ in 0..<10_000 {
        guard case .observe(let evidence, _) = try OperationCodec.decode(payload) else { return }
        decoded += evidence.count
      }
    }
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print(
      "EngineDecodeSpeed: \(decoded) evidence records in \(seconds) s, \(Int(Double(decoded) / seconds)) records/s, payload \(payload.count) bytes per 100"
    )
    #expect(decoded == 1_000_000)
    #expect(seconds < 1)
  }
}
