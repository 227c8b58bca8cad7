import Synchronization
import Testing

@testable import SelfModelHTTP

/// The gate that bounds how many imports decode at once: never more runs than permits, first
/// come first served, and a cancelled waiter leaves at once, whether it was cancelled while it
/// waited or before it asked.
@Suite struct WorkGateTests {
  /// Counts the runs inside the gate and the most there ever were at once.
  private final class Occupancy: Sendable {
    private let counts = Mutex((now: 0, most: 0))
    func enter() {
      counts.withLock {
        $0.now += 1
        $0.most = max($0.most, $0.now)
      }
    }
    func leave() { counts.withLock { $0.now -= 1 } }
    var most: Int { counts.withLock { $0.most } }
  }

  @Test func neverMoreRunsThanPermits() async throws {
    let gate = WorkGate(permits: 2)
    let occupancy = Occupancy()
    try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<12 {
        group.addTask {
          try await gate.run {
            occupancy.enter()
            try await Task.sleep(for: .milliseconds(5))
            occupancy.leave()
            return index
          }
        }
      }
      var done: [Int] = []
      for try await index in group { done.append(index) }
      #expect(done.sorted() == Array(0..<12))
    }
    #expect(occupancy.most == 2)
  }

  /// A task that holds `gate`'s only permit for 3 s, once it holds it: a waiter that stays
  /// for the permit is seen by its time (and the test ends either way).
  private func holdTheOnlyPermit(of gate: WorkGate) async -> Task<Void, any Error> {
    let holding = AsyncStream<Void>.makeStream()
    let holder = Task {
      try await gate.run {
        holding.continuation.yield()
        try await Task.sleep(for: .seconds(3))
      }
    }
    for await _ in holding.stream { break }
    return holder
  }

  @Test func aWaiterCancelledWhileItWaitsLeavesAtOnce() async throws {
    let gate = WorkGate(permits: 1)
    let holder = await holdTheOnlyPermit(of: gate)
    let clock = ContinuousClock()
    let started = clock.now
    let waiter = Task { try await gate.run { "ran" } }
    try await Task.sleep(for: .milliseconds(50))
    waiter.cancel()
    await #expect(throws: CancellationError.self) { try await waiter.value }
    #expect(clock.now - started < .seconds(2), "the waiter stayed until the permit was free")
    try await holder.value
    // The permit came back: the gate still lets work through.
    #expect(try await gate.run { "after" } == "after")
  }

  @Test func aTaskCancelledBeforeItAsksDoesNotWaitForAPermit() async throws {
    let gate = WorkGate(permits: 1)
    let holder = await holdTheOnlyPermit(of: gate)
    let clock = ContinuousClock()
    let started = clock.now
    let late = Task {
      // Cancelled before it asks: the gate must not queue it behind the holder.
      withUnsafeCurrentTask { $0?.cancel() }
      return try await gate.run { "ran" }
    }
    await #expect(throws: CancellationError.self) { try await late.value }
    #expect(clock.now - started < .seconds(2), "a cancelled task waited for a permit")
    try await holder.value
  }
}
