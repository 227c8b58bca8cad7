import Foundation

extension AlignmentScorer {
  /// The importance of a candidate's known, evidenced and all stances.
  struct Weights {
    var known = 0.0
    var evidenced = 0.0
    var total = 0.0
  }

  /// One assessed stance: its agreement, its position in the candidate and its impact.
  struct Entry {
    var part: Part
    var position: Int
    var impact: Double
  }

  /// The weighted stances of one candidate. Entries hold no references, so sorting them moves
  /// plain numbers; each ``StanceAlignment`` is built once, in its final place.
  struct Collected {
    var entries: [Entry] = []
    var score = 0.0
    var lower = 0.0
    var upper = 0.0

    init(capacity: Int) {
      entries.reserveCapacity(capacity)
    }

    /// Adds the stance at `position` with its normalised weight `w_i / sum_known w`.
    mutating func add(_ part: Part, position: Int, weight: Double) {
      score += weight * part.signed
      lower += weight * part.range.lowerBound
      upper += weight * part.range.upperBound
      entries.append(Entry(part: part, position: position, impact: weight * part.signed))
    }

    /// Sorts the stances and builds the report. Sorts are stable, so equal impacts keep the
    /// candidate's order.
    func report(
      for candidate: Candidate, unknown: [Stance], weights: Weights, evaluatedAt: Date
    ) -> AlignmentReport {
      let stances = candidate.stances
      var supporting: [Entry] = []
      var conflicting: [Entry] = []
      var neutral: [AlignmentScorer.Entry] = []
      for entry in entries {
        if entry.impact > 0 {
          supporting.append(entry)
        } else if entry.impact < 0 {
          conflicting.append(entry)
        } else {
          neutral.append(entry)
        }
      }
      supporting.sort { $0.impact > $1.impact }
      conflicting.sort { $0.impact < $1.impact }
      let clamped = min(max(score, -1), 1)
      return AlignmentReport(
        candidate: candidate.id, label: candidate.label, score: clamped,
        range: max(-1, min(lower, clamped))...min(1, max(upper, clamped)),
        coverage: weights.total > 0 ? min(1, weights.evidenced / weights.total) : 0,
        supporting: supporting.map { Self.alignment($0, stances) },
        conflicting: conflicting.map { Self.alignment($0, stances) },
        neutral: neutral.map { Self.alignment($0, stances) }, unknown: unknown,
        evaluatedAt: evaluatedAt)
    }

    private static func alignment(_ entry: Entry, _ stances: [Stance]) -> StanceAlignment {
      let part = entry.part
      return StanceAlignment(
        stance: stances[entry.position], agreement: part.agreement, chance: part.chance,
        agreementInterval: part.interval, confidence: part.confidence,
        evidenceAgreement: part.confidence > 0 ? part.signed / part.confidence : 0,
        signedAgreement: part.signed, range: part.range, impact: entry.impact)
    }
  }
}
