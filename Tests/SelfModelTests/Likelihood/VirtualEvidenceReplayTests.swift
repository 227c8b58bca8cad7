import Foundation
import SelfModel
import Testing

/// `Backtest` and `PolicyTuner` replay counted evidence only: a ledger with likelihood-ratio or
/// Jeffrey evidence is refused with `ModelError.undefined`, never replayed wrongly or trapped.
@Suite struct VirtualEvidenceReplayTests {
  static let now = Date(timeIntervalSinceReferenceDate: 800_000_000)

  static func model(_ virtual: EvidenceContent) throws -> UserModel {
    var model = try UserModel(user: "u")
    try model.declare(.binary("preference.concise", statement: "S", baseRate: 0.35))
    try model.register(Source(id: "user", kind: .behavior, reliability: 1))
    for (index, content) in [EvidenceContent.holds, .doesNotHold, virtual, .holds].enumerated() {
      try model.record(
        Evidence(
          id: try EvidenceID("e\(index)"), belief: "preference.concise", content: content,
          source: "user", observedAt: now.addingTimeInterval(Double(index) * 86_400)),
        at: now.addingTimeInterval(4 * 86_400))
    }
    return model
  }

  static let virtualContents: [EvidenceContent] = [
    .likelihoodRatio(outcome: "true", ratio: 3), .jeffrey(target: ["true": 0.7, "false": 0.3]),
  ]

  static func expectUndefined(_ body: () throws -> Void) {
    do {
      try body()
      Issue.record("virtual evidence was replayed")
    } catch ModelError.undefined(let quantity, _) {
      #expect(quantity.contains("replay program"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test(arguments: virtualContents)
  func backtestRefusesVirtualEvidence(_ content: EvidenceContent) throws {
    let model = try Self.model(content)
    Self.expectUndefined { _ = try Backtest(replaying: [model]) }
  }

  @Test(arguments: virtualContents)
  func policyTunerRefusesVirtualEvidence(_ content: EvidenceContent) throws {
    let model = try Self.model(content)
    Self.expectUndefined { _ = try PolicyTuner().tune([model], from: RevisionPolicy()) }
  }
}
