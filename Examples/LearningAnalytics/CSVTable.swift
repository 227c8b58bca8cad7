/// A comma-separated table with a header row: the minimal reader the trimmed OULAD files need
/// (no quoting inside fields, LF or CRLF line ends; surrounding double quotes are tolerated).
struct CSVTable {
  /// The file name, for error messages.
  let name: String
  /// The header's column names.
  let columns: [String]
  /// The data rows; each has exactly `columns.count` fields.
  let rows: [[Substring]]

  /// Parses `text`.
  ///
  /// - Throws: ``LearningAnalyticsError/malformedRow(file:line:reason:)`` for an empty file or
  ///   a row whose field count differs from the header's.
  init(text: String, name: String) throws(LearningAnalyticsError) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    guard !lines.isEmpty else {
      throw .malformedRow(file: name, line: 1, reason: "the file has no header row")
    }
    let header = lines.removeFirst()
    self.name = name
    self.columns = Self.fields(of: header).map(String.init)
    var rows: [[Substring]] = []
    rows.reserveCapacity(lines.count)
    for (offset, line) in lines.enumerated() {
      let fields = Self.fields(of: line)
      guard fields.count == columns.count else {
        throw .malformedRow(
          file: name, line: offset + 2,
          reason: "\(fields.count) fields where the header has \(columns.count)")
      }
      rows.append(fields)
    }
    self.rows = rows
  }

  /// The position of `column`.
  ///
  /// - Throws: ``LearningAnalyticsError/missingColumn(file:column:)``.
  func index(of column: String) throws(LearningAnalyticsError) -> Int {
    guard let index = columns.firstIndex(of: column) else {
      throw .missingColumn(file: name, column: column)
    }
    return index
  }

  /// The integer in `field`, or `nil` when it is empty.
  ///
  /// - Throws: ``LearningAnalyticsError/malformedRow(file:line:reason:)`` when the field is
  ///   neither empty nor an integer; `row` is the 0-based data row.
  func integer(_ field: Substring, row: Int, column: String) throws(LearningAnalyticsError)
    -> Int?
  {
    if field.isEmpty { return nil }
    guard let value = Int(field) else {
      throw .malformedRow(
        file: name, line: row + 2, reason: "\(column) is \"\(field)\", not an integer")
    }
    return value
  }

  private static func fields(of line: Substring) -> [Substring] {
    line.split(separator: ",", omittingEmptySubsequences: false).map { field in
      field.count >= 2 && field.first == "\"" && field.last == "\""
        ? field.dropFirst().dropLast() : field
    }
  }
}
