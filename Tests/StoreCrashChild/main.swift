// A child process for the store's crash tests.
//
//   StoreCrashChild record <folder> <trial> <users>
//     Opens a FileStore in <folder>, creates users u0..u<users-1> if missing, then records
//     evidence for all users concurrently, forever. Prints `READY`, then `ACK <user> <id>`
//     (flushed) each time a record call returned. Evidence ids are `t<trial>-<user>-<n>`
//     with n counting from 0 per user, so the survivors of a kill form a prefix per user.
//   StoreCrashChild churn <folder> <users>
//     Like `record`, but every fifth write forgets an older item (a compaction every time)
//     and a transient user is created and deleted in a loop: the live writer the read-only
//     inspector's tests read beside. Prints `READY` once every user has records.
//   StoreCrashChild hold <folder>
//     Opens a FileStore, prints `READY` and sleeps until killed (for the locking test).
//
// The parent test kills it with SIGKILL at random moments and checks the store.
import Foundation
import SelfModel
import SelfModelStore

func emit(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data(("StoreCrashChild: " + message + "\n").utf8))
  exit(2)
}

let now = Date(timeIntervalSinceReferenceDate: 760_000_000)
let belief: BeliefKey = "preference.concise"

// Each step is checked separately: an earlier child may have been killed between them.
func prepare(_ user: UserID, in store: FileStore) async throws {
  if try await !store.contains(user) { try await store.createUser(user) }
  let model = try await store.model(for: user)
  if model.definition(for: belief) == nil {
    try await store.declare([try .binary(belief, statement: "Prefers concise answers")], for: user)
  }
  if model.source("user") == nil {
    try await store.register(
      [try Source(id: "user", kind: .userStated, reliability: 0.9)], for: user)
  }
}

func recordForever(_ user: UserID, trial: String, in store: FileStore) async throws {
  var index = 0
  while true {
    let id = try EvidenceID("t\(trial)-\(user)-\(index)")
    let item = Evidence(
      id: id, belief: belief, content: index % 3 == 0 ? .doesNotHold : .holds,
      source: "user", observedAt: now)
    try await store.record(item, for: user, at: now)
    emit("ACK \(user) \(id)")
    index += 1
  }
}

func churnForever(_ user: UserID, in store: FileStore) async throws {
  var index = 0
  while true {
    let id = try EvidenceID("c-\(user)-\(index)")
    let item = Evidence(
      id: id, belief: belief, content: index % 2 == 0 ? .holds : .doesNotHold,
      source: "user", observedAt: now)
    try await store.record(item, for: user, at: now)
    if index % 5 == 4 {
      try await store.forget(evidence: try EvidenceID("c-\(user)-\(index - 3)"), for: user)
    }
    index += 1
  }
}

func createAndDeleteForever(in store: FileStore) async throws {
  var index = 0
  while true {
    let user = try UserID("transient-\(index % 7)")
    try await prepare(user, in: store)
    _ = try await store.deleteUser(user)
    index += 1
  }
}

func churn(_ folder: String, users count: Int) async throws {
  let store = try FileStore(at: folder)
  let users = try (0..<count).map { try UserID("u\($0)") }
  for user in users {
    try await prepare(user, in: store)
    try await store.record(
      Evidence(id: "first", belief: belief, content: .holds, source: "user", observedAt: now),
      for: user, at: now)
  }
  emit("READY")
  try await withThrowingTaskGroup(of: Void.self) { group in
    for user in users { group.addTask { try await churnForever(user, in: store) } }
    group.addTask { try await createAndDeleteForever(in: store) }
    try await group.waitForAll()
  }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: StoreCrashChild record|hold <folder> …") }
do {
  if arguments[1] == "churn" {
    try await churn(arguments[2], users: Int(arguments[3]) ?? 1)
  }
  let store = try FileStore(at: arguments[2])
  if arguments[1] == "hold" {
    emit("READY")
    while true { try await Task.sleep(for: .seconds(60)) }
  }
  guard arguments.count >= 5, let count = Int(arguments[4]) else { fail("bad arguments") }
  let users = try (0..<count).map { try UserID("u\($0)") }
  for user in users { try await prepare(user, in: store) }
  emit("READY")
  try await withThrowingTaskGroup(of: Void.self) { group in
    for user in users {
      group.addTask { try await recordForever(user, trial: arguments[3], in: store) }
    }
    try await group.waitForAll()
  }
} catch {
  fail("\(error)")
}
