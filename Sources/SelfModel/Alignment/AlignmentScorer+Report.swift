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
  }

  /// What a supporting or conflicting stance is sorted by: its impact's magnitude, then its
  /// place among the candidate's known stances. Two words, so sorting moves little.
  struct SortKey {
    var magnitude: Double
    var entry: Int

    /// Largest magnitude first; equal magnitudes in the candidate's order.
    static func precedes(_ a: Self, _ b: Self) -> Bool {
      a.magnitude != b.magnitude ? a.magnitude > b.magnitude : a.entry < b.entry
    }

    /// Sorts `keys` by ``precedes(_:_:)``: an insertion sort for the few stances of a typical
    /// candidate, the standard library's sort beyond that.
    static func sort(_ keys: inout [Self]) {
      guard keys.count <= 32 else { return keys.sort(by: precedes) }
      keys.withUnsafeMutableBufferPointer { buffer in
        for i in buffer.indices.dropFirst() {
          let key = buffer[i]
          var j = i
          while j > 0 && precedes(key, buffer[j - 1]) {
            buffer[j] = buffer[j - 1]
            j -= 1
          }
          buffer[j] = key
        }
      }
    }
  }

  /// The weighted stances of one candidate, in buffers that ``AlignmentScorer/rank(_:)``
  /// reuses from one candidate to the next, so scoring allocates only the report's own arrays.
  struct Collected {
    var entries: [Entry] = []
    var supporting: [SortKey] = []
    var conflicting: [SortKey] = []
    var neutralCount = 0
    var score = 0.0
    var lower = 0.0
    var upper = 0.0

    /// Empties the buffers, keeping their capacity.
    mutating func reset() {
      entries.removeAll(keepingCapacity: true)
      supporting.removeAll(keepingCapacity: true)
      conflicting.removeAll(keepingCapacity: true)
      neutralCount = 0
      score = 0
      lower = 0
      upper = 0
    }

    /// Adds the stance at `position` with its importance `w_i`; everything is divided by
    /// `sum_known w` when the report is built. The stance joins the supporting, conflicting or
    /// neutral group by the sign of `w_i s_i`.
    mutating func add(_ part: Part, position: Int, weight: Double) {
      score += weight * part.signed
      lower += weight * part.range.lowerBound
      upper += weight * part.range.upperBound
      let weighted = weight * part.signed
      if weighted > 0 {
        supporting.append(SortKey(magnitude: weighted, entry: entries.count))
      } else if weighted < 0 {
        conflicting.append(SortKey(magnitude: -weighted, entry: entries.count))
      } else {
        neutralCount += 1
      }
      entries.append(Entry(part: part, position: position, weighted: weighted))
    }

    /// Sorts the supporting stances by impact descending and the conflicting ones by impact
    /// ascending (equal impacts in the candidate's order), lists the neutral ones in the
    /// candidate's order, and builds the report; each ``StanceAlignment`` is built once, in
    /// its final place.
    mutating func report(
      for candidate: Candidate, unknown: [Stance], weights: Weights, evaluatedAt: Date
    ) -> AlignmentReport {
      SortKey.sort(&supporting)
      SortKey.sort(&conflicting)
      let scale = weights.known > 0 ? 1 / weights.known : 0
      let clamped = min(max(score * scale, -1), 1)
      return AlignmentReport(
        candidate: candidate.id, label: candidate.label, score: clamped,
        range: max(-1, min(lower * scale, clamped))...min(1, max(upper * scale, clamped)),
        coverage: weights.total > 0 ? min(1, weights.evidenced / weights.total) : 0,
        supporting: alignments(supporting, candidate.stances, scale: scale),
        conflicting: alignments(conflicting, candidate.stances, scale: scale),
        neutral: neutralAlignments(candidate.stances, scale: scale), unknown: unknown,
        evaluatedAt: evaluatedAt)
    }

    private func alignments(_ keys: [SortKey], _ stances: [Stance], scale: Double)
      -> [StanceAlignment]
    {
      var result: [StanceAlignment] = []
      result.reserveCapacity(keys.count)
      for key in keys { result.append(Self.alignment(entries[key.entry], stances, scale: scale)) }
      return result
    }

    private func neutralAlignments(_ stances: [Stance], scale: Double) -> [StanceAlignment] {
      guard neutralCount > 0 else { return [] }
      var result: [StanceAlignment] = []
      result.reserveCapacity(neutralCount)
      for entry in entries where !(entry.weighted > 0) && !(entry.weighted < 0) {
        result.append(Self.alignment(entry, stances, scale: scale))
      }
      return result
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
