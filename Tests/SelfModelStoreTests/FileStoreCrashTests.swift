import Foundation
import SelfModel
import SelfModelTesting
import Testing

@testable import SelfModelStore

/// Kill -9 a real child process mid-write, at seeded-random moments, and check that every
/// acknowledged record survives and nothing else appears.
@Suite(.serialized) struct FileStoreCrashTests {
  static let trials = 60
  static let users = 4

  @Test func everyAcknowledgedRecordSurvivesKillNine() async throws {
    #expect(FileManager.default.isExecutableFile(atPath: ChildProcess.executable.path))
    let folder = StoreTestFolder("crash")
    defer { folder.remove() }
    var random = StoreTestRandom(seed: 0x5EED_C0DE)
    var acknowledged: Set<String> = []
    for trial in 0..<Self.trials {
      acknowledged.formUnion(try runTrial(trial, folder: folder.path, random: &random))
      try await verify(folder: folder.path, acknowledged: acknowledged, trials: trial + 1)
    }
    #expect(acknowledged.count > Self.trials * 10, "only \(acknowledged.count) acknowledgements")
  }

  /// Runs one child until a random number of acknowledgements, then kills it.
  private func runTrial(_ trial: Int, folder: String, random: inout StoreTestRandom) throws
    -> Set<String>
  {
    let child = try ChildProcess(arguments: ["record", folder, "\(trial)", "\(Self.users)"])
    defer { child.kill() }
    let wanted = Int.random(in: 0...60, using: &random)
    var acknowledged: Set<String> = []
    guard child.readLine() == "READY" else {
      Issue.record("trial \(trial): the child did not start")
      return []
    }
    if wanted == 0 { usleep(UInt32.random(in: 0...3_000, using: &random)) }
    while acknowledged.count < wanted, let line = child.readLine() {
      let parts = line.split(separator: " ")
      if parts.count == 3, parts[0] == "ACK" { acknowledged.insert(String(parts[2])) }
    }
    child.kill()
    // Lines written before the kill may still sit in the pipe: they were acknowledged too.
    while let line = child.readLine() {
      let parts = line.split(separator: " ")
      if parts.count == 3, parts[0] == "ACK" { acknowledged.insert(String(parts[2])) }
    }
    return acknowledged
  }

  /// Reopens the store: every acknowledged id is present, and per trial and user the present
  /// ids form a gap-free prefix (nothing that was never attempted, nothing out of order).
  private func verify(folder: String, acknowledged: Set<String>, trials: Int) async throws {
    let store = try await FileStore.reopen(at: folder)
    defer { store.close() }
    var present: Set<String> = []
    for index in 0..<Self.users {
      let user = try UserID("u\(index)")
      guard try await store.contains(user) else { continue }
      let ids = try await store.model(for: user).evidence.map(\.id.rawValue)
      present.formUnion(ids)
      for trial in 0..<trials {
        let prefix = "t\(trial)-\(user)-"
        let numbers = ids.filter { $0.hasPrefix(prefix) }.compactMap {
          Int($0.dropFirst(prefix.count))
        }
        #expect(numbers == Array(0..<numbers.count), "trial \(trial) \(user): \(numbers)")
      }
    }
    let lost = acknowledged.subtracting(present)
    #expect(lost.isEmpty, "acknowledged but lost: \(lost.sorted())")
  }
}
