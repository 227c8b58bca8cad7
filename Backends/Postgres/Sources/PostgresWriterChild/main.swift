// A writer process for the multi-process tests: records evidence for users the parent
// created, printing "ack <user> <id>" once each write is acknowledged.
//
//   PostgresWriterChild <schema> <tag> <items> <user>...
//
// Retryable errors (a lost connection, a timeout) are retried until the write is
// acknowledged, so every acknowledged id must be in the database exactly once.
import Foundation
import PostgresNIO
import SelfModel
import SelfModelPostgres
import SelfModelStore

let arguments = CommandLine.arguments
guard arguments.count >= 5, let items = Int(arguments[3]),
  let configuration = PostgresClient.Configuration.fromEnvironment()
else {
  FileHandle.standardError.write(Data("usage: PostgresWriterChild schema tag items user...\n".utf8))
  exit(2)
}
let tag = arguments[2]
let users = try arguments[4...].map { try UserID($0) }
let now = Date(timeIntervalSinceReferenceDate: 780_000_000)
let store = try await PostgresStore(
  configuration: configuration, options: .init(schema: arguments[1], maximumConnections: 4))

func say(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func recordUntilAcknowledged(_ item: Evidence, for user: UserID) async throws {
  while true {
    do throws(StoreError) {
      try await store.record(item, for: user, at: now)
      return
    } catch {
      guard error.isRetryable else { throw error }
      try await Task.sleep(for: .milliseconds(20))
    }
  }
}

for index in 0..<items {
  let user = users[index % users.count]
  let item = Evidence(
    id: try EvidenceID("\(tag)-\(index)"), belief: "preference.concise",
    content: index % 3 == 0 ? .doesNotHold : .holds, source: "user",
    observedAt: now.addingTimeInterval(-Double(index) * 0.000_123))
  try await recordUntilAcknowledged(item, for: user)
  say("ack \(user) \(item.id)")
}
say("done")
await store.shutdown()
