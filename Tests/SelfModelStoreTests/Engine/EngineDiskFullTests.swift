import Foundation
import SelfModelStore
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A real full disk: a 64 KiB tmpfs, filled by appends until the journal reports it.
///
/// Mounting needs root. When the tests do not run as root, or the probe mount fails (a
/// container without `CAP_SYS_ADMIN`), the test is skipped and the skip's comment says why.
@Suite struct EngineDiskFullTests {
  /// Why the test cannot run here, or `nil` when a tmpfs can be mounted.
  static let skipReason: String? = {
    guard getuid() == 0 else { return "skipped: not root, so no tmpfs can be mounted" }
    guard let directory = try? EngineTemporaryDirectory() else {
      return "skipped: no temporary directory"
    }
    defer { directory.remove() }
    guard (try? mount(directory.path)) == 0 else {
      return "skipped: mount -t tmpfs failed (no CAP_SYS_ADMIN?)"
    }
    _ = try? unmount(directory.path)  // cleanup of the probe mount; its failure checks nothing
    return nil
  }()

  /// Runs `mount -t tmpfs -o size=64k tmpfs <path>` and returns its status.
  static func mount(_ path: String) throws -> Int32 {
    try run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", path])
  }

  /// Runs `umount <path>` and returns its status.
  static func unmount(_ path: String) throws -> Int32 { try run("/usr/bin/umount", [path]) }

  /// Runs a program and returns its exit status.
  static func run(_ program: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test(
    .enabled(if: skipReason == nil, "needs root and a mountable tmpfs; see skipReason"),
    .timeLimit(.minutes(1)))
  /// Appends 700-byte records to a journal on a 64 KiB tmpfs until `.diskFull`; every synced record survives reopening.
  func fillingATmpfsThrowsDiskFullAndKeepsSyncedRecords() throws {
    try EngineTemporaryDirectory.with { directory in
      try #require(try Self.mount(directory.path) == 0, "mount failed")
      defer { _ = try? Self.unmount(directory.path) }  // cleanup; the test's checks are above it
      let path = directory.file("journal")
      let (journal, _) = try JournalFile.open(path: path, fileSystem: POSIXFileSystem())
      var synced: [[UInt8]] = []
      var failure: StoreError?
      for index in 0..<1_000 where failure == nil {
        let payload = [UInt8](repeating: UInt8(index % 251), count: 700)
        do throws(StoreError) {
          _ = try journal.append([payload])
          try journal.synchronize()
          synced.append(payload)
        } catch {
          failure = error
        }
      }
      journal.close()
      #expect(failure?.code == .diskFull && failure?.errno == ENOSPC)
      #expect(synced.count > 10 && synced.count < 100)
      let (reopened, recovery) = try JournalFile.open(path: path, fileSystem: POSIXFileSystem())
      reopened.close()
      #expect(recovery.records.map(\.payload) == synced)
    }
  }

  /// Records, in the test log, why the disk-full test did not run (if it did not).
  @Test func reportsWhetherTheDiskFullTestRan() {
    if let reason = Self.skipReason {
      withKnownIssue("EngineDiskFullTests.fillingATmpfs… \(reason)") {
        Issue.record(Comment(rawValue: reason))
      }
    }
  }
}
