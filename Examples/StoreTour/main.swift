// StoreTour: a notebook-style walk through FileStore, the durable embedded store.
//
// Run with `swift run StoreTour`. Every date is fixed and the store lives in a fresh
// temporary folder, so the output is the same on every run.
import Foundation
import SelfModel
import SelfModelStore

let monday = Date(timeIntervalSinceReferenceDate: 760_000_000)
let tuesday = monday.addingTimeInterval(86_400)
let concise: BeliefKey = "preference.concise"
let user: UserID = "user-42"

func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

func probability(in store: FileStore) async throws -> String {
  let model = try await store.model(for: user)
  return percent(try model.estimate(for: concise, at: tuesday).probability(of: "true"))
}

let folder = FileManager.default.temporaryDirectory
  .appendingPathComponent("StoreTour-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: folder) }

do {
  print("1. Open a FileStore in a fresh folder.")
  print("   Group commit is the default: a record call returns once its bytes are fsynced,")
  print("   and concurrent writers share one fsync.")
  var store = try FileStore(at: folder)

  print("\n2. Publish the app's catalogue (one belief, two sources), then create a user.")
  let catalogue = try Catalogue(
    version: 1, beliefs: [try .binary(concise, statement: "Prefers concise answers")],
    sources: [
      try Source(id: "survey", kind: .userStated, reliability: 0.95),
      try Source(id: "clicks", kind: .behavior, reliability: 0.6),
    ], policy: RevisionPolicy(defaultHalfLife: 30 * 86_400))
  try await store.publish(catalogue)
  try await store.createUser(user)
  print(
    "   CATALOGUE holds version \(try await store.catalogue().version), checksummed and fsynced;")
  print("   user-42 exists: \(try await store.contains(user)), with no declarations of its own")

  print("\n3. Record evidence. Each call appends one checksummed journal record.")
  let answer = Evidence(
    id: "survey-1", belief: concise, content: .holds, weight: 3, source: "survey",
    observedAt: monday)
  let skims = try (1...4).map { index in
    Evidence(
      id: try EvidenceID("click-\(index)"), belief: concise, content: .holds, source: "clicks",
      observedAt: monday.addingTimeInterval(Double(index) * 600))
  }
  try await store.record(answer, for: user, at: tuesday)
  let result = try await store.record(skims, for: user, at: tuesday)
  print(
    "   recorded \(result.recorded.count) clicks; P(concise) = \(try await probability(in: store))")
  let again = try await store.record(answer, for: user, at: tuesday)
  print("   recording survey-1 again is a no-op: duplicates = \(again.duplicates)")

  print("\n4. Simulate a crash mid-append: half a record left at the end of the journal.")
  store.close()
  let journal = try FileManager.default.subpathsOfDirectory(atPath: folder)
    .first { $0.hasSuffix("/journal") }
    .map { folder + "/" + $0 }
  if let journal, let handle = FileHandle(forUpdatingAtPath: journal) {
    // The journal is preallocated: zeros follow its last record, so the record's end is just
    // after the last non-zero byte. A crash mid-append leaves the start of a frame there.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: journal))
    let end = (bytes.lastIndex { $0 != 0 } ?? -1) + 1
    try handle.seek(toOffset: UInt64(end))
    try handle.write(contentsOf: Data([0x40, 0x00, 0x00, 0x00, 0x9A, 0x17]))
    try handle.close()
    print("   wrote the first 6 bytes of a record after the journal's last one")
    print("   (users/<2 hex>/<sha256 of the id>/journal), as a crash mid-write would")
  }
  store = try FileStore(at: folder)
  print("   reopened: the torn tail is erased, every acknowledged record is there.")
  print("   evidence items: \(try await store.model(for: user).evidence.count)")
  print("   P(concise) = \(try await probability(in: store))")

  print("\n5. A second store on the same folder is refused: one process owns it.")
  do {
    _ = try FileStore(at: folder)
  } catch {
    print("   \(error.code.rawValue)")
  }

  print("\n6. Export user-42 as one portable JSON document (keys sorted, so stable).")
  let document = try await store.exportUser(user)
  let decoded = try ExportDocument(decoding: document)
  print("   \(document.count) bytes, format \(decoded.format) v\(decoded.formatVersion),")
  print(
    "   \(decoded.snapshot.evidence.count) evidence items, \(decoded.snapshot.sources.count) sources"
  )

  print("\n7. Forget the click stream: the model is as if it had never been seen,")
  print("   and a compaction rewrites the files so no byte of it remains.")
  let forgotten = try await store.forget(source: "clicks", for: user)
  print("   forgot \(forgotten.count) items; P(concise) = \(try await probability(in: store))")

  print("\n8. Delete the user: files removed, folder removed, parent folder fsynced.")
  print(
    "   deleted: \(try await store.deleteUser(user)); exists: \(try await store.contains(user))")

  print("\n9. Import the export from step 6 to bring the user back exactly.")
  let restored = try await store.importUser(document, replacing: false)
  print("   \(restored): \(try await store.model(for: restored).evidence.count) evidence items")

  print("\n10. Answer as a server would: results and errors as JSON, then shut down.")
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  let estimate = try await store.model(for: restored).estimate(for: concise, at: tuesday)
  let outcomes = try EstimateResponse(estimate).outcomes
  print("   estimate: \(outcomes.map { "\($0.outcome) \(percent($0.probability))" })")
  do throws(StoreError) {
    _ = try await store.model(for: "nobody")
  } catch {
    let problem = String(decoding: try encoder.encode(error.problem), as: UTF8.self)
    print("   \(error.category.httpStatus): \(problem)")
  }
  await store.shutdown()
} catch {
  print("StoreTour failed: \(error)")
  exit(1)
}
