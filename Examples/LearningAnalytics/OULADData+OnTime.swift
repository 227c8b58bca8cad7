extension OULADData {
  /// The on-time events: one per TMA/CMA with a due day and student registered in its
  /// presentation, leaving out students who unregistered on or before day 0 and those who
  /// registered after the due day; the outcome is a submission on or before the due day.
  static func onTime(
    _ table: CSVTable, assessments: [Int: Assessment], submitted: [SIMD2<Int>: Int]
  ) throws(LearningAnalyticsError) -> [RawEvent] {
    let registrations = try self.registrations(table)
    var events: [RawEvent] = []
    for assessment in assessments.values where assessment.type != "Exam" {
      guard let due = assessment.due,
        let offset = presentationOffsets[assessment.presentation]
      else { continue }
      for (student, registered, unregistered) in registrations[
        [assessment.module, assessment.presentation], default: []]
      {
        if let unregistered, unregistered <= 0 { continue }
        if let registered, registered > due { continue }
        let day = submitted[SIMD2(assessment.id, student)]
        events.append((student, due + offset, day.map { $0 <= due } ?? false, assessment))
      }
    }
    return events
  }

  /// The registrations of each `[module, presentation]`: student, registration day and
  /// unregistration day (either may be missing).
  private static func registrations(_ table: CSVTable) throws(LearningAnalyticsError)
    -> [[String]: [(Int, Int?, Int?)]]
  {
    let names = [
      "code_module", "code_presentation", "id_student", "date_registration",
      "date_unregistration",
    ]
    let columns = try names.map { (name) throws(LearningAnalyticsError) in
      try table.index(of: name)
    }
    var result: [[String]: [(Int, Int?, Int?)]] = [:]
    for (row, fields) in table.rows.enumerated() {
      let days = try (2..<5).map { (i) throws(LearningAnalyticsError) in
        try table.integer(fields[columns[i]], row: row, column: names[i])
      }
      guard let student = days[0] else {
        throw .malformedRow(file: table.name, line: row + 2, reason: "no id_student")
      }
      result[[String(fields[columns[0]]), String(fields[columns[1]])], default: []].append(
        (student, days[1], days[2]))
    }
    return result
  }
}
