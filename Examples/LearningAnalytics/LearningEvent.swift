/// One outcome of one student in one task: what is predicted, then applied as evidence.
struct LearningEvent: Sendable, Hashable {
  /// The student's dense index in ``OULADData/studentIDs``.
  let student: Int
  /// The day of the event, counted from 2013B's day 0 (2013J's day 0 is day 242).
  let day: Int
  /// Whether the proposition held (score >= 70; submitted by the due day).
  let outcome: Bool
  /// Whether the event belongs to 2013J, the presentation that is scored.
  let isScored: Bool
  /// The assessment the event is about.
  let assessment: Assessment

  /// The assessment type, such as "TMA".
  var type: String { assessment.type }
  /// The event's module x assessment type, as the README's reference uses it: "BBB/TMA".
  var moduleType: String { assessment.module + "/" + assessment.type }
}
