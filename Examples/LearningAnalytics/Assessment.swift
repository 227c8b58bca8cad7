/// One row of `assessments.csv`: a piece of coursework or an exam of one module presentation.
struct Assessment: Sendable, Hashable {
  /// `code_module`, such as "BBB".
  let module: String
  /// `code_presentation`, "2013B" or "2013J".
  let presentation: String
  /// `id_assessment`.
  let id: Int
  /// `assessment_type`: "TMA" (tutor-marked), "CMA" (computer-marked) or "Exam".
  let type: String
  /// The due day relative to the presentation's start; `nil` for some exams.
  let due: Int?
  /// The 1-based rank of the assessment within its module, presentation and type, ordered
  /// by due day (no due day last), then id: "the third TMA of BBB".
  var position = 0
}
