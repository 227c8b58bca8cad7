extension PromptSelector {
  /// The first line of every context's text.
  static let header =
    "What is known about this user (p: probability of the stated outcome; hedges are calibrated):"
  /// The header's length in characters.
  static let headerLength = header.count
  /// The line that stands for no beliefs.
  static let emptyLine = "- nothing relevant is known yet"

  /// The text with its closing line, never longer than `limit` characters.
  ///
  /// When the character budget left relevant beliefs out, the closing line says how many
  /// (`- 2 more relevant belief(s) left out by the character budget`), if it fits; when no
  /// belief was included it is that line, or ``emptyLine`` when nothing relevant has evidence,
  /// alone if the header does not fit beside it, and cut to `limit` if even it is longer.
  ///
  /// - Parameters:
  ///   - text: The header and the included lines.
  ///   - length: `text.count`.
  ///   - included: How many lines `text` holds.
  ///   - cut: How many relevant beliefs the character budget left out.
  ///   - limit: The character budget, if any.
  /// - Returns: The text to return.
  static func finished(_ text: String, length: Int, included: Int, cut: Int, limit: Int?)
    -> String
  {
    let closing: String
    if cut > 0 {
      let more = included > 0 ? "more " : ""
      closing = "- \(cut) \(more)relevant belief(s) left out by the character budget"
    } else if included == 0 {
      closing = emptyLine
    } else {
      return text
    }
    guard let limit, length + 1 + closing.count > limit else { return text + "\n" + closing }
    return included > 0 ? text : String(closing.prefix(limit))
  }

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
