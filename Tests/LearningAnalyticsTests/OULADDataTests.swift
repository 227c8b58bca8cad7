import Testing

@testable import LearningAnalytics

@Suite struct OULADDataTests {
  static let assessments = """
    code_module,code_presentation,id_assessment,assessment_type,date
    AAA,2013B,10,TMA,20
    AAA,2013B,11,CMA,10
    AAA,2013B,12,Exam,
    AAA,2013J,20,TMA,15
    """
  static let submissions = """
    id_assessment,id_student,date_submitted,score
    10,1,19,70
    10,2,25,90
    11,1,10,
    12,1,230,40
    20,1,16,69.5
    """
  static let registrations = """
    code_module,code_presentation,id_student,date_registration,date_unregistration
    AAA,2013B,1,-10,
    AAA,2013B,2,-5,100
    AAA,2013B,3,-5,0
    AAA,2013B,4,15,
    AAA,2013J,1,-20,
    """

  static func data() throws -> OULADData {
    try OULADData(
      assessments: CSVTable(text: assessments, name: "assessments.csv"),
      submissions: CSVTable(text: submissions, name: "studentAssessment.csv"),
      registrations: CSVTable(text: registrations, name: "studentRegistration.csv"))
  }

  @Test func masteryIsOneEventPerScoredSubmission() throws {
    let data = try Self.data()
    // Student 1: TMA 10 (70, day 19), exam (40, day 230), 2013J TMA 20 (69.5, day 242 + 16).
    let rows = data.mastery.map { (data.studentIDs[$0.student], $0.day, $0.outcome, $0.isScored) }
    #expect(rows.count == 4)
    #expect(rows.contains { $0 == (1, 19, true, false) })
    #expect(rows.contains { $0 == (2, 25, true, false) })
    #expect(rows.contains { $0 == (1, 230, false, false) })
    #expect(rows.contains { $0 == (1, 258, false, true) })
    #expect(data.mastery.map(\.day) == data.mastery.map(\.day).sorted())
  }

  @Test func onTimeFollowsTheReadmesRegistrationRules() throws {
    let data = try Self.data()
    let rows = data.onTime.map {
      (data.studentIDs[$0.student], $0.assessment.id, $0.day, $0.outcome)
    }
    // Student 3 unregistered on day 0 (out); student 4 registered on day 15: in for the TMA
    // due on day 20, out for the CMA due on day 10. Student 2 withdrew later: still counts.
    #expect(rows.count == 6)
    #expect(rows.contains { $0 == (1, 10, 20, true) })
    #expect(rows.contains { $0 == (2, 10, 20, false) })  // submitted on day 25: late
    #expect(rows.contains { $0 == (4, 10, 20, false) })  // never submitted
    #expect(rows.contains { $0 == (1, 11, 10, true) })  // submitted unscored: on time
    #expect(rows.contains { $0 == (2, 11, 10, false) })
    #expect(rows.contains { $0 == (1, 20, 257, false) })  // 2013J: 16 > 15
    #expect(!rows.contains { $0.0 == 3 })
  }

  @Test func positionsRankByDueDay() throws {
    let data = try Self.data()
    let exam = try #require(data.mastery.first { $0.type == "Exam" })
    #expect(exam.assessment.position == 1)
    #expect(ContextPriorFit.context(of: exam) == "module:AAA/type:Exam/pos:1")
  }

  @Test func malformedRowsThrowWithTheirLine() {
    #expect(
      throws: LearningAnalyticsError.malformedRow(
        file: "x.csv", line: 3, reason: "2 fields where the header has 3")
    ) {
      try CSVTable(text: "a,b,c\n1,2,3\n4,5\n", name: "x.csv")
    }
    #expect(throws: LearningAnalyticsError.self) {
      try OULADData(
        assessments: CSVTable(text: Self.assessments, name: "assessments.csv"),
        submissions: CSVTable(
          text: "id_assessment,id_student,date_submitted,score\n10,1,x,70\n",
          name: "studentAssessment.csv"),
        registrations: CSVTable(text: Self.registrations, name: "studentRegistration.csv"))
    }
    #expect(throws: LearningAnalyticsError.missingColumn(file: "a.csv", column: "date")) {
      try OULADData.assessments(
        CSVTable(
          text: "code_module,code_presentation,id_assessment,assessment_type\n", name: "a.csv"))
    }
  }

  /// The study's counts (Docs/OULAD-study.md): 48,359 mastery events of 7,009 students and
  /// 69,615 on-time events of 7,899 students in 2013J.
  @Test func bundledDataMatchesTheStudy() throws {
    let data = try OULADData.bundled()
    let mastery = data.mastery.filter(\.isScored)
    let onTime = data.onTime.filter(\.isScored)
    #expect(mastery.count == 48_359 && Set(mastery.map(\.student)).count == 7_009)
    #expect(onTime.count == 69_615 && Set(onTime.map(\.student)).count == 7_899)
  }
}
