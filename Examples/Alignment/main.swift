// Alignment: rank three candidate replies for one user and explain the winner.
//
// Run with `swift run Alignment`. Deterministic: a fixed date, no clock, no randomness.
import Foundation
import SelfModel

func format(_ value: Double, _ digits: Int = 3) -> String {
  String(format: "%.\(digits)f", value)
}

let now = Date(timeIntervalSinceReferenceDate: 760_000_000)  // 2025-01-31, fixed

// MARK: 1. The user's model
print("1. Build user-42's model: three beliefs, evidence from what they said and clicked.")
var model = try UserModel(user: "user-42")
try model.register(Source(id: "user", kind: .userStated, reliability: 0.9))
try model.register(Source(id: "clicks", kind: .behavior, reliability: 0.5))
try model.declare(.binary("preference.concise", statement: "Prefers concise answers"))
try model.declare(
  BeliefDefinition(
    key: "preference.tone", statement: "Preferred tone", outcomes: ["formal", "casual", "playful"]))
try model.declare(.binary("preference.examples", statement: "Likes worked examples"))
let evidence: [(String, BeliefKey, EvidenceContent, Double, SourceID)] = [
  ("e1", "preference.concise", .holds, 3, "user"),
  ("e2", "preference.concise", .doesNotHold, 1, "clicks"),
  ("e3", "preference.concise", .doesNotHold, 1, "clicks"),
  ("e4", "preference.tone", .outcome("casual"), 1, "user"),
  ("e5", "preference.tone", .outcome("casual"), 1, "user"),
  ("e6", "preference.tone", .outcome("playful"), 1, "clicks"),
]
for (id, belief, content, weight, source) in evidence {
  try model.record(
    Evidence(
      id: EvidenceID(id), belief: belief, content: content, weight: weight, source: source,
      observedAt: now),
    at: now)
}
for estimate in try model.estimates(at: now) {
  let probabilities = zip(estimate.outcomes, estimate.probabilities)
    .map { "\($0)=\(format($1))" }.joined(separator: " ")
  print("   \(estimate.key): \(probabilities)  confidence \(format(estimate.confidence))")
}
print("   (No evidence about examples yet: it sits at its base rate with confidence 0.)")

// MARK: 2. Three candidate replies
print("\n2. Describe three candidate replies as stances (belief, assertion, importance).")
let candidates = [
  try Candidate(
    id: "reply-a", label: "Short and casual",
    stances: [
      try Stance(belief: "preference.concise", asserts: .holds, importance: 2),
      try Stance(belief: "preference.tone", asserts: .outcome("casual")),
    ]),
  try Candidate(
    id: "reply-b", label: "Long and formal",
    stances: [
      try Stance(belief: "preference.concise", asserts: .doesNotHold, importance: 2),
      try Stance(belief: "preference.tone", asserts: .outcome("formal")),
    ]),
  try Candidate(
    id: "reply-c", label: "Short, playful, with examples and emoji",
    stances: [
      try Stance(belief: "preference.concise", asserts: .holds),
      try Stance(belief: "preference.tone", asserts: .outcome("playful")),
      try Stance(belief: "preference.examples", asserts: .holds),
      try Stance(belief: "preference.emoji", asserts: .holds, importance: 0.5),
    ]),
]
for candidate in candidates {
  print("   \(candidate.id): \(candidate.label), \(candidate.stances.count) stances")
}

// MARK: 3. Rank them
print("\n3. Rank: evaluate the model once, then score every candidate against it.")
let scorer = try AlignmentScorer(model: model, at: now)
let ranking = try scorer.rank(candidates)
print("   rank  candidate   score   95% range          coverage")
/// `value` right-aligned in `width` characters, so negative numbers keep the columns straight.
func column(_ value: String, _ width: Int) -> String {
  String(repeating: " ", count: max(0, width - value.count)) + value
}
for entry in ranking {
  let report = entry.report
  let range = "\(format(report.range.lowerBound))...\(format(report.range.upperBound))"
  print(
    "   \(entry.rank)     \(entry.candidate.id)    \(column(format(report.score), 6))  "
      + "\(column(range, 17))  \(format(report.coverage))")
}

// MARK: 4. Explain the winner
let winner = ranking[0]
print("\n4. Why \(winner.candidate.id) (\(winner.candidate.label)) wins, stance by stance:")
print("   s = (A - C) / (1 - C) above chance; A = P(user holds it), C = its base rate.")
for part in winner.report.supporting + winner.report.conflicting + winner.report.neutral {
  print(
    "   \(part.stance.belief): A=\(format(part.agreement)) C=\(format(part.chance)) "
      + "confidence=\(format(part.confidence)) s=\(format(part.signedAgreement)) "
      + "impact=\(format(part.impact))")
}
print("   The impacts sum to the score, \(format(winner.report.score)).")

// MARK: 5. What the others got wrong or could not know
print("\n5. The others: conflicting stances cost them, unknown beliefs are listed, not guessed.")
for entry in ranking.dropFirst() {
  let report = entry.report
  let conflicts = report.conflicting.map { "\($0.stance.belief) (\(format($0.impact)))" }
  print("   \(entry.candidate.id): conflicts \(conflicts.isEmpty ? ["none"] : conflicts)")
  if !report.unknown.isEmpty {
    print("     unknown to the model: \(report.unknown.map(\.belief.rawValue))")
    print("     neutral (declared, no evidence): \(report.neutral.map(\.stance.belief.rawValue))")
  }
}

// MARK: 6. Model to model
print("\n6. Compare the user's model with a persona's model over shared beliefs (JS in bits).")
var persona = try UserModel(user: "persona-formal")
try persona.register(Source(id: "author", kind: .userStated, reliability: 1))
try persona.declare(.binary("preference.concise", statement: "Prefers concise answers"))
try persona.declare(
  BeliefDefinition(
    key: "preference.tone", statement: "Preferred tone", outcomes: ["formal", "casual", "playful"]))
try persona.record(
  [
    Evidence(
      id: "p1", belief: "preference.concise", content: .holds, weight: 4, source: "author",
      observedAt: now),
    Evidence(
      id: "p2", belief: "preference.tone", content: .outcome("formal"), weight: 4,
      source: "author", observedAt: now),
  ], at: now)
let comparison = try ModelComparison.compare(model, persona, at: now)
for belief in comparison.beliefs {
  print(
    "   \(belief.belief): JS=\(format(belief.divergence)) bits, weight \(format(belief.weight))")
}
print(
  "   overall agreement \(format(comparison.agreement ?? 0)); only in user-42: \(comparison.onlyInFirst)"
)
