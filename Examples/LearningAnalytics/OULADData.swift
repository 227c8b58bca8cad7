import Foundation

/// The OULAD 2013 events of both tasks, built from the trimmed CSVs by the task's rules (in
/// `Examples/LearningAnalytics/Data/NOTICE.md`, "The task and its protocol"), in time order.
struct OULADData: Sendable {
  /// Days from 2013B's day 0 (taken as 1 February 2013) to each presentation's day 0; 2013J's
  /// day 0 is taken as 1 October 2013, 242 days later.
  static let presentationOffsets = ["2013B": 0, "2013J": 242]

  /// The `id_student` of each dense student index.
  let studentIDs: [Int]
  /// Mastery events, sorted by day, student, assessment.
  let mastery: [LearningEvent]
  /// On-time events, sorted the same way.
  let onTime: [LearningEvent]

  /// The events of `task`.
  func events(for task: LearningTask) -> [LearningEvent] {
    task == .mastery ? mastery : onTime
  }

  /// Reads the CSVs bundled with the example.
  ///
  /// - Throws: ``LearningAnalyticsError`` for a missing or malformed file.
  static func bundled() throws -> OULADData {
    func table(_ name: String) throws -> CSVTable {
      guard
        let url = Bundle.module.url(
          forResource: name, withExtension: "csv", subdirectory: "Data")
      else { throw LearningAnalyticsError.missingResource("Data/\(name).csv") }
      return try CSVTable(text: String(contentsOf: url, encoding: .utf8), name: name + ".csv")
    }
    return try OULADData(
      assessments: table("assessments"), submissions: table("studentAssessment"),
      registrations: table("studentRegistration"))
  }

  /// Builds both tasks' events.
  ///
  /// - Parameters:
  ///   - assessments: `code_module, code_presentation, id_assessment, assessment_type, date`.
  ///   - submissions: `id_assessment, id_student, date_submitted, score` (non-banked rows).
  ///   - registrations: `code_module, code_presentation, id_student, date_registration,
  ///     date_unregistration`.
  /// - Throws: ``LearningAnalyticsError`` for a missing column, a malformed number, an unknown
  ///   presentation or an assessment id no assessment has.
  init(assessments: CSVTable, submissions: CSVTable, registrations: CSVTable)
    throws(LearningAnalyticsError)
  {
    let catalogue = try Self.assessments(assessments)
    let (mastery, submitted) = try Self.submissions(submissions, assessments: catalogue)
    let onTime = try Self.onTime(registrations, assessments: catalogue, submitted: submitted)
    let students = Set(mastery.map(\.student) + onTime.map(\.student)).sorted()
    let index = Dictionary(uniqueKeysWithValues: students.enumerated().map { ($1, $0) })
    studentIDs = students
    self.mastery = Self.events(mastery, index: index)
    self.onTime = Self.events(onTime, index: index)
  }

  /// Dense student indices, sorted by day, then `id_student`, then assessment id.
  private static func events(_ raw: [RawEvent], index: [Int: Int]) -> [LearningEvent] {
    raw.sorted { ($0.day, $0.student, $0.assessment.id) < ($1.day, $1.student, $1.assessment.id) }
      .map {
        LearningEvent(
          student: index[$0.student] ?? 0, day: $0.day, outcome: $0.outcome,
          isScored: $0.assessment.presentation == "2013J", assessment: $0.assessment)
      }
  }
}
