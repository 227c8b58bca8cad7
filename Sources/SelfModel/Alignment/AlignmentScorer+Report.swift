extension AlignmentScorer {
  /// Weighs the assessed stances into a report; `weights` are the known, evidenced and total
  /// importance.
  func report(
    for candidate: Candidate, parts: [Part], unknown: [Stance],
    weights: (known: Double, evidenced: Double, total: Double)
  ) -> AlignmentReport {
    var supporting: [StanceAlignment] = []
    var conflicting: [StanceAlignment] = []
    var neutral: [StanceAlignment] = []
    var score = 0.0
    var lower = 0.0
    var upper = 0.0
    let known = weights.known
    for part in parts {
      let weight = known > 0 ? part.stance.importance / known : 0
      score += weight * part.signed
      lower += weight * part.range.lowerBound
      upper += weight * part.range.upperBound
      let alignment = Self.alignment(of: part, impact: weight * part.signed)
      if alignment.impact > 0 {
        supporting.append(alignment)
      } else if alignment.impact < 0 {
        conflicting.append(alignment)
      } else {
        neutral.append(alignment)
      }
    }
    supporting.sort { ($0.impact, $1.stance.belief) > ($1.impact, $0.stance.belief) }
    conflicting.sort { ($0.impact, $0.stance.belief) < ($1.impact, $1.stance.belief) }
    neutral.sort { $0.stance.belief < $1.stance.belief }
    score = min(max(score, -1), 1)
    return AlignmentReport(
      candidate: candidate.id, label: candidate.label, score: score,
      range: max(-1, min(lower, score))...min(1, max(upper, score)),
      coverage: weights.total > 0 ? min(1, weights.evidenced / weights.total) : 0,
      supporting: supporting, conflicting: conflicting, neutral: neutral, unknown: unknown,
      evaluatedAt: evaluatedAt)
  }

  private static func alignment(of part: Part, impact: Double) -> StanceAlignment {
    StanceAlignment(
      stance: part.stance, agreement: part.agreement, chance: part.chance,
      agreementInterval: part.interval, confidence: part.confidence,
      evidenceAgreement: part.confidence > 0 ? part.signed / part.confidence : 0,
      signedAgreement: part.signed, range: part.range, impact: impact)
  }
}
