import BenchmarkSupport
import Foundation
import SelfModel
import SelfModelStore
import Synchronization

/// B8: a write to a user while the caller holds a copy of its model, against the same write
/// with no copy held, at 20,000 records. B9: read latency (`estimates(for:beliefs:at:)`) under
/// a group-commit write load, against the same reads with no load.
enum B8B9Reads {
  static func run(_ settings: Settings) async throws -> [ResultRow] {
    var rows = try await writeWhileHeld(settings)
    rows += try await readsUnderLoad(settings)
    return rows
  }

  /// Both users hold `records` items; each round times `count` single writes to each,
  /// alternating, taking a fresh model copy of the second before each of its writes. The
  /// store defers syncs so the figure is the write's CPU cost on the worker, where a ledger
  /// copy would show (with syncs both sides would pay the same milliseconds).
  private static func writeWhileHeld(_ settings: Settings) async throws -> [ResultRow] {
    let records = settings.quick ? 500 : 20_000
    let count = settings.count ?? (settings.quick ? 10 : 300)
    let folder = Fixtures.temporaryFolder("b8")
    defer { Fixtures.cleanUp(folder) }
    let store = try FileStore(
      at: folder + "/store", options: FileStore.Options(durability: .deferred))
    defer { store.close() }
    for user: UserID in ["plain", "held"] {
      try await Fixtures.createUser(user, beliefs: 300, in: store)
      for start in stride(from: 0, to: records, by: 1_000) {
        let batch = (start..<min(start + 1_000, records)).map { Fixtures.evidence($0) }
        try await store.record(batch, for: user, at: Fixtures.now)
      }
    }
    let clock = ContinuousClock()
    var plain: [Double] = []
    var held: [Double] = []
    var next = records
    for _ in 0..<settings.rounds {
      var (plainTotal, heldTotal) = (Duration.zero, Duration.zero)
      for _ in 0..<count {
        let start = clock.now
        try await store.record(Fixtures.evidence(next), for: "plain", at: Fixtures.now)
        plainTotal += clock.now - start
        let copy = try await store.model(for: "held")
        let heldStart = clock.now
        try await store.record(Fixtures.evidence(next), for: "held", at: Fixtures.now)
        heldTotal += clock.now - heldStart
        precondition(copy.evidenceCount == next, "the held copy changed")
        next += 1
      }
      plain.append(plainTotal.seconds / Double(count) * 1e6)
      held.append(heldTotal.seconds / Double(count) * 1e6)
    }
    let (a, b) = (median(held), median(plain))
    return [
      ResultRow(
        id: "B8", workload: "write at \(records) records, a model copy held", value: a,
        unit: "us", baseline: "same write, no copy held", baselineValue: b, ratio: a / b,
        target: "<= 1.2x", met: a / b <= 1.2)
    ]
  }

  private final class StopFlag: Sendable {
    let isStopped = Atomic<Bool>(false)
  }

  /// `users` users of 1,000 records; `readCount` sequential reads of five beliefs of a user
  /// each, first with nothing else running, then while 32 tasks write single records to the
  /// same users as fast as group commit lets them. A `contains` call, which always goes
  /// through the user's worker, shows what a read queued behind the syncs would wait.
  private static func readsUnderLoad(_ settings: Settings) async throws -> [ResultRow] {
    let users = settings.quick ? 4 : 64
    let readCount = settings.count ?? (settings.quick ? 20 : 2_000)
    let folder = Fixtures.temporaryFolder("b9")
    defer { Fixtures.cleanUp(folder) }
    let store = try FileStore(at: folder + "/store")
    defer { store.close() }
    let ids = try (0..<users).map { try UserID("user-\($0)") }
    for user in ids {
      try await Fixtures.createUser(user, beliefs: 300, in: store)
      try await store.record((0..<1_000).map { Fixtures.evidence($0) }, for: user, at: Fixtures.now)
    }
    let keys = try (0..<5).map { try BeliefKey("belief.\($0 * 7)") }
    var random = BenchmarkRandom(seed: 9)
    let unloaded = try await latencies(store, ids, keys, readCount, &random) { user in
      _ = try await store.estimates(for: user, beliefs: keys, at: Fixtures.now)
    }
    let stop = StopFlag()
    let writers = (0..<32).map { writer in
      Task {
        var index = 1_000
        var written = 0
        while !stop.isStopped.load(ordering: .relaxed) {
          let user = ids[(index + writer) % ids.count]
          let item = Fixtures.evidence(index, prefix: "w\(writer)-")
          try await store.record(item, for: user, at: Fixtures.now)
          index += 1
          written += 1
        }
        return written
      }
    }
    let clock = ContinuousClock()
    let loadStart = clock.now
    let loaded = try await latencies(store, ids, keys, readCount, &random) { user in
      _ = try await store.estimates(for: user, beliefs: keys, at: Fixtures.now)
    }
    let queued = try await latencies(store, ids, keys, readCount / 4, &random) { user in
      _ = try await store.contains(user)
    }
    stop.isStopped.store(true, ordering: .relaxed)
    var written = 0
    for writer in writers { written += try await writer.value }
    let rate = Double(written) / (clock.now - loadStart).seconds
    print(
      "  B9 load: \(written) records by 32 writers at \(Int(rate)) records/s; read p99"
        + " \(format(loaded.p99, "us")) loaded, \(format(unloaded.p99, "us")) unloaded")
    return [
      ResultRow(
        id: "B9", workload: "read p50 under group-commit write load", value: loaded.p50,
        unit: "us", baseline: "same read, no load", baselineValue: unloaded.p50,
        ratio: loaded.p50 / unloaded.p50, target: "<= 2x", met: loaded.p50 / unloaded.p50 <= 2),
      ResultRow(
        id: "B9q", workload: "a call through the worker, same load", value: queued.p50,
        unit: "us", baseline: "read under load (B9)", baselineValue: loaded.p50,
        ratio: queued.p50 / loaded.p50, target: "(what queueing costs)", met: nil),
    ]
  }

  private static func latencies(
    _ store: FileStore, _ ids: [UserID], _ keys: [BeliefKey], _ count: Int,
    _ random: inout BenchmarkRandom, _ read: (UserID) async throws -> Void
  ) async throws -> (p50: Double, p99: Double) {
    let clock = ContinuousClock()
    var samples: [Double] = []
    samples.reserveCapacity(count)
    for _ in 0..<count {
      let user = ids[Int.random(in: 0..<ids.count, using: &random)]
      let start = clock.now
      try await read(user)
      samples.append((clock.now - start).seconds * 1e6)
    }
    samples.sort()
    let at = { (q: Double) in samples[min(samples.count - 1, Int(q * Double(samples.count)))] }
    return (at(0.5), at(0.99))
  }
}
