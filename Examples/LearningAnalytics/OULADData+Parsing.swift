/// One event before students get dense indices: `student` is the `id_student`.
typealias RawEvent = (student: Int, day: Int, outcome: Bool, assessment: Assessment)

extension OULADData {
  /// The assessments by id, each with its ``Assessment/position``.
  static func assessments(_ table: CSVTable) throws(LearningAnalyticsError) -> [Int: Assessment] {
    let columns = try [
      "code_module", "code_presentation", "id_assessment", "assessment_type", "date",
    ]
    .map { (name) throws(LearningAnalyticsError) in try table.index(of: name) }
    var byID: [Int: Assessment] = [:]
    for (row, fields) in table.rows.enumerated() {
      let presentation = String(fields[columns[1]])
      guard presentationOffsets[presentation] != nil else {
        throw .malformedRow(
          file: table.name, line: row + 2, reason: "unknown presentation \(presentation)")
      }
      guard let id = try table.integer(fields[columns[2]], row: row, column: "id_assessment")
      else { throw .malformedRow(file: table.name, line: row + 2, reason: "no id_assessment") }
      byID[id] = Assessment(
        module: String(fields[columns[0]]), presentation: presentation, id: id,
        type: String(fields[columns[3]]),
        due: try table.integer(fields[columns[4]], row: row, column: "date"))
    }
    return ranked(byID)
  }

  /// Numbers the assessments of each module, presentation and type by due day, then id.
  private static func ranked(_ byID: [Int: Assessment]) -> [Int: Assessment] {
    let groups = Dictionary(grouping: byID.values) { [$0.module, $0.presentation, $0.type] }
    var result = byID
    for members in groups.values {
      let order = members.sorted { ($0.due ?? 1_000_000, $0.id) < ($1.due ?? 1_000_000, $1.id) }
      for (rank, assessment) in order.enumerated() { result[assessment.id]?.position = rank + 1 }
    }
    return result
  }

  /// The mastery events (scored submissions), and the earliest submission day of each
  /// `(id_assessment, id_student)` whether scored or not.
  static func submissions(_ table: CSVTable, assessments: [Int: Assessment])
    throws(LearningAnalyticsError) -> ([RawEvent], [SIMD2<Int>: Int])
  {
    let columns = try ["id_assessment", "id_student", "date_submitted", "score"]
      .map { (name) throws(LearningAnalyticsError) in try table.index(of: name) }
    var events: [RawEvent] = []
    var submitted: [SIMD2<Int>: Int] = [:]
    for (row, fields) in table.rows.enumerated() {
      let numbers = try (0..<3).map { (i) throws(LearningAnalyticsError) in
        try table.integer(fields[columns[i]], row: row, column: table.columns[columns[i]])
      }
      guard let id = numbers[0], let student = numbers[1], let day = numbers[2],
        let assessment = assessments[id], let offset = presentationOffsets[assessment.presentation]
      else {
        throw .malformedRow(
          file: table.name, line: row + 2, reason: "a missing number or an unknown assessment")
      }
      let key = SIMD2(id, student)
      submitted[key] = min(submitted[key] ?? day, day)
      let score = fields[columns[3]]
      if score.isEmpty { continue }
      guard let value = Double(score), value.isFinite else {
        throw .malformedRow(file: table.name, line: row + 2, reason: "score \"\(score)\"")
      }
      events.append((student, day + offset, value >= 70, assessment))
    }
    return (events, submitted)
  }
}
