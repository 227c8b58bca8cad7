import Foundation
import Synchronization

/// One row of the results table.
package struct ResultRow: Codable, Sendable {
  package var id: String
  package var workload: String
  package var value: Double
  package var unit: String
  package var baseline: String?
  package var baselineValue: Double?
  package var ratio: Double?
  package var target: String
  package var met: Bool?

  /// Creates a row.
  package init(
    id: String, workload: String, value: Double, unit: String, baseline: String?,
    baselineValue: Double?, ratio: Double?, target: String, met: Bool?
  ) {
    self.id = id
    self.workload = workload
    self.value = value
    self.unit = unit
    self.baseline = baseline
    self.baselineValue = baselineValue
    self.ratio = ratio
    self.target = target
    self.met = met
  }
}

/// Command-line settings.
package struct Settings: Sendable {
  package var quick = false
  package var jsonPath: String?
  package var only: Set<String> = []
  /// Overrides the workload size where a benchmark supports it (for profiling).
  package var count: Int?
  /// Runs the workloads on a task while the main thread blocks until they end, instead of
  /// letting the main thread park in libdispatch's `dispatch_main`: valgrind 3.19 (Debian 12)
  /// crashes there (its `sigsuspend` writes to the read-only signal mask libdispatch passes),
  /// so `Scripts/instructions.sh` sets it.
  package var mainThreadWaits = false

  package init(arguments: [String]) {
    var iterator = arguments.dropFirst().makeIterator()
    while let argument = iterator.next() {
      switch argument {
      case "--quick": quick = true
      case "--json": jsonPath = iterator.next()
      case "--only": only = Set((iterator.next() ?? "").split(separator: ",").map(String.init))
      case "--count": count = iterator.next().flatMap { Int($0) }
      case "--main-thread-waits": mainThreadWaits = true
      // A bare id selects a workload too: `SelfModelBenchmarks B12` is `--only B12`.
      case let id where !id.hasPrefix("-"): only.insert(id)
      default: break
      }
    }
  }

  package func wants(_ id: String) -> Bool { only.isEmpty || only.contains(id) }

  /// Repetitions of each interleaved pair: medians over these.
  package var rounds: Int { quick || count != nil ? 1 : 7 }
}

extension Duration {
  package var seconds: Double {
    let (s, attoseconds) = components
    return Double(s) + Double(attoseconds) * 1e-18
  }
}

/// Runs `body` on a task and blocks the calling thread until it ends (see
/// ``Settings/mainThreadWaits``).
package func waitOnMainThread<T: Sendable>(
  _ body: @escaping @Sendable () async throws -> T
) throws -> T {
  let done = DispatchSemaphore(value: 0)
  let result = Mutex<Result<T, any Error>?>(nil)
  Task.detached {
    let outcome: Result<T, any Error>
    do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
    result.withLock { $0 = outcome }
    done.signal()
  }
  done.wait()
  guard let outcome = result.withLock({ $0 }) else { preconditionFailure("the task signalled") }
  return try outcome.get()
}

/// Times `body` once with the continuous clock.
package func time(_ body: () throws -> Void) rethrows -> Double {
  let clock = ContinuousClock()
  let start = clock.now
  try body()
  return (clock.now - start).seconds
}

package func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return .nan }
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Runs A and B alternately `rounds` times (A B A B …) and returns the median of each.
package func interleaved(
  rounds: Int, _ a: () throws -> Double, _ b: () throws -> Double
) rethrows -> (a: Double, b: Double) {
  var aTimes: [Double] = []
  var bTimes: [Double] = []
  for _ in 0..<rounds {
    aTimes.append(try a())
    bTimes.append(try b())
  }
  return (median(aTimes), median(bTimes))
}

/// A small deterministic generator (SplitMix64).
package struct BenchmarkRandom: RandomNumberGenerator {
  package var state: UInt64
  package init(seed: UInt64) { state = seed }
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

package func format(_ value: Double, _ unit: String) -> String {
  switch unit {
  case "ns": return String(format: "%.0f ns", value)
  case "us": return String(format: "%.1f us", value)
  case "ms": return String(format: "%.2f ms", value)
  case "s": return String(format: "%.3f s", value)
  case "rec/s": return String(format: "%.0f rec/s", value)
  case "B": return String(format: "%.0f B", value)
  case "skipped": return "-"
  default: return String(format: "%.3g %@", value, unit)
  }
}

package func printTable(_ rows: [ResultRow]) {
  print("")
  print(
    "id  | workload                                        | median        | baseline                         | ratio  | target"
  )
  print(
    "----|-------------------------------------------------|---------------|----------------------------------|--------|-------"
  )
  for row in rows {
    let workload = row.workload.padding(toLength: 47, withPad: " ", startingAt: 0)
    let value = format(row.value, row.unit).padding(toLength: 13, withPad: " ", startingAt: 0)
    let baseline =
      (row.baseline.map { "\($0) \(format(row.baselineValue ?? .nan, row.unit))" } ?? "-")
      .padding(toLength: 32, withPad: " ", startingAt: 0)
    let ratio = row.ratio.map { String(format: "%.2fx", $0) } ?? "-"
    let met = row.met.map { $0 ? "met" : "MISSED" } ?? ""
    print(
      "\(row.id.padding(toLength: 3, withPad: " ", startingAt: 0)) | \(workload) | \(value) | \(baseline) | \(ratio.padding(toLength: 6, withPad: " ", startingAt: 0)) | \(row.target) \(met)"
    )
  }
}
