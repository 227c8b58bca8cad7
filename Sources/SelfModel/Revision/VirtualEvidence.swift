import Foundation

/// The likelihood-ratio and Jeffrey evidence of one belief (virtual evidence), kept item by
/// item beside the counted tallies.
///
/// Each item is a likelihood vector `λ` over the belief's outcomes: a ratio `LR` for outcome
/// `k` is `λ_k = LR` and `λ_j = 1` elsewhere; a Jeffrey target `q` is `λ_k = q_k / a_k` with the
/// belief's base rates `a` (read when the estimate is computed, so a new catalogue moves every
/// item alike). Read at `now`, item `e` from a source of reliability `r` adds
///
///     ℓ_k += w_e * 2^(-(now - observedAt_e) / h) * ln(r λ_k + 1 - r)
///
/// to outcome `k`'s log-likelihood. The sum is commutative, so the order of items does not
/// matter, and dropping an item is exactly never having seen it. Items are not aggregated
/// because `ln(r λ + 1 - r)` is not linear in `r`: reliability stays a read-time setting, as
/// for the tallies, at O(items) per read.
struct VirtualEvidence: Sendable, Hashable {
  /// What one item says.
  enum Kind: Sendable, Hashable {
    /// `λ_outcome = ratio`, 1 elsewhere.
    case ratio(outcome: Int, ratio: Double)
    /// `λ_k = target_k / a_k`.
    case target([Double])
  }

  /// One item, reduced to table indices.
  struct Item: Sendable, Hashable {
    var source: Int
    var halfLife: Double?
    var observedAt: Double
    var weight: Double
    var kind: Kind
  }

  /// The largest log-likelihood difference between two outcomes that an estimate uses (nats):
  /// a Bayes factor of about 1.1e13. Beyond it the probabilities would round to exactly 0 or 1.
  /// The bound is applied to the sum, not item by item, so it keeps order-independence (an
  /// OctoMap-style clamp after every item does not; ``LogOddsUpdate`` offers that one).
  static let saturation = 30.0

  /// The largest `|ln ratio|` an item may carry.
  static let maximumLogRatio = 700.0

  var items: [Item] = []

  /// The tempered, decayed, weighted log-likelihood of one item per outcome at `time`.
  static func logLikelihoods(
    of item: Item, at time: Double, reliability: Double, baseRates: [Double]
  ) -> [Double] {
    let decay = item.halfLife.map { exp2(-(time - item.observedAt) / $0) } ?? 1
    let scale = item.weight * decay
    switch item.kind {
    case .ratio(let outcome, let ratio):
      var values = [Double].zeros(baseRates.count)
      values[outcome] = scale * log(reliability * ratio + 1 - reliability)
      return values
    case .target(let target):
      return zip(target, baseRates).map { q, a in
        scale * log(reliability * q / a + 1 - reliability)
      }
    }
  }

  /// `ℓ_k` summed over the items at `time`, or `nil` when there are none.
  func logLikelihoods(at time: Double, reliabilities: [Double], baseRates: [Double]) -> [Double]? {
    guard !items.isEmpty else { return nil }
    var totals = [Double].zeros(baseRates.count)
    for item in items {
      let values = Self.logLikelihoods(
        of: item, at: time, reliability: reliabilities[item.source], baseRates: baseRates)
      for k in totals.indices { totals[k] += values[k] }
    }
    return totals
  }

  /// `p'_k ∝ p_k exp(ℓ_k)`, with every `ℓ_k - max ℓ` bounded below by `-saturation`.
  static func tilt(_ probabilities: [Double], by logLikelihoods: [Double]) -> [Double] {
    let top = logLikelihoods.max() ?? 0
    let weighted = zip(probabilities, logLikelihoods).map { p, l in
      p * exp(max(l - top, -saturation))
    }
    let total = weighted.reduce(0, +)
    return weighted.map { $0 / total }
  }
}
