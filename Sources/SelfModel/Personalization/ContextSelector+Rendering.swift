extension ContextSelector {
  /// The first line of every context's text.
  static let header =
    "What is known about this user (p: probability of the stated outcome; hedges are calibrated):"
  /// The header's length in characters.
  static let headerLength = header.count
  /// The line that stands for no beliefs.
  static let emptyLine = "- nothing relevant is known yet"

  /// One belief as a hedged line: marks, hedge, claim, numbers, reasons.
  ///
  /// `- very likely: Prefers concise answers (p 0.86, strong evidence; why: tag "style")`.
  /// Contested and stale beliefs are prefixed `[contested]` / `[stale]` and never hedged above
  /// "may".
  func render(_ index: Int, reasons: [ContextReason]) -> String {
    let bands = options.hedging
    let (probability, confidence) = (rows[index].probability, rows[index].confidence)
    let (contested, stale) = (rows[index].isContested, rows[index].isStale)
    var marks = ""
    if contested { marks += "[contested] " }
    if stale { marks += "[stale] " }
    let hedge = marks.isEmpty ? bands.probabilityPhrase(probability) : "may"
    let statement = definitions[index].statement
    let leading = rows[index].leading
    let claim: String
    if rows[index].isBinary {
      claim = leading == 0 ? ": " + statement : " not: " + statement
    } else {
      claim = ": " + statement + ": " + definitions[index].outcomes[leading]
    }
    var numbers = "p " + DecimalText.format(probability)
    numbers +=
      rows[index].totalEvidence > 0 ? ", " + bands.evidencePhrase(confidence) : ", no evidence"
    if contested { numbers += ", evidence on both sides" }
    if stale { numbers += ", evidence faded to " + DecimalText.format(rows[index].freshness) }
    var why = ""
    for reason in reasons {
      if !why.isEmpty { why += ", " }
      why += reason.description
    }
    var line = "- "
    line.reserveCapacity(
      marks.utf8.count + hedge.utf8.count + claim.utf8.count + numbers.utf8.count
        + why.utf8.count + 16)
    line += marks
    line += hedge
    line += claim
    line += " ("
    line += numbers
    line += "; why: "
    line += why
    line += ")"
    return line
  }
}
