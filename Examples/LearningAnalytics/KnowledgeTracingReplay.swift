import SelfModel

/// The pre-registered knowledge-tracing row of the mastery task (`Docs/Evaluation.md`,
/// "Knowledge tracing per module x type"): one BKT skill per module x assessment type, its five
/// parameters fitted by ``KnowledgeTracingFit`` on 2013B sequences only, every student's
/// sequence filtered exactly by ``KnowledgeTracing``, one step per event.
///
/// A skill with at least ``minimumStudents`` students in 2013B has its own fit; any other takes
/// the fit of every 2013B sequence of its assessment type pooled, else of every 2013B sequence.
struct KnowledgeTracingReplay: Sendable {
  /// The students a module x type needs in 2013B for a fit of its own.
  static let minimumStudents = 100

  /// The fits: per module x type ("BBB/TMA"), per type ("TMA"), and of every sequence ("").
  let fits: [String: KnowledgeTracingFit.Result]

  /// Fits every skill, type and the pool on `training` (2013B events in day order).
  ///
  /// - Throws: ``ModelError`` when a pool has no observations or only one kind of answer.
  init(training: [LearningEvent]) throws {
    var sequences: [String: [Int: [Bool]]] = [:]
    for event in training {
      sequences[event.moduleType, default: [:]][event.student, default: []].append(event.outcome)
    }
    var pools: [String: [[Bool]]] = [:]
    var fits: [String: KnowledgeTracingFit.Result] = [:]
    for (skill, students) in sequences.sorted(by: { $0.key < $1.key }) {
      let skillSequences = students.sorted { $0.key < $1.key }.map(\.value)
      if students.count >= Self.minimumStudents {
        fits[skill] = try KnowledgeTracingFit.fit(skillSequences)
      }
      let type = String(skill.split(separator: "/").last ?? "")
      pools[type, default: []] += skillSequences
      pools["", default: []] += skillSequences
    }
    for (pool, poolSequences) in pools.sorted(by: { $0.key < $1.key }) {
      fits[pool] = try KnowledgeTracingFit.fit(poolSequences)
    }
    self.fits = fits
  }

  /// The parameters of `event`'s skill: its own fit, else its type's, else the pool's.
  func parameters(for event: LearningEvent) -> KnowledgeTracing.Parameters? {
    (fits[event.moduleType] ?? fits[event.type] ?? fits[""])?.parameters
  }

  /// `P(correct)` of every event (2013B then 2013J, in day order), each from the student's
  /// sequence for its skill filtered through every event of earlier days; events of one day
  /// share the state before the day, then are all filtered in order.
  func predictions(_ events: [LearningEvent]) -> [Double] {
    var mastery: [String: Double] = [:]
    var predictions: [Double] = []
    predictions.reserveCapacity(events.count)
    var start = events.startIndex
    while start < events.endIndex {
      let day = events[start].day
      let end = events[start...].firstIndex { $0.day != day } ?? events.endIndex
      for event in events[start..<end] {
        guard let parameters = parameters(for: event) else {
          predictions.append(0.5)
          continue
        }
        let before = mastery[Self.key(event)] ?? parameters.prior
        predictions.append(before * (1 - parameters.slip) + (1 - before) * parameters.guess)
      }
      for event in events[start..<end] {
        guard let parameters = parameters(for: event) else { continue }
        let key = Self.key(event)
        mastery[key] =
          KnowledgeTracing.step(
            from: mastery[key] ?? parameters.prior, correct: event.outcome, parameters: parameters
          ).masteryNext
      }
      start = end
    }
    return predictions
  }

  /// The sequence an event belongs to: its student and skill.
  private static func key(_ event: LearningEvent) -> String {
    "\(event.student)|\(event.moduleType)"
  }
}
