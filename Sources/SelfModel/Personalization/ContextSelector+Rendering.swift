extension ContextSelector {
  /// The first line of every context's text.
  static let header =
    "What is known about this user (p: probability of the stated outcome; hedges are calibrated):"
  /// The line that stands for no beliefs.
  static let emptyLine = "- nothing relevant is known yet"

  /// One belief as a hedged line: marks, hedge, claim, numbers, reasons.
  ///
  /// `- very likely: Prefers concise answers (p 0.86, strong evidence; why: tag "style")`.
  /// Contested and stale beliefs are prefixed `[contested]` / `[stale]` and never hedged above
  /// "may".
  func render(_ row: Row, reasons: [ContextReason]) -> String {
    let bands = options.hedging
    var marks = ""
    if row.isContested { marks += "[contested] " }
    if row.isStale { marks += "[stale] " }
    let hedge = marks.isEmpty ? bands.probabilityPhrase(row.probability) : "may"
    let definition = row.definition
    let claim: String
    if definition.isBinary {
      claim = row.leading == 0 ? ": \(definition.statement)" : " not: \(definition.statement)"
    } else {
      claim = ": \(definition.statement): \(definition.outcomes[row.leading])"
    }
    var numbers = "p \(DecimalText.format(row.probability))"
    numbers +=
      row.totalEvidence > 0 ? ", " + bands.evidencePhrase(row.confidence) : ", no evidence"
    if row.isContested { numbers += ", evidence on both sides" }
    if row.isStale { numbers += ", evidence faded to \(DecimalText.format(row.freshness))" }
    let why = reasons.map(\.description).joined(separator: ", ")
    return "- \(marks)\(hedge)\(claim) (\(numbers); why: \(why))"
  }
}
