/// Renders `show`'s rows as an aligned text table.
enum TextTable {
  /// The table: a header line and one line per row, columns padded to their widest cell.
  static func render(_ rows: [ReadCommands.Row]) -> String {
    let header = ["BELIEF", "OUTCOME", "P", "CONFIDENCE", "95% INTERVAL"]
    let cells = rows.map { row in
      [
        row.belief, row.outcome, ReadCommands.percent(row.probability),
        ReadCommands.percent(row.confidence),
        "\(ReadCommands.percent(row.lower)) - \(ReadCommands.percent(row.upper))",
      ]
    }
    let all = [header] + cells
    let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
    return all.map { line in
      zip(line, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
        .joined(separator: "  ").trimmingSuffixSpaces()
    }.joined(separator: "\n")
  }
}

extension String {
  /// The string without trailing spaces.
  fileprivate func trimmingSuffixSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
