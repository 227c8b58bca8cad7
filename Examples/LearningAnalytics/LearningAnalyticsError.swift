/// What can go wrong when the example reads its data or its command line.
enum LearningAnalyticsError: Error, Equatable, CustomStringConvertible {
  /// A resource file is not in the bundle.
  case missingResource(String)
  /// A file lacks a column the example reads.
  case missingColumn(file: String, column: String)
  /// A row could not be read: its file, its 1-based line, and why.
  case malformedRow(file: String, line: Int, reason: String)
  /// The command line could not be understood.
  case usage(String)

  var description: String {
    switch self {
    case .missingResource(let name): "resource \(name) is missing from the bundle"
    case .missingColumn(let file, let column): "\(file): no column \"\(column)\""
    case .malformedRow(let file, let line, let reason): "\(file), line \(line): \(reason)"
    case .usage(let message): message
    }
  }
}
