import Foundation
import SelfModel
import Testing

@testable import SelfModelStore

/// The read-only inspector beside a live writer (a child process
/// that records, forgets, so compacts all the time, and creates and deletes users) reports no
/// damage that is not there.
@Suite(.serialized, .timeLimit(.minutes(2))) struct LiveInspectorTests {
  /// Starts the churning writer on a fresh store; returns it once it is ready.
  static func writer(in folder: StoreTestFolder) throws -> ChildProcess {
    let child = try ChildProcess(arguments: ["churn", folder.path, "3"])
    while let line = child.readLine(), line != "READY" {}
    return child
  }

  @Test func theInspectorReadsEveryUserBesideALiveWriter() async throws {
    let folder = StoreTestFolder("live-inspector")
    defer { folder.remove() }
    let child = try Self.writer(in: folder)
    defer { child.kill() }
    var reads = 0
    var failures: [String] = []
    let deadline = ContinuousClock.now + .seconds(4)
    while ContinuousClock.now < deadline {
      let inspector = try StoreInspector(root: folder.path)
      for user: UserID in ["u0", "u1", "u2"] {
        do {
          _ = try inspector.model(for: user)
        } catch {
          failures.append("\(user): \(error)")
        }
        reads += 1
      }
      for damage in inspector.verify() { failures.append("verify: \(damage)") }
    }
    #expect(reads > 30)
    #expect(failures.isEmpty, "\(failures.prefix(5))")
  }

  @Test func selfmodelVerifyBesideALiveWriterExitsZero() async throws {
    let folder = StoreTestFolder("live-verify")
    defer { folder.remove() }
    let child = try Self.writer(in: folder)
    defer { child.kill() }
    var outputs: [String] = []
    for _ in 0..<15 {
      let run = try InspectorProcess.run([folder.path, "verify"])
      if run.status != 0 { outputs.append(run.output) }
    }
    #expect(outputs.isEmpty, "\(outputs.prefix(3))")
  }
}
