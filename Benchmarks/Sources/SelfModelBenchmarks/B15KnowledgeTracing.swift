import BenchmarkSupport
import Foundation
import SelfModel

/// B15: Bayesian knowledge tracing. Filtering a 1,000-observation answer sequence exactly
/// (``KnowledgeTracing/filter(_:parameters:)``, what an as-of or a forget by replay costs), and
/// one more update on the filtered state (``KnowledgeTracing/step(from:correct:parameters:)``),
/// each with its ratio to B1's in-memory update from the same run.
enum B15KnowledgeTracing {
  static func run(_ settings: Settings, b1: Double?) throws -> [ResultRow] {
    let parameters = try KnowledgeTracing.Parameters(
      prior: 0.3, learn: 0.1, forget: 0.02, guess: 0.2, slip: 0.1)
    // A fixed pattern: 1,000 answers, about 70 % correct.
    let answers = (0..<1_000).map { ($0 * 7919) % 10 < 7 }
    let calls = settings.quick ? 10 : 20_000
    let repetitions = settings.quick ? 3 : 15
    var filters: [Double] = []
    var updates: [Double] = []
    var sink = 0.0
    let last = KnowledgeTracing.filter(answers, parameters: parameters).last?.masteryNext ?? 0
    for _ in 0..<repetitions {
      filters.append(
        time {
          for _ in 0..<(calls / 100) {
            sink += KnowledgeTracing.filter(answers, parameters: parameters).last?.masteryNext ?? 0
          }
        } / Double(calls / 100))
      updates.append(
        time {
          var mastery = last
          for index in 0..<calls {
            mastery =
              KnowledgeTracing.step(
                from: mastery, correct: index & 1 == 0, parameters: parameters
              ).masteryNext
          }
          sink += mastery
        } / Double(calls))
    }
    precondition(sink > 0)
    let filter = median(filters) * 1e9
    let update = median(updates) * 1e9
    return [
      row("B15", "dynamic belief: filter 1,000 observations", filter / 1e3, "us", filter, b1),
      row("B15u", "  one more update on the filtered state", update, "ns", update, b1),
    ]
  }

  /// A row with its ratio to B1; `value` is in `unit`, `ns` the same in nanoseconds, and the
  /// baseline is shown in `unit` too.
  static func row(
    _ id: String, _ workload: String, _ value: Double, _ unit: String, _ ns: Double, _ b1: Double?
  ) -> ResultRow {
    ResultRow(
      id: id, workload: workload, value: value, unit: unit, baseline: b1.map { _ in "B1 update" },
      baselineValue: b1.map { $0 * value / ns }, ratio: b1.map { ns / $0 }, target: "(informative)",
      met: nil)
  }
}
