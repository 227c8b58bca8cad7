import Foundation

/// The decayed evidence tallies of one belief, kept per source so that reliability and the
/// per-source cap are applied when reading, and forgetting a source is dropping its slot.
///
/// Each slot stores raw tallies (`weight * mass`, without reliability) valued at the slot's
/// reference time `tau`. Adding an item observed at `o` costs O(K): if `o > tau` the slot is
/// rescaled by `2^(-(o - tau)/h)` and `tau` moves to `o`; otherwise the item is added with its
/// own factor `2^(-(tau - o)/h)`. Reading at `now` multiplies by `2^(-(now - tau)/h)`. This is
/// exact: `sum_e c_e 2^(-(now - o_e)/h)` regardless of arrival order.
struct BeliefTally: Sendable, Hashable {
  struct Slot: Sendable, Hashable {
    /// Index of the source in the model's source table.
    var source: Int
    /// Seconds, or `nil` for no decay.
    var halfLife: Double?
    /// Time (seconds since the reference date) at which `counts` are valued.
    var referenceTime: Double
    /// Raw tallies per outcome, valued at `referenceTime`.
    var counts: [Double]

    /// `2^(-(time - referenceTime) / h)`, at most 1: read at a time before the slot's latest
    /// evidence (future-dated evidence within the clock-skew tolerance, or an estimate asked
    /// for in the past), the slot counts as at its latest evidence, never amplified.
    func decayFactor(at time: Double) -> Double {
      guard let halfLife else { return 1 }
      return min(1, exp2(-(time - referenceTime) / halfLife))
    }
  }

  var slots: [Slot] = []
  /// Likelihood-ratio and Jeffrey items, which multiply probabilities instead of adding counts.
  var virtual = VirtualEvidence()

  /// Whether the tally holds nothing: no slot and no virtual item.
  var isEmpty: Bool { slots.isEmpty && virtual.items.isEmpty }

  /// Adds `weight` on one outcome (`outcome`) or `weight * masses` on all.
  /// `halfLifeIfNew` is used only when the source has no slot yet: a slot's half-life is fixed
  /// by its belief and source kind.
  mutating func add(
    source: Int, halfLifeIfNew halfLife: Double?, observedAt time: Double, weight: Double,
    outcome: Int?, masses: [Double], outcomeCount: Int
  ) {
    let slotIndex = slotIndex(
      for: source, halfLife: halfLife, time: time, outcomeCount: outcomeCount)
    var factor = 1.0
    let tau = slots[slotIndex].referenceTime
    if time > tau {
      if let halfLife = slots[slotIndex].halfLife {
        let rescale = exp2(-(time - tau) / halfLife)
        for k in slots[slotIndex].counts.indices { slots[slotIndex].counts[k] *= rescale }
      }
      slots[slotIndex].referenceTime = time
    } else if let halfLife = slots[slotIndex].halfLife {
      factor = exp2(-(tau - time) / halfLife)
    }
    if let outcome {
      slots[slotIndex].counts[outcome] += weight * factor
    } else {
      for k in masses.indices { slots[slotIndex].counts[k] += weight * factor * masses[k] }
    }
  }

  private mutating func slotIndex(
    for source: Int, halfLife: Double?, time: Double, outcomeCount: Int
  ) -> Int {
    for index in slots.indices where slots[index].source == source { return index }
    slots.append(
      Slot(
        source: source, halfLife: halfLife, referenceTime: time,
        counts: .zeros(outcomeCount)))
    return slots.count - 1
  }

  /// The reliability-weighted, capped contribution of one slot at `time`, before and after the
  /// cap: `raw_k = counts_k * decay * reliability`, `scale = min(1, cap / sum_k raw_k)`.
  static func contribution(
    of slot: Slot, at time: Double, reliability: Double, cap: Double?
  ) -> (values: [Double], scale: Double) {
    let factor = slot.decayFactor(at: time) * reliability
    let values = slot.counts.map { $0 * factor }
    return (values, capScale(total: values.reduce(0, +), cap: cap))
  }

  static func capScale(total: Double, cap: Double?) -> Double {
    guard let cap, total > cap else { return 1 }
    return cap / total
  }

  /// The evidence tallies `t_k` at `time`: the sum over slots of their capped contributions.
  func evidence(at time: Double, reliabilities: [Double], cap: Double?, outcomeCount: Int)
    -> [Double]
  {
    var totals = [Double].zeros(outcomeCount)
    for slot in slots {
      // ``contribution(of:at:reliability:cap:)`` without its array (B1b): the same products
      // summed in the same order, so the same bits.
      let factor = slot.decayFactor(at: time) * reliabilities[slot.source]
      var total = 0.0
      for count in slot.counts { total += count * factor }
      let scale = Self.capScale(total: total, cap: cap)
      for k in totals.indices { totals[k] += slot.counts[k] * factor * scale }
    }
    return totals
  }

  /// The tallies as they stood when the belief last received evidence (at ``lastObservedTime``,
  /// every slot evaluated at that same moment), capped; empty when there are no slots.
  func evidenceWhenLastObserved(reliabilities: [Double], cap: Double?, outcomeCount: Int)
    -> [Double]
  {
    guard let last = lastObservedTime else { return .zeros(outcomeCount) }
    return evidence(at: last, reliabilities: reliabilities, cap: cap, outcomeCount: outcomeCount)
  }

  /// The latest reference time of any slot: when the belief last received evidence.
  var lastObservedTime: Double? {
    (slots.map(\.referenceTime) + virtual.items.map(\.observedAt)).max()
  }
}
