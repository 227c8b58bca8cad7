import BenchmarkSupport
import Foundation
import SelfModel

/// B15m and B15a: a dynamic belief inside a ``UserModel``. An as-of estimate of a belief with
/// 1,000 answers (`asOf` replays the ledger into a copy, then the estimate reads the cached
/// mastery), and one more in-order answer appended to it (one filter step), each with its
/// ratio to B1's in-memory update from the same run.
enum B15DynamicBelief {
  static let key: BeliefKey = "skill.fractions"

  static func run(_ settings: Settings, b1: Double?) throws -> [ResultRow] {
    let start = Date(timeIntervalSince1970: 1_767_225_600)
    let model = try fixture(start: start)
    let now = start.addingTimeInterval(10_000)
    let replays = settings.quick ? 3 : 300
    let appends = settings.quick ? 100 : 100_000
    let repetitions = settings.quick ? 3 : 15
    let extra = try (0..<appends).map { index in
      Evidence(
        id: try EvidenceID("next-\(index)"), belief: key,
        content: index % 3 == 0 ? .doesNotHold : .holds, source: "quiz",
        observedAt: start.addingTimeInterval(2_000 + Double(index) * 1e-3),
        recordedAt: start.addingTimeInterval(2_000))
    }
    var asOfs: [Double] = []
    var updates: [Double] = []
    var sink = 0.0
    for _ in 0..<repetitions {
      asOfs.append(
        try time {
          for _ in 0..<replays {
            sink += try model.asOf(now).estimate(for: key, at: now).probabilities[0]
          }
        } / Double(replays))
      var copy = model
      updates.append(
        try time { try appendAll(extra, into: &copy, at: now) } / Double(appends))
      sink += try copy.estimate(for: key, at: now).probabilities[0]
    }
    precondition(sink > 0)
    let asOf = median(asOfs) * 1e9
    let update = median(updates) * 1e9
    return [
      B15KnowledgeTracing.row(
        "B15m", "  in a UserModel: as-of estimate of 1,000 answers (replay)", asOf / 1e3, "us",
        asOf, b1),
      B15KnowledgeTracing.row(
        "B15a", "  in a UserModel: one more in-order answer, append(_:at:)", update, "ns",
        update, b1),
    ]
  }

  @inline(never)
  static func appendAll(_ evidence: [Evidence], into model: inout UserModel, at now: Date) throws {
    for item in evidence { _ = try model.append(item, at: now) }
  }

  /// A model with one dynamic belief and 1,000 answers (about 70 % right), one a second.
  static func fixture(start: Date) throws -> UserModel {
    let parameters = try KnowledgeTracing.Parameters(
      prior: 0.3, learn: 0.1, forget: 0.02, guess: 0.2, slip: 0.1)
    var model = try UserModel(user: "learner")
    try model.declare(.dynamic(key, statement: "Can add fractions", parameters: parameters))
    try model.register(Source(id: "quiz", kind: .behavior, reliability: 1))
    for index in 0..<1_000 {
      let time = start.addingTimeInterval(Double(index))
      try model.append(
        Evidence(
          id: try EvidenceID("a-\(index)"), belief: key,
          content: (index * 7919) % 10 < 7 ? .holds : .doesNotHold, source: "quiz",
          observedAt: time, recordedAt: time),
        at: start.addingTimeInterval(10_000))
    }
    return model
  }
}
