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

/// Running out of descriptors or memory (`EMFILE`, `ENFILE`, `ENOMEM`, `EAGAIN`)
/// fails the one call, retryably, and never the store: later writes succeed without a reopen,
/// and what was acknowledged is there after one.
@Suite struct TransientShortageTests {
  @Test(arguments: [EMFILE, ENFILE, ENOMEM, EAGAIN])
  func aShortageAtAnyCallFailsThatCallNotTheStore(errno: Int32) async throws {
    let counter = FaultInjectingFileSystem()
    let countFolder = StoreTestFolder("shortage-count")
    _ = await FileStoreFaultTests.run(folder: countFolder.path, fileSystem: counter)
    countFolder.remove()
    let operations = counter.log
    #expect(operations.count > 50)
    for (index, operation) in operations.enumerated() {
      let folder = StoreTestFolder("shortage")
      defer { folder.remove() }
      let fileSystem = FaultInjectingFileSystem()
      fileSystem.inject(.error(errno), atCall: index + 1)
      let label = "errno \(errno) at call \(index + 1) (\(operation))"
      guard
        let store = try? FileStore(
          at: folder.path, options: FileStoreFaultTests.options, fileSystem: fileSystem)
      else { continue }  // the fault hit opening the store: nothing to keep healthy
      var acks = FileStoreFaultTests.Acknowledged()
      await FileStoreFaultTests.workload(store, &acks)
      // A journal sync that fails may have lost pages for good: only that stops the store.
      if operation != .synchronize && operation != .synchronizeData {
        #expect(store.failure == nil, "\(label): \(String(describing: store.failure))")
        try await StoreFixtures.makeUser("carol", in: store)
      }
      store.close()
      try await FileStoreFaultTests.verify(folder: folder.path, acks, label)
    }
  }

  @Test func aShortageIsARetryableUnavailableError() async throws {
    let folder = StoreTestFolder("shortage-create")
    defer { folder.remove() }
    let fileSystem = FaultInjectingFileSystem()
    let store = try FileStore(at: folder.path, fileSystem: fileSystem)
    defer { store.close() }
    fileSystem.inject(.error(EMFILE), atCall: 1, of: .open)
    let error = await #expect(throws: StoreError.self) { try await store.createUser("alice") }
    #expect(error?.code == .unavailable)
    #expect(error?.isRetryable == true)
    #expect(store.failure == nil)
    try await store.createUser("alice")
    #expect(try await store.contains("alice"))
  }
}
