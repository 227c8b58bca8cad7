import BenchmarkSupport
import Foundation
import SelfModel
import SelfModelStore

/// B7c and B4a-catalogue: what a user costs on an 847-belief catalogue (Clarity's figure for
/// beliefs per user) against today's way, every user declaring the 847 beliefs itself.
///
/// - File content per user with no evidence: bytes of every file in the user's folder.
/// - Resident memory per loaded user with no evidence: RSS growth while the store's cache
///   holds the users, divided by their number (journal descriptors stay open per cached user,
///   so the loaded count stays under the process's descriptor limit).
/// - Loading one user with a 1,000-record tail, on the catalogue against declaring itself.
enum B7Catalogue {
  static let beliefCount = 847

  static func run(_ settings: Settings) async throws -> [ResultRow] {
    let users = settings.count ?? (settings.quick ? 300 : 100_000)
    let loaded = min(users, settings.quick ? 300 : 10_000)
    let declaring = settings.quick ? 30 : 1_000
    let catalogue = try Catalogue(
      version: 1, beliefs: Fixtures.beliefs(beliefCount), sources: Fixtures.modelSources(),
      policy: Fixtures.policy())
    let (folder, isReady) = Fixtures.cachedFolder("catalogue-users-\(users)")
    let options = FileStore.Options(durability: .deferred, cacheCapacity: loaded + 8)
    if !isReady {
      print("  (making a \(users)-user catalogue store once; kept in Benchmarks/.build/fixtures)")
      let store = try FileStore(at: folder + "/store", options: options)
      try await store.publish(catalogue)
      try await createUsers(users, in: store) { user in try await store.createUser(user) }
      store.close()
      Fixtures.markReady(folder)
    }
    let oldFolder = Fixtures.temporaryFolder("b7c-declaring")
    defer { Fixtures.cleanUp(oldFolder) }
    let oldStore = try FileStore(at: oldFolder, options: options)
    try await createUsers(declaring, in: oldStore) { user in
      try await oldStore.createUser(
        user, beliefs: catalogue.beliefs, sources: catalogue.sources, policy: catalogue.policy)
    }
    oldStore.close()
    let fileNew = try bytesPerUser(folder + "/store/users", users: users)
    let fileOld = try bytesPerUser(oldFolder + "/users", users: declaring)
    let residentNew = try await residentPerUser(at: folder + "/store", loaded, options)
    let residentOld = try await residentPerUser(at: oldFolder, declaring, options)
    let (loadNew, loadOld) = try await loadOneUser(settings, catalogue: catalogue)
    return [
      ResultRow(
        id: "B7c", workload: "file content per empty user, \(beliefCount)-belief catalogue",
        value: fileNew, unit: "B", baseline: "each user declares the \(beliefCount) itself",
        baselineValue: fileOld, ratio: fileNew / fileOld, target: "<= 1024 B",
        met: fileNew <= 1_024),
      ResultRow(
        id: "B7c", workload: "resident per loaded empty user (\(loaded) loaded)",
        value: residentNew, unit: "B", baseline: "each user declares the \(beliefCount) itself",
        baselineValue: residentOld, ratio: residentNew / residentOld, target: "<= 1024 B",
        met: residentNew <= 1_024),
      ResultRow(
        id: "B4a-cat",
        workload:
          "open + load one user on the catalogue (\(settings.quick ? 100 : 1_000)-record tail)",
        value: loadNew * 1e3, unit: "ms", baseline: "the same user declaring its beliefs",
        baselineValue: loadOld * 1e3, ratio: loadNew / loadOld, target: "<= baseline",
        met: loadNew <= loadOld * 1.05),
    ]
  }

  static func createUsers(
    _ count: Int, in store: FileStore, _ create: @escaping @Sendable (UserID) async throws -> Void
  ) async throws {
    let ids = try (0..<count).map { try UserID("user-\($0)") }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, user) in ids.enumerated() {
        if index >= 16 { try await group.next() }
        group.addTask { try await create(user) }
      }
      try await group.waitForAll()
    }
    _ = store
  }

  /// Total size of the files under `path` divided by `users`.
  static func bytesPerUser(_ path: String, users: Int) throws -> Double {
    var total = 0
    let manager = FileManager.default
    for case let relative as String in manager.enumerator(atPath: path) ?? .init() {
      let attributes = try manager.attributesOfItem(atPath: path + "/" + relative)
      if attributes[.type] as? FileAttributeType == .typeRegular {
        total += (attributes[.size] as? Int) ?? 0
      }
    }
    return Double(total) / Double(users)
  }

  /// RSS growth per user while an open store's cache holds `count` users.
  static func residentPerUser(at path: String, _ count: Int, _ options: FileStore.Options)
    async throws -> Double
  {
    let store = try FileStore(at: path, options: options)
    defer { store.close() }
    _ = try await store.model(for: "user-0")
    let before = B4Replay.settledResidentBytes()
    for index in 0..<count {
      _ = try await store.model(for: try UserID("user-\(index)"))
    }
    return (B4Replay.settledResidentBytes() - before) / Double(count)
  }

  /// Interleaved: open + load one user on the catalogue, and the same user declaring itself.
  static func loadOneUser(_ settings: Settings, catalogue: Catalogue) async throws
    -> (Double, Double)
  {
    let folder = Fixtures.temporaryFolder("b4a-cat")
    defer { Fixtures.cleanUp(folder) }
    let tail = settings.quick ? 100 : 1_000
    let options = FileStore.Options(durability: .deferred)
    for (name, declares) in [("catalogue", false), ("declaring", true)] {
      let store = try FileStore(at: folder + "/" + name, options: options)
      if declares {
        try await store.createUser(
          "user", beliefs: catalogue.beliefs, sources: catalogue.sources,
          policy: catalogue.policy)
      } else {
        try await store.publish(catalogue)
        try await store.createUser("user")
      }
      for index in 0..<tail {
        try await store.record(Fixtures.evidence(index), for: "user", at: Fixtures.now)
      }
      store.close()
    }
    let load = { (name: String) async throws -> Double in
      try await timeAsync {
        let store = try FileStore(at: folder + "/" + name, options: options)
        defer { store.close() }
        let model = try await store.model(for: "user")
        precondition(model.evidenceCount == tail)
      }
    }
    var onCatalogue: [Double] = []
    var declaring: [Double] = []
    for _ in 0..<(max(settings.rounds, 3) * 3) {
      onCatalogue.append(try await load("catalogue"))
      declaring.append(try await load("declaring"))
    }
    return (median(onCatalogue), median(declaring))
  }
}
