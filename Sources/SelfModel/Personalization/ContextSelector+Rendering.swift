extension ContextSelector {
  /// The first line of every context's text.
  static let header =
    "What is known about this user (p: probability of the stated outcome; hedges are calibrated):"
  /// The header's length in characters.
  static let headerLength = header.count
  /// The line that stands for no beliefs.
  static let emptyLine = "- nothing relevant is known yet"

  /// The part of a belief's line that no request changes: marks, hedge, claim and numbers, up
  /// to and including `"; why: "`. Built once per belief when the selector is made, so that a
  /// context call only appends the reasons.
  ///
  /// `- very likely: Prefers concise answers (p 0.86, strong evidence; why: `.
  /// Contested and stale beliefs are prefixed `[contested]` / `[stale]` and never hedged above
  /// "may".
  func linePrefix(_ row: Row) -> String {
    let bands = options.hedging
    let (probability, confidence) = (row.probability, row.confidence)
    var line = "- "
    if row.isContested { line += "[contested] " }
    if row.isStale { line += "[stale] " }
    let hedged = row.isContested || row.isStale
    line += hedged ? "may" : bands.probabilityPhrase(probability)
    let statement = row.definition.statement
    if row.isBinary {
      line += row.leading == 0 ? ": " : " not: "
      line += statement
    } else {
      line += ": "
      line += statement
      line += ": "
      line += row.definition.outcomes[row.leading]
    }
    line += " (p "
    line += DecimalText.format(probability)
    line += row.totalEvidence > 0 ? ", " + bands.evidencePhrase(confidence) : ", no evidence"
    if row.isContested { line += ", evidence on both sides" }
    if row.isStale { line += ", evidence faded to " + DecimalText.format(row.freshness) }
    line += "; why: "
    return line
  }
}
