import Foundation
import SelfModel

/// The library's side of the replay: one `UserModel` per student with ONE belief for the task
/// and ONE ledger item per event, replayed by `Backtest` and tuned by `PolicyTuner`, both with
/// the README's protocol (same-day events predicted together; only 2013J scored).
struct LibraryReplay: Sendable {
  /// The single source of every item: outcomes the student produced.
  static let source: SourceID = "coursework"
  /// 2013B's day 0, 1 February 2013 (UTC); day `d` is this plus `d` days.
  static let origin = Date(timeIntervalSince1970: 1_359_676_800)

  /// The task.
  let task: LearningTask
  /// Its events, 2013B and 2013J, sorted by day.
  let events: [LearningEvent]
  /// `id_student` of each dense index.
  let studentIDs: [Int]

  /// The moment of day `day`.
  static func date(ofDay day: Int) -> Date { origin + Double(day) * 86_400 }

  /// Whether an item is scored: the 2013J ones, whose ids start with "J".
  static func isScored(_ evidence: Evidence) -> Bool { evidence.id.rawValue.hasPrefix("J") }

  /// The evidence of `event`: id "B<assessment>" or "J<assessment>", outcome true or false,
  /// from `source` (default the one ``source``).
  func evidence(_ event: LearningEvent, context: ContextID? = nil, source: SourceID = source)
    throws -> Evidence
  {
    Evidence(
      id: try EvidenceID((event.isScored ? "J" : "B") + String(event.assessment.id)),
      belief: try BeliefKey(task.beliefKey),
      content: .outcome(
        event.outcome ? BeliefDefinition.trueOutcome : BeliefDefinition.falseOutcome),
      source: source, observedAt: Self.date(ofDay: event.day), context: context)
  }

  /// The shared catalogue: the task's belief with `baseRate`, and the one source.
  func catalogue(baseRate: Double) throws -> Catalogue {
    try Catalogue(
      version: 1,
      beliefs: [.binary(BeliefKey(task.beliefKey), statement: task.statement, baseRate: baseRate)],
      sources: [Source(id: Self.source, kind: .behavior, reliability: 1)])
  }

  /// One model per student with an event, holding the events `including` selects, each made
  /// into its ledger item by `item` (default ``evidence(_:context:source:)``: no context, the
  /// one source).
  func models(
    _ catalogue: Catalogue, item: ((LearningEvent) throws -> Evidence)? = nil,
    including: (LearningEvent) -> Bool
  ) throws -> [UserModel] {
    var ledgers = [[Evidence]](repeating: [], count: studentIDs.count)
    for event in events where including(event) {
      ledgers[event.student].append(try item?(event) ?? evidence(event))
    }
    return try ledgers.indices.filter { !ledgers[$0].isEmpty }.map { student in
      try UserModel(
        user: UserID("student-\(studentIDs[student])"), catalogue: catalogue,
        evidence: ledgers[student])
    }
  }

  /// The scored (2013J) predictions of `backtest`, in the order of the scored events.
  func scoredPredictions(_ backtest: Backtest) throws -> [Double] {
    var position: [String: Int] = [:]
    for (index, event) in events.filter(\.isScored).enumerated() {
      position["student-\(studentIDs[event.student])/J\(event.assessment.id)"] = index
    }
    var result = [Double](repeating: .nan, count: position.count)
    for prediction in backtest.predictions {
      guard let index = position["\(prediction.user)/\(prediction.evidence)"] else { continue }
      let pTrue = prediction.probabilities[0]
      result[index] = pTrue
    }
    guard !result.contains(where: \.isNaN) else {
      throw LearningAnalyticsError.usage("the backtest missed some 2013J events")
    }
    return result
  }
}
