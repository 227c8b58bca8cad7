import BenchmarkSupport
import Foundation
import SelfModel

/// B1: one in-memory evidence update (idempotence check, decay, cap) on a 300-belief model,
/// against a bare `[String: Double]` add of the same keys and weights.
enum B1InMemoryUpdate {
  static func run(_ settings: Settings) throws -> [ResultRow] {
    let count = settings.count ?? (settings.quick ? 2_000 : 200_000)
    let start = Date(timeIntervalSince1970: 1_767_225_600)
    let (model, evidence) = try fixture(count: count, start: start)
    let now = start.addingTimeInterval(Double(count) + 1)
    let keys = evidence.map { $0.belief.rawValue }
    let weights = evidence.map(\.weight)
    var sink = 0.0

    let observe = try interleaved(
      rounds: settings.rounds,
      {
        var copy = model
        return try time { try recordAll(evidence, into: &copy, at: now) }
      },
      {
        var table: [String: Double] = [:]
        let elapsed = time {
          for index in keys.indices { table[keys[index], default: 0] += weights[index] }
        }
        sink += table.count > 0 ? 1 : 0
        return elapsed
      })
    let record = try interleaved(
      rounds: settings.rounds,
      {
        var copy = model
        return try time { try appendAll(evidence, into: &copy, at: now) }
      },
      {
        var table: [String: Double] = [:]
        let elapsed = time {
          for index in keys.indices { table[keys[index], default: 0] += weights[index] }
        }
        sink += table.count > 0 ? 1 : 0
        return elapsed
      })
    precondition(sink > 0)
    let perOp = { (seconds: Double) in seconds / Double(count) * 1e9 }
    return [
      row("B1", "in-memory update, append(_:at:) (lean path)", perOp(record.a), perOp(record.b)),
      row(
        "B1b", "in-memory update, record(_:at:) (reports change)", perOp(observe.a),
        perOp(observe.b)),
    ]
  }

  /// B1's measured loop, a function of its own so that `Scripts/instructions.sh` can count
  /// its instructions under callgrind (`--toggle-collect`).
  @inline(never)
  static func appendAll(_ evidence: [Evidence], into model: inout UserModel, at now: Date) throws {
    for item in evidence { _ = try model.append(item, at: now) }
  }

  /// B1b's measured loop (see ``appendAll(_:into:at:)``).
  @inline(never)
  static func recordAll(_ evidence: [Evidence], into model: inout UserModel, at now: Date) throws {
    for item in evidence { try model.record(item, at: now) }
  }

  /// A result row with the per-record bars: B1 at most 250 ns and 5x the dictionary add of
  /// the same run, B1b at most 1 us.
  static func row(_ id: String, _ workload: String, _ ns: Double, _ baseline: Double) -> ResultRow {
    let ratio = ns / baseline
    return ResultRow(
      id: id, workload: workload, value: ns, unit: "ns", baseline: "[String: Double] add",
      baselineValue: baseline, ratio: ratio,
      target: id == "B1" ? "<= 250 ns, <= 5x" : "<= 1 us",
      met: id == "B1" ? (ns <= 250 && ratio <= 5) : ns <= 1_000)
  }

  /// A 300-belief model with three sources (two decaying) and `count` evidence items with
  /// distinct ids, random beliefs and increasing times.
  static func fixture(count: Int, start: Date) throws -> (UserModel, [Evidence]) {
    var policy = RevisionPolicy()
    policy.halfLifeBySourceKind[.behavior] = 14 * 86_400
    policy.halfLifeBySourceKind[.modelInference] = 30 * 86_400
    policy.maximumContributionPerSource = 50
    var model = try UserModel(user: "bench-user", policy: policy)
    var keys: [BeliefKey] = []
    for index in 0..<300 {
      let key = try BeliefKey("belief.\(index)")
      keys.append(key)
      try model.declare(.binary(key, statement: "Belief number \(index)"))
    }
    let sources: [SourceID] = ["user", "clicks", "llm"]
    try model.register(Source(id: "user", kind: .userStated, reliability: 0.95))
    try model.register(Source(id: "clicks", kind: .behavior, reliability: 0.6))
    try model.register(Source(id: "llm", kind: .modelInference, reliability: 0.5))
    var random = BenchmarkRandom(seed: 1)
    let evidence = try (0..<count).map { index in
      Evidence(
        id: try EvidenceID("e\(index)"), belief: keys[Int(random.next() % 300)],
        content: random.next() % 3 == 0 ? .doesNotHold : .holds,
        source: sources[Int(random.next() % 3)],
        observedAt: start.addingTimeInterval(Double(index)))
    }
    return (model, evidence)
  }
}
