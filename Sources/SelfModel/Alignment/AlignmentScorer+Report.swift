import Foundation

extension AlignmentScorer {
  /// The importance of a candidate's known, evidenced and all stances.
  struct Weights {
    var known = 0.0
    var evidenced = 0.0
    var total = 0.0
  }

  /// One assessed stance: its agreement, its position in the candidate and its importance
  /// times its signed agreement (the impact before dividing by the known importance).
  struct Entry {
    var part: Part
    var position: Int
    var weighted: Double

    /// 0 for supporting, 1 for conflicting, 2 for neutral stances.
    var group: Int { weighted > 0 ? 0 : weighted < 0 ? 1 : 2 }
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

    /// Adds the stance at `position` with its importance `w_i`; everything is divided by
    /// `sum_known w` when the report is built.
    mutating func add(_ part: Part, position: Int, weight: Double) {
      score += weight * part.signed
      lower += weight * part.range.lowerBound
      upper += weight * part.range.upperBound
      entries.append(Entry(part: part, position: position, weighted: weight * part.signed))
    }

    /// Sorts the stances (supporting by impact descending, conflicting by impact ascending,
    /// then neutral; one stable sort, so equal impacts keep the candidate's order) and builds
    /// the report.
    consuming func report(
      for candidate: Candidate, unknown: [Stance], weights: Weights, evaluatedAt: Date
    ) -> AlignmentReport {
      entries.sort { a, b in
        let (ga, gb) = (a.group, b.group)
        if ga != gb { return ga < gb }
        return abs(a.weighted) > abs(b.weighted)
      }
      let scale = weights.known > 0 ? 1 / weights.known : 0
      let split = entries.firstIndex { $0.group > 0 } ?? entries.count
      let neutralStart = entries.firstIndex { $0.group > 1 } ?? entries.count
      let stances = candidate.stances
      let make = { (entry: Entry) in Self.alignment(entry, stances, scale: scale) }
      let clamped = min(max(score * scale, -1), 1)
      return AlignmentReport(
        candidate: candidate.id, label: candidate.label, score: clamped,
        range: max(-1, min(lower * scale, clamped))...min(1, max(upper * scale, clamped)),
        coverage: weights.total > 0 ? min(1, weights.evidenced / weights.total) : 0,
        supporting: entries[..<split].map(make),
        conflicting: entries[split..<neutralStart].map(make),
        neutral: entries[neutralStart...].map(make), unknown: unknown, evaluatedAt: evaluatedAt)
    }

    private static func alignment(_ entry: Entry, _ stances: [Stance], scale: Double)
      -> StanceAlignment
    {
      let part = entry.part
      return StanceAlignment(
        stance: stances[entry.position], agreement: part.agreement, chance: part.chance,
        agreementInterval: part.interval, confidence: part.confidence,
        evidenceAgreement: part.confidence > 0 ? part.signed / part.confidence : 0,
        signedAgreement: part.signed, range: part.range, impact: entry.weighted * scale)
    }
  }
}
