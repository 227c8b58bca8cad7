// Quickstart: a notebook-style tour of SelfModel, kept in a durable FileStore.
//
// Run with `swift run Quickstart [folder]`. Every step prints what it did and why. The store
// lives in a local folder (default `./selfmodel-data`); the example starts its user afresh, so
// the output is deterministic: time comes from a ManualClock that starts at a fixed date,
// never from Date().

import Foundation
import SelfModel
import SelfModelStore
import SelfModelTesting

let day: TimeInterval = 86_400
let clock = ManualClock(start: Date(timeIntervalSince1970: 1_767_225_600))  // 2026-01-01 UTC
var evidenceCounter = 0

func step(_ number: Int, _ title: String) {
  print("\n## Step \(number). \(title)")
}

@MainActor func nextEvidenceID() throws -> EvidenceID {
  evidenceCounter += 1
  return try EvidenceID("e-\(evidenceCounter)")
}

func percent(_ value: Double) -> String {
  String(format: "%5.1f%%", value * 100)
}

func printTable(_ model: UserModel, at now: Date) throws {
  let header = "belief".padding(toLength: 28, withPad: " ", startingAt: 0)
  print("\(header) most likely   p      confidence  90% interval      evidence")
  for estimate in try model.estimates(at: now) {
    let top = estimate.mostLikelyOutcome
    let p = try estimate.probability(of: top)
    let interval = try estimate.credibleInterval(for: top, level: 0.9)
    let name = estimate.key.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0)
    let outcome = top.padding(toLength: 10, withPad: " ", startingAt: 0)
    let range = "\(percent(interval.lowerBound)) – \(percent(interval.upperBound))"
    print(
      "\(name) \(outcome) \(percent(p))  \(percent(estimate.confidence))      \(range)  "
        + String(format: "%.2f", estimate.totalEvidence))
  }
}

// MARK: - 1. The app's catalogue

step(1, "Declare the app's catalogue once: beliefs, sources and the revision policy")
var policy = RevisionPolicy()
policy.halfLifeBySourceKind[.behavior] = 14 * day
policy.halfLifeBySourceKind[.modelInference] = 30 * day
policy.maximumContributionPerSource = 8
let catalogue = try Catalogue(
  version: 1,
  beliefs: [
    .binary("preference.concise", statement: "Prefers concise answers"),
    BeliefDefinition(
      key: "preference.tone", statement: "Preferred tone of voice",
      outcomes: ["formal", "casual", "playful"]),
    .binary(
      "interest.swift-concurrency", statement: "Is interested in Swift concurrency",
      baseRate: 0.3),
  ],
  sources: [
    Source(id: "user", kind: .userStated, reliability: 0.95),
    Source(id: "clicks", kind: .behavior, reliability: 0.6),
    Source(id: "llm", kind: .modelInference, reliability: 0.5),
  ],
  policy: policy)
for belief in catalogue.beliefs {
  print("- \(belief.key): \(belief.statement) [\(belief.outcomes.joined(separator: " | "))]")
}
print("Sources: user (stated, 0.95), clicks (behaviour, 0.6), llm (model inference, 0.5).")
print(
  "Prior weight W = \(policy.priorWeight): with no evidence every belief sits at its base rate.")
print("Clicks fade with a 14-day half-life, model inferences with 30 days; the user's own words")
print("do not fade. No single source may contribute more than 8 observations to one belief.")

// MARK: - 2. Store and user

step(2, "Open the store, publish the catalogue, create a user")
let folder = CommandLine.arguments.dropFirst().first ?? "selfmodel-data"
var store = try FileStore(at: folder)
let user: UserID = "user-42"
// Every instance of the app publishes its catalogue at startup. The same version again is a
// no-op; a newer version already in force (here: left by an earlier run's step 9; in
// production: a newer release rolling out) throws catalogueOutdated, which is fine to ignore,
// because every newer version is compatible with the older ones.
do throws(StoreError) {
  let published = try await store.publish(catalogue)
  print(
    "Catalogue version \(published.toVersion) is in force; this publish added "
      + "\(published.addedBeliefs.count) beliefs (0 if an earlier run published it).")
} catch {
  guard error.code == .catalogueOutdated else { throw error }
  print("A newer catalogue (version \(try await store.catalogue().version)) is already in force.")
}
// Start afresh, so every run prints the same: drop what an earlier run left (if anything).
_ = try await store.deleteUser(user)
let created = try await store.createUser(user)
print(
  "Created \(user) in one durable call, with no declarations of its own: it reads the "
    + "catalogue's \(created.beliefs.count) beliefs.")
print("The store is the folder '\(folder)': one journal and one snapshot per user, fsynced.")

// MARK: - 3. Evidence over three weeks

step(3, "Feed evidence from several sources over three simulated weeks")
for week in 0..<3 {
  for _ in 0..<3 {
    let click = Evidence(
      id: try nextEvidenceID(), belief: "preference.concise", content: .holds, source: "clicks",
      observedAt: clock.now, note: "skipped the long answer")
    try await store.record(click, for: user, at: clock.now)
    clock.advance(byDays: 2)
  }
  let inferred = Evidence(
    id: try nextEvidenceID(), belief: "preference.tone",
    content: .distribution(["formal": 0.1, "casual": 0.7, "playful": 0.2]), source: "llm",
    observedAt: clock.now, note: "classifier read week \(week + 1) of the conversation")
  let result = try await store.record([inferred], for: user, at: clock.now)
  let shift = result.changes.first.map { $0.probabilityShift[1] } ?? 0
  print(
    "Week \(week + 1): 3 clicks for 'concise'; the LLM's soft guess moved p(casual) by \(percent(shift))."
  )
  clock.advance(byDays: 1)
}
let stated = Evidence(
  id: try nextEvidenceID(), belief: "interest.swift-concurrency", content: .holds, weight: 3,
  source: "user", observedAt: clock.now, note: "ticked 'Swift concurrency' on the settings page")
let result = try await store.record([stated], for: user, at: clock.now)
if let change = result.changes.first {
  print(
    "The user ticked a box (weight 3): p(interested) went from "
      + "\(percent(change.before.probabilities[0])) to \(percent(change.after.probabilities[0])).")
}
let retry = try await store.record([stated], for: user, at: clock.now)
print(
  "Recording the same evidence id again (a retried request) is a no-op: duplicates = "
    + "\(retry.duplicates.map(\.rawValue)).")
print("Each record call returned only once its journal record was fsynced.")

// MARK: - 4. Reopen and read

step(4, "Close the store, reopen it, and read what we believe now")
store.close()
store = try FileStore(at: folder)
var model = try await store.model(for: user)
print("Reopened '\(folder)' and replayed \(model.evidence.count) evidence items from disk.")
try printTable(model, at: clock.now)
print("Confidence is 1 - W/(T+W): it grows with evidence T, whatever the evidence says.")

// MARK: - 5. Explain

step(5, "Explain one belief: which evidence moved it, by how much")
let explanation = try model.explain("preference.concise", at: clock.now)
for contribution in explanation.contributions.prefix(4) {
  let item = contribution.evidence
  print(
    "- \(item.id) from \(item.source): weight now \(String(format: "%.3f", contribution.currentWeight)) "
      + "(reliability \(contribution.reliability), decay \(String(format: "%.3f", contribution.decayFactor))), "
      + "moved p(true) by \(percent(contribution.probabilityShift[0]))")
}
print("Older clicks weigh less: each halves every 14 days.")

// MARK: - 6. Fade

step(6, "Let time pass: unrefreshed beliefs drift back to their base rate")
clock.advance(byDays: 60)
try printTable(model, at: clock.now)
for stale in try model.staleBeliefs(at: clock.now) {
  print(
    "Stale: \(stale.estimate.key) keeps \(percent(stale.freshness)) of its evidence; "
      + "uncertainty rose from \(percent(stale.uncertaintyWhenLastObserved)) to "
      + "\(percent(stale.estimate.uncertainty)).")
}

// MARK: - 7. Forget

step(7, "Forget a source: as if the LLM had never said anything")
let forgotten = try await store.forget(source: "llm", for: user)
model = try await store.model(for: user)
print(
  "Forgot \(forgotten.count) evidence items from 'llm'; the store rewrote its files without them.")
try printTable(model, at: clock.now)

// MARK: - 8. Audit

step(8, "Audit: what did we believe at the end of week 1?")
let endOfWeekOne = Date(timeIntervalSince1970: 1_767_225_600 + 7 * day)
let past = try model.asOf(endOfWeekOne)
let then = try past.estimate(for: "preference.concise", at: endOfWeekOne)
print(
  "On day 7 p(concise) was \(percent(then.probabilities[0])) from \(past.evidence.count) items "
    + "recorded by then.")

// MARK: - 9. A new release

step(9, "Ship a new release: catalogue version 2 adds a belief, and one user gets its own")
var next = catalogue.beliefs
next.append(try .binary("preference.examples", statement: "Wants code examples", baseRate: 0.6))
let diff = try await store.publish(
  try Catalogue(version: 2, beliefs: next, sources: catalogue.sources, policy: policy))
print(
  "Published version \(diff.toVersion): added \(diff.addedBeliefs.map(\.rawValue)), "
    + "removed \(diff.removedBeliefs.count). Changing a belief's outcomes would be refused.")
try await store.declare(
  [.binary("interest.jazz", statement: "Mentions jazz (found by an LLM)", baseRate: 0.1)],
  for: user)
model = try await store.model(for: user)
print(
  "\(user) now sees \(model.beliefs.count) beliefs: \(model.catalogue.beliefs.count) from the "
    + "catalogue (shared by every user) and \(model.ownBeliefs.count) of its own; its "
    + "\(model.evidence.count) evidence items were kept.")

store.close()
print(
  "\nDone. The model stays in '\(folder)'; Examples/StoreTour shows crashes, export and deletion.")
