import Foundation
import Testing

@testable import SelfModelStore

/// Audit finding 3: absurd worker and cache sizes are refused, not allocated.
@Suite struct OptionLimitTests {
  @Test(arguments: [
    FileStore.Options(workerCount: .max, cacheCapacity: .max),
    FileStore.Options(workerCount: 1, cacheCapacity: .max),
    FileStore.Options(workerCount: 257, cacheCapacity: 1_024),
    FileStore.Options(workerCount: 4, cacheCapacity: (1 << 24) + 1),
  ])
  func absurdSizesAreInvalidArguments(options: FileStore.Options) throws {
    let folder = StoreTestFolder("option-limits")
    defer { folder.remove() }
    let error = #expect(throws: StoreError.self) {
      try FileStore(at: folder.path, options: options)
    }
    #expect(error?.code == .invalidArgument)
  }

  @Test func theLimitsThemselvesOpen() throws {
    let folder = StoreTestFolder("option-limits-ok")
    defer { folder.remove() }
    let options = FileStore.Options(
      workerCount: FileStore.Options.maximumWorkerCount,
      cacheCapacity: FileStore.Options.maximumCacheCapacity)
    let store = try FileStore(at: folder.path, options: options)
    store.close()
  }
}
