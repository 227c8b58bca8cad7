// swift-format-ignore-file
// Generated from README.md's swift code blocks by Scripts/checks/readme-snippets.sh;
// edit README.md, not this file.
import Foundation
import SelfModel

let now = Date(timeIntervalSince1970: 1_767_225_600)
var policy = RevisionPolicy()
policy.halfLifeBySourceKind[.behavior] = 14 * 86_400  // clicks fade in two weeks

var model = try UserModel(user: "user-42", policy: policy)
try model.declare(.binary("preference.concise", statement: "Prefers concise answers"))
try model.register(Source(id: "clicks", kind: .behavior, reliability: 0.6))

try model.record(
  Evidence(
    id: "e-1", belief: "preference.concise", content: .holds, source: "clicks",
    observedAt: now),
  at: now)

let estimate = try model.estimate(for: "preference.concise", at: now)
print(try estimate.probability(of: "true"))          // 0.5 + evidence: 0.6153...
print(estimate.confidence)                           // 1 - W/(T+W) = 0.2307...
print(try estimate.credibleInterval(for: "true"))    // level 0.95, the one default
import SelfModelStore

let catalogue = try Catalogue(
  version: 1,
  beliefs: [.binary("preference.concise", statement: "Prefers concise answers")],
  sources: [Source(id: "clicks", kind: .behavior, reliability: 0.6)],
  policy: policy)

let store = try FileStore(at: "selfmodel-readme")      // Quickstart's is ./selfmodel-data
try await store.publish(catalogue)                    // the same version again is a no-op
if try await !store.contains("user-7") {              // the folder outlives the process
  _ = try await store.createUser("user-7")            // no declarations: the catalogue's
}
try await store.record(
  Evidence(
    id: "e-1", belief: "preference.concise", content: .holds, source: "clicks",
    observedAt: now),
  for: "user-7", at: now)                             // returns once durable
let stored = try await store.model(for: "user-7")     // a UserModel, as above
let estimates = try await store.estimates(            // no model handed out: served from
  for: "user-7", beliefs: ["preference.concise"], at: now)  // the last durable state
print(stored.evidence.count, estimates.count)         // 1 1
await store.shutdown()                                // finishes calls, releases the folder
