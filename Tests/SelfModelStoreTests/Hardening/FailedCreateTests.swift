import Foundation
import SelfModel
import SelfModelStoreFaults
import Testing

@testable import SelfModelStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Audit finding (Operations.md, reads after a failed write): a `createUser` that fails on a
/// full disk must not leave a user that cannot be read while the disk stays full.
@Suite struct FailedCreateTests {
  @Test func aCreateFailingOnAFullDiskLeavesNoUnreadableUser() async throws {
    var failures = 0
    for call in 1...12 {
      let folder = StoreTestFolder("failed-create")
      defer { folder.remove() }
      let fileSystem = FaultInjectingFileSystem()
      let store = try FileStore(at: folder.path, fileSystem: fileSystem)
      defer { store.close() }
      // Every write from the n-th on fails with ENOSPC, as on a full disk; reads still work.
      fileSystem.inject(.error(ENOSPC), atCall: call, of: .write, persistent: true)
      guard (try? await store.createUser("alice")) == nil else { break }
      failures += 1
      guard try await store.contains("alice") else { continue }
      _ = try await store.model(for: "alice")
    }
    #expect(failures >= 2, "the loop reached the writes of createUser")
  }
}
