import Logging
import PostgresNIO
import SelfModel
import SelfModelStore
import Synchronization

/// Group commit across users: appends that wait while earlier ones are in flight are sent
/// together, as one statement and one transaction, so one WAL flush and one round trip
/// acknowledge them all.
///
/// At most `maximumBatches` statements run at once. A request that finds a free slot goes at
/// once, alone (no added latency when the store is idle); one that finds every slot busy
/// waits for the next free slot and goes with every request that waited with it. Each
/// request keeps its own compare-and-set: a batch inserts the rows of the users whose row
/// is still at the version their writer saw and reports, per user, the new version or
/// nothing. Users in one batch are distinct, because an instance runs one write per user at
/// a time (``UserLocks``).
final class AppendBatcher: Sendable {
  typealias Waiter = (request: AppendRequest, continuation: CheckedContinuation<Int64?, any Error>)

  private struct State {
    var pending: [Waiter] = []
    var running = 0
  }

  private let state = Mutex(State())
  let client: PostgresClient
  let logger: Logger
  private let maximumBatches: Int
  private let maximumBatchSize: Int
  private let callTimeout: Duration

  /// A batcher on `client`. With `options.batchesAppends`, at most 4 batches (and at most
  /// half the pool) run at once, since larger batches cost the server less than more
  /// statements; without, every request runs alone, as many at once as the pool allows.
  init(client: PostgresClient, logger: Logger, options: PostgresStoreOptions) {
    self.client = client
    self.logger = logger
    let pool = options.maximumConnections
    self.maximumBatches = options.batchesAppends ? min(4, max(1, pool / 2)) : pool
    self.maximumBatchSize = options.batchesAppends ? 256 : 1
    self.callTimeout = options.callTimeout
  }

  /// Appends `request`'s rows if its compare-and-set holds.
  /// - Returns: The user's new version, or `nil` if another writer changed the user first.
  /// - Throws: The statement's error, for every request in its batch (the outcome is unknown
  ///   for all of them, or none was written).
  func append(_ request: AppendRequest) async throws -> Int64? {
    try await withCheckedThrowingContinuation { continuation in
      let batch = state.withLock { state -> [Waiter]? in
        state.pending.append((request, continuation))
        guard state.running < maximumBatches else { return nil }
        state.running += 1
        return take(&state.pending)
      }
      if let batch { Task { await self.run(batch) } }
    }
  }

  /// Runs `batch`, then every batch that queued meanwhile, until none waits.
  private func run(_ first: [Waiter]) async {
    var batch = first
    while true {
      do {
        let requests = batch.map(\.request)
        // Cancelled at the call time limit, as a call's own query is: a batch waiting for a
        // connection the pool cannot make must not hold its writers' turns for ever.
        let versions = try await CallDeadline.run(callTimeout) {
          CancellationError()
        } _: {
          try await self.execute(requests)
        }
        for waiter in batch { waiter.continuation.resume(returning: versions[waiter.request.user]) }
      } catch {
        for waiter in batch { waiter.continuation.resume(throwing: error) }
      }
      let next = state.withLock { state -> [Waiter]? in
        guard !state.pending.isEmpty else {
          state.running -= 1
          return nil
        }
        return take(&state.pending)
      }
      guard let next else { return }
      batch = next
    }
  }

  /// Removes and returns the oldest waiters, at most a batch's worth.
  private func take(_ pending: inout [Waiter]) -> [Waiter] {
    let count = min(pending.count, maximumBatchSize)
    defer { pending.removeFirst(count) }
    return Array(pending.prefix(count))
  }
}
