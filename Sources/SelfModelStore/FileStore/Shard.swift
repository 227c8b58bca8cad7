import Dispatch
import SelfModel
import Synchronization

/// One worker of a ``FileStore``: a serial queue that owns a shard of the users, their cache
/// and their journals.
///
/// Callers suspend in ``perform(_:)`` and are resumed from the queue, so blocking file I/O
/// never runs on Swift's cooperative pool. Jobs arriving while the worker is busy pile up in
/// a pending list; the worker takes them all at once, runs them, then syncs each journal they
/// appended to once and resumes every waiter (group commit).
final class Shard: Sendable {
  typealias Job = @Sendable (inout ShardState) -> Void

  private struct Pending {
    var jobs: [Job] = []
    var isDraining = false
  }

  private let queue: DispatchQueue
  private let pending = Mutex(Pending())
  private let state: Mutex<ShardState>
  /// The durable models of this worker's users that reads are served from.
  let views = ReadViews()

  init(index: Int, environment: StoreEnvironment, capacity: Int) {
    queue = DispatchQueue(label: "selfmodel.filestore.worker-\(index)")
    state = Mutex(ShardState(environment: environment, capacity: capacity, views: views))
  }

  /// Runs `body` on the worker and returns its value, after the group-commit sync if the
  /// body asks for one.
  ///
  /// A result about `user` is also held back while an earlier write of the same batch to that
  /// user awaits its sync: a read, an export or a retried (duplicate) record must not report
  /// what is not yet durable, and fails with the sync if it fails.
  func perform<Value: Sendable>(
    for user: UserID?,
    _ body: @escaping @Sendable (inout ShardState) throws(StoreError) -> ShardOutcome<Value>
  ) async throws(StoreError) -> Value {
    let result = await withCheckedContinuation {
      (continuation: CheckedContinuation<Result<Value, StoreError>, Never>) in
      submit { state in
        do throws(StoreError) {
          try state.environment.health.checkOpen("store", user: nil)
          switch try body(&state) {
          case .done(let value):
            let resume = { (error: StoreError?) in
              continuation.resume(returning: error.map { .failure($0) } ?? .success(value))
            }
            if let user, state.afterPendingSync(of: user, resume) { return }
            resume(nil)
          case .afterSync(let value, let slot):
            state.afterSync(of: slot) { error in
              continuation.resume(returning: error.map { .failure($0) } ?? .success(value))
            }
          }
        } catch {
          continuation.resume(returning: .failure(error))
        }
      }
    }
    return try result.get()
  }

  private func submit(_ job: @escaping Job) {
    let schedule = pending.withLock { pending in
      pending.jobs.append(job)
      defer { pending.isDraining = true }
      return !pending.isDraining
    }
    if schedule { queue.async { self.drain() } }
  }

  private func drain() {
    while true {
      let jobs = pending.withLock { pending in
        let jobs = pending.jobs
        pending.jobs = []
        if jobs.isEmpty { pending.isDraining = false }
        return jobs
      }
      if jobs.isEmpty { return }
      state.withLock { state in
        for job in jobs { job(&state) }
        state.commit()
      }
    }
  }

  /// Closes every journal of the shard after the queued work, without blocking the caller:
  /// the caller suspends and is resumed from the worker's queue.
  func shutdownAsynchronously() async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      queue.async {
        self.state.withLock { $0.closeAll() }
        continuation.resume()
      }
    }
  }

  /// Waits for queued work, then closes every journal of the shard.
  func shutdown() {
    queue.sync {
      state.withLock { $0.closeAll() }
    }
  }
}
