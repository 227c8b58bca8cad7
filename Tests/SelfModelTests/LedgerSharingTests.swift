import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// Copies of a model share one append-only ledger storage; these check that every copy still
/// behaves as an independent value, whatever the order of copies, appends, retries and
/// forgets across them.
@Suite struct LedgerSharingTests {
  /// One copy of the model and the ledger it must hold.
  private struct Copy {
    var model: UserModel
    var expected: [Evidence]
  }

  @Test(arguments: 0..<40 as Range<UInt64>)
  func copiesBehaveAsValues(seed: UInt64) throws {
    let scenario = try RandomScenario(seed: seed)
    var random = SeededRandom(seed: seed &+ 0xC0FFEE)
    var copies = [Copy(model: try scenario.emptyModel(), expected: [])]
    for step in 0..<(scenario.evidence.count * 3) {
      let target = Int.random(in: 0..<copies.count, using: &random)
      try apply(
        Int.random(in: 0..<10, using: &random), to: &copies, target: target, scenario: scenario,
        random: &random)
      for (index, copy) in copies.enumerated() {
        try check(copy, scenario: scenario, "seed \(seed) step \(step) copy \(index)")
      }
    }
  }

  private func apply(
    _ choice: Int, to copies: inout [Copy], target: Int, scenario: RandomScenario,
    random: inout SeededRandom
  ) throws {
    switch choice {
    case 0, 1:
      copies.append(copies[target])
    case 2:
      // A retry of an item the copy holds changes nothing.
      guard let item = copies[target].expected.randomElement(using: &random) else { return }
      #expect(try copies[target].model.append(item, at: scenario.now) == false)
    case 3:
      guard let item = copies[target].expected.randomElement(using: &random) else { return }
      #expect(copies[target].model.forget(evidence: item.id) == item)
      copies[target].expected.removeAll { $0.id == item.id }
    default:
      let held = Set(copies[target].expected.map(\.id))
      guard let item = scenario.evidence.first(where: { !held.contains($0.id) }) else { return }
      #expect(try copies[target].model.append(item, at: scenario.now))
      copies[target].expected.append(item)
    }
  }

  private func check(_ copy: Copy, scenario: RandomScenario, _ context: String) throws {
    #expect(copy.model.evidence == copy.expected, "\(context)")
    #expect(copy.model.evidenceCount == copy.expected.count, "\(context)")
    for item in scenario.evidence.prefix(8) {
      let held = copy.expected.first { $0.id == item.id }
      #expect(copy.model.evidence(item.id) == held, "\(context) \(item.id)")
    }
    assertEquivalent(copy.model, try scenario.model(with: copy.expected), at: scenario.now, context)
  }

  /// A reused id is refused in a copy that holds it, and accepted in a copy made before it
  /// was recorded (there it is new).
  @Test func idsAreCheckedAgainstTheCopysOwnLedger() throws {
    let scenario = try #require(
      try (0..<100 as Range<UInt64>).lazy.map(RandomScenario.init(seed:))
        .first { $0.evidence.count >= 4 })
    let items = scenario.evidence
    var first = try scenario.model(with: Array(items.prefix(2)))
    var second = first
    try first.append(items[2], at: scenario.now)
    let reused = Evidence(
      id: items[2].id, belief: items[3].belief, content: items[3].content,
      weight: items[3].weight, source: items[3].source, observedAt: items[3].observedAt)
    #expect(throws: ModelError.evidenceIDReused(items[2].id)) {
      try first.append(reused, at: scenario.now)
    }
    #expect(try second.append(reused, at: scenario.now))
    #expect(second.evidence(items[2].id) == reused)
    #expect(first.evidence(items[2].id) == items[2])
  }

  /// A copy read from other threads while the original keeps appending sees its own prefix.
  @Test func aCopyReadWhileTheOriginalAppends() async throws {
    let source = try Source(id: "s", kind: .userStated, reliability: 0.9)
    let belief = try BeliefDefinition.binary("b", statement: "B")
    var model = try UserModel(
      user: "u", catalogue: Catalogue(version: 1, beliefs: [belief], sources: [source]))
    let start = Date(timeIntervalSinceReferenceDate: 0)
    func item(_ index: Int) throws -> Evidence {
      Evidence(
        id: try EvidenceID("e\(index)"), belief: "b",
        content: index % 2 == 0 ? .holds : .doesNotHold,
        source: "s", observedAt: start + Double(index))
    }
    for index in 0..<100 { try model.append(try item(index), at: start + 1e6) }
    let snapshot = model
    let readers = (0..<4).map { _ in
      Task.detached {
        var total = 0
        for _ in 0..<50 {
          total += snapshot.evidence.count
          total += snapshot.evidence("e99") == nil ? 0 : 1
        }
        return total
      }
    }
    for index in 100..<5_000 { try model.append(try item(index), at: start + 1e6) }
    for reader in readers { #expect(await reader.value == 50 * 101) }
    #expect(snapshot.evidenceCount == 100)
    #expect(model.evidenceCount == 5_000)
    #expect(model.evidence("e4999") != nil)
    #expect(snapshot.evidence("e4999") == nil)
  }
}
