import Foundation
import SelfModelStore
import Testing

/// Exclusion within and across processes for ``LockFile``.
@Suite struct EngineLockFileTests {
  /// The real file system.
  static let fileSystem = POSIXFileSystem()

  /// A second lock in the same process is `.locked`; after release it can be taken again.
  @Test func secondAcquireInTheSameProcessIsLocked() throws {
    try EngineTemporaryDirectory.with { directory in
      let lock = try LockFile.acquire(inFolder: directory.path, fileSystem: Self.fileSystem)
      let error = #expect(throws: StoreError.self) {
        _ = try LockFile.acquire(inFolder: directory.path, fileSystem: Self.fileSystem)
      }
      #expect(error?.code == .locked)
      #expect(try EngineFiles.mode(directory.file("LOCK")) == 0o600)
      lock.release()
      lock.release()
      #expect(!lock.isHeld)
      let again = try LockFile.acquire(inFolder: directory.path, fileSystem: Self.fileSystem)
      #expect(again.isHeld)
      again.release()
    }
  }

  /// Dropping a lock releases it.
  @Test func deinitReleases() throws {
    try EngineTemporaryDirectory.with { directory in
      do { _ = try LockFile.acquire(inFolder: directory.path, fileSystem: Self.fileSystem) }
      let lock = try LockFile.acquire(inFolder: directory.path, fileSystem: Self.fileSystem)
      lock.release()
    }
  }

  /// Whether flock(1) is installed.
  static let hasFlock = FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")

  /// `flock -n LOCK true` in another process fails while the lock is held and succeeds after.
  @Test(.enabled(if: hasFlock, "needs /usr/bin/flock (util-linux)"))
  func anotherProcessCannotTakeTheLock() throws {
    try EngineTemporaryDirectory.with { directory in
      let lock = try LockFile.acquire(inFolder: directory.path, fileSystem: Self.fileSystem)
      #expect(try Self.flockStatus(directory.file("LOCK")) != 0)
      lock.release()
      #expect(try Self.flockStatus(directory.file("LOCK")) == 0)
    }
  }

  /// Runs `flock -n <path> true` and returns its exit status.
  static func flockStatus(_ path: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
    process.arguments = ["-n", path, "true"]
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }
}
