import Foundation
import SelfModel
import Testing

/// The differences between two models' estimates at `now`, as readable lines; empty when every
/// belief has the same key, outcomes, base rates, prior weight, evidence tallies (within
/// `tolerance`, relative to the belief's total evidence) and probabilities (within
/// `tolerance`; they carry likelihood-ratio and Jeffrey evidence too).
func differences(
  _ a: UserModel, _ b: UserModel, at now: Date, tolerance: Double = 1e-9
) -> [String] {
  let left = allEstimates(a, at: now)
  let right = allEstimates(b, at: now)
  guard left.map(\.key) == right.map(\.key) else {
    return ["beliefs differ: \(left.map(\.key)) vs \(right.map(\.key))"]
  }
  var found: [String] = []
  for (x, y) in zip(left, right) {
    guard x.outcomes == y.outcomes, x.baseRates == y.baseRates, x.priorWeight == y.priorWeight
    else {
      found.append("\(x.key): definitions or prior weight differ")
      continue
    }
    let scale = max(1, x.totalEvidence, y.totalEvidence)
    for (k, (s, t)) in zip(x.evidence, y.evidence).enumerated()
    where !(abs(s - t) <= tolerance * scale) {
      found.append("\(x.key)[\(x.outcomes[k])]: tally \(s) vs \(t)")
    }
    for (k, (s, t)) in zip(x.probabilities, y.probabilities).enumerated()
    where !(abs(s - t) <= tolerance) {
      found.append("\(x.key)[\(x.outcomes[k])]: probability \(s) vs \(t)")
    }
  }
  return found
}

/// Records an issue unless `a` and `b` have the same estimates at `now` (see
/// ``differences(_:_:at:tolerance:)``).
func assertEquivalent(
  _ a: UserModel, _ b: UserModel, at now: Date, tolerance: Double = 1e-9,
  _ context: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let found = differences(a, b, at: now, tolerance: tolerance)
  guard !found.isEmpty else { return }
  Issue.record(
    Comment(rawValue: "\(context()) not equivalent at \(now): \(found.joined(separator: "; "))"),
    sourceLocation: sourceLocation)
}

/// Records an issue unless every probability of every belief lies strictly inside (0, 1), each
/// belief's probabilities sum to 1 within 1e-12, and the uncertainty lies in (0, 1].
func assertProbabilitiesValid(
  _ model: UserModel, at now: Date, _ context: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  for estimate in allEstimates(model, at: now) {
    let probabilities = estimate.probabilities
    let sum = probabilities.reduce(0, +)
    let inside = probabilities.allSatisfy { $0 > 0 && $0 < 1 }
    let uncertainty = estimate.uncertainty
    guard !inside || abs(sum - 1) > 1e-12 || !(uncertainty > 0 && uncertainty <= 1) else {
      continue
    }
    Issue.record(
      Comment(
        rawValue:
          "\(context()) \(estimate.key) at \(now): p = \(probabilities) (sum \(sum)), u = \(uncertainty)"
      ), sourceLocation: sourceLocation)
  }
}

/// Records an issue unless `model` is exactly `before`: the same snapshot (user, policy,
/// definitions, sources, ledger) and bit-for-bit the same estimates at `now`.
func assertUnchanged(
  _ model: UserModel, comparedTo before: UserModel, at now: Date,
  _ context: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  if model.snapshot != before.snapshot {
    Issue.record(
      Comment(rawValue: "\(context()): the snapshot changed"), sourceLocation: sourceLocation)
  }
  if allEstimates(model, at: now) != allEstimates(before, at: now) {
    Issue.record(
      Comment(rawValue: "\(context()): the estimates changed"), sourceLocation: sourceLocation)
  }
}

/// Every estimate of `model` at `now`, recording an issue (and returning none) if `now` is not
/// finite: the law checkers are called with finite times only.
func allEstimates(_ model: UserModel, at now: Date) -> [BeliefEstimate] {
  do {
    return try model.estimates(at: now)
  } catch {
    Issue.record("estimates(at: \(now)) threw \(error)")
    return []
  }
}
