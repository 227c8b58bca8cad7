import BenchmarkSupport
import Foundation
import SelfModel
import SelfModelOperations
import SelfModelStore

/// B13c: the B13 request through ``Operations/promptContext(_:at:)`` on a `FileStore` holding
/// the B13 model, repeated on the unchanged user (the selector's setup cached with the user's
/// state), against the direct B13 call in the same run; and B13d, the same with every call at
/// a new instant (setup paid each time, what an uncached edge pays).
enum B13cOperations {
  static func run(_ settings: Settings) async throws -> [ResultRow] {
    let folder = Fixtures.temporaryFolder("b13c")
    defer { Fixtures.cleanUp(folder) }
    let model = try B13Context.model()
    let store = try FileStore(at: folder)
    _ = try await store.importUser(
      ExportDocument(snapshot: model.snapshot).encoded(), replacing: false)
    let operations = Operations(store: store)
    let now = Fixtures.now
    let request = PromptRequest(
      user: "bench", keys: ["belief.7", "belief.901"], keyPrefixes: ["belief.1"], tags: ["t3"],
      budget: PromptBudget(beliefs: 20, characters: 4_000), excludedLimit: 5)
    let selector = try PromptSelector(model: model, at: now)
    let direct = PromptQuery(
      keys: ["belief.7", "belief.901"], keyPrefixes: ["belief.1"], tags: ["t3"],
      budget: PromptBudget(beliefs: 20, characters: 4_000), excludedLimit: 5)
    let calls = settings.quick ? 10 : 2_000
    let coldCalls = settings.quick ? 3 : 100
    var cached: [Double] = []
    var plain: [Double] = []
    var cold: [Double] = []
    var tick = 0.0
    // The first call builds the selector and caches it with the user's state: not timed.
    _ = try await operations.promptContext(request, at: now)
    for _ in 0..<(settings.quick ? 1 : 7) {
      let start = ContinuousClock.now
      for _ in 0..<calls { _ = try await operations.promptContext(request, at: now) }
      cached.append(seconds(ContinuousClock.now - start) / Double(calls))
      plain.append(try B13Context.perCall(calls) { try selector.prompt(for: direct) })
      let coldStart = ContinuousClock.now
      for _ in 0..<coldCalls {
        tick += 1
        _ = try await operations.promptContext(request, at: now.addingTimeInterval(tick))
      }
      cold.append(seconds(ContinuousClock.now - coldStart) / Double(coldCalls))
    }
    let check = try await operations.promptContext(request, at: now)
    let expected = try selector.prompt(for: direct)
    precondition(check == expected, "the operation's prompt differs from the direct call's")
    await store.shutdown()
    let value = median(cached) * 1e6
    let base = median(plain) * 1e6
    return [
      ResultRow(
        id: "B13c", workload: "  B13 through Operations on a FileStore, unchanged user",
        value: value, unit: "us", baseline: "B13 direct call", baselineValue: base,
        ratio: value / base, target: "<= 2x B13", met: value <= 2 * base),
      ResultRow(
        id: "B13d", workload: "  same, a new instant each call (setup paid)",
        value: median(cold) * 1e6, unit: "us", baseline: "B13 direct call", baselineValue: base,
        ratio: median(cold) * 1e6 / base, target: "(informative)", met: nil),
    ]
  }

  static func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}
