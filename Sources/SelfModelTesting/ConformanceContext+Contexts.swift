import Foundation
import SelfModel
import SelfModelStore

extension ConformanceContext {
  /// Contexts on evidence and priors on an own definition come back exactly, reads in a
  /// context equal the model's own, an unlisted context is refused, and (for a persistent
  /// backend) all of it survives a reopen.
  func contextsAndPriorsRoundTrip() async throws {
    try await makeUser(alice)
    let surfaced = try BeliefDefinition.binary(
      "preference.emoji", statement: "Likes emoji", baseRate: 0.3, priorWeight: 2.5,
      contexts: [
        "surface:chat": ContextPrior(baseRates: [0.6, 0.4], priorWeight: 7.25),
        "surface:chat/reply": ContextPrior(parent: "surface:chat"),
      ])
    try await store.declare([surfaced], for: alice)
    let items = (0..<4).map { index in
      let content: EvidenceContent = index == 2 ? .doesNotHold : .holds
      let source: SourceID = index == 1 ? "clicks" : "user"
      let context: ContextID? = index == 3 ? nil : "surface:chat/reply"
      let observed = Self.now.addingTimeInterval(Double(-index) * 61.25)
      return Evidence(
        id: EvidenceID(stringLiteral: "x\(index)"), belief: "preference.emoji", content: content,
        source: source, observedAt: observed, context: context)
    }
    try await store.record(items, for: alice, at: Self.now)
    let model = try await store.model(for: alice)
    try expect(model.definition(for: "preference.emoji") == surfaced, "the priors changed")
    let stored = model.evidence.filter { $0.belief == "preference.emoji" }
    try expect(stored == items, "evidence with contexts came back as \(stored)")
    try await expectContextReads(on: store, model)
    guard backend.traits.isPersistent else { return }
    await store.shutdown()
    let reopened = try await openHandle()
    try expect(try await reopened.model(for: alice) == model, "contexts changed on reopen")
  }

  /// Estimates and explanations in a context equal the model's; an unlisted context is
  /// refused.
  private func expectContextReads(on store: any UserModelStore, _ model: UserModel)
    async throws
  {
    let inChat = try await store.estimates(
      for: alice, beliefs: nil, in: "surface:chat/reply", at: Self.now)
    let expected = try model.estimates(beliefs: nil, in: "surface:chat/reply", at: Self.now)
    try expect(inChat == expected, "estimates in a context differ from the model")
    try expect(
      inChat.contains { $0.context == "surface:chat/reply" && $0.priorWeight == 7.25 },
      "the context's prior was not used")
    let why = try await store.explanation(
      for: alice, belief: "preference.emoji", in: "surface:chat", at: Self.now)
    try expect(
      why == (try model.explain("preference.emoji", in: "surface:chat", at: Self.now)),
      "explanations in a context differ")
    try await expectError(.rejectedByModel, "an unlisted context") {
      try await store.estimates(for: alice, beliefs: nil, in: "surface:mail", at: Self.now)
    }
  }
}
