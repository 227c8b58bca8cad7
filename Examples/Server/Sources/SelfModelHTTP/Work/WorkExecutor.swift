import Foundation

/// The threads that run the API's handlers: a fixed number of threads of the service's own,
/// apart from Swift's cooperative pool.
///
/// `GET /v1/health`, `GET /openapi.json` and bearer authentication run on the cooperative pool;
/// every authenticated handler runs here (``RequestDeadline``). So a handler stuck in a long
/// computation holds one of these threads, never one of the pool's, and health and 401s keep
/// answering however many handlers are stuck; handlers past the thread count wait in a queue
/// until the request deadline answers for them.
final class WorkExecutor: TaskExecutor {
  private let queue: JobQueue

  /// Starts `threads` threads (at least 1), named `selfmodel-work-N`.
  init(threads: Int) {
    queue = JobQueue()
    queue.executor = asUnownedTaskExecutor()
    for index in 0..<max(1, threads) {
      let thread = Thread { [queue] in queue.runJobs() }
      thread.name = "selfmodel-work-\(index)"
      thread.start()
    }
  }

  deinit { queue.stop() }

  /// Queues `job` for the next free thread.
  func enqueue(_ job: consuming ExecutorJob) {
    queue.push(UnownedJob(job))
  }
}

/// The jobs waiting for a ``WorkExecutor`` thread, first in first out.
///
/// `@unchecked Sendable`: every stored property is read and written only with `condition`
/// locked, except `executor`, which is set once before any thread starts.
private final class JobQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []
  private var head = 0
  private var isStopped = false
  var executor: UnownedTaskExecutor?

  func push(_ job: UnownedJob) {
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  func stop() {
    condition.lock()
    isStopped = true
    condition.broadcast()
    condition.unlock()
  }

  /// Runs jobs until stopped with none left.
  func runJobs() {
    guard let executor else { return }
    while let job = next() { job.runSynchronously(on: executor) }
  }

  private func next() -> UnownedJob? {
    condition.lock()
    defer { condition.unlock() }
    while head == jobs.count && !isStopped { condition.wait() }
    guard head < jobs.count else { return nil }
    let job = jobs[head]
    head += 1
    if head > 1_024 && head * 2 > jobs.count {
      jobs.removeFirst(head)
      head = 0
    }
    return job
  }
}
