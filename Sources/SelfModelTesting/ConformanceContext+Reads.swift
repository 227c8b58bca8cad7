import Foundation
import SelfModel
import SelfModelStore

extension ConformanceContext {
  /// `estimates(for:beliefs:at:)` equals the model's own estimates, sees the last
  /// acknowledged write, and refuses what the model refuses.
  func estimatesReadMatchesTheModel() async throws {
    try await makeUser(alice)
    let batch = [try Self.evidence("e1"), try Self.evidence("e2", Self.formal, holds: false)]
    try await store.record(batch, for: alice, at: Self.now)
    let later = Self.now.addingTimeInterval(3_600)
    let model = try await store.model(for: alice)
    let all = try await store.estimates(for: alice, beliefs: nil, at: later)
    try expect(all == (try model.estimates(at: later)), "estimates(nil) differ from the model")
    let some = try await store.estimates(
      for: alice, beliefs: [Self.formal, Self.concise], at: later)
    let wanted = try model.estimates(beliefs: [Self.formal, Self.concise], at: later)
    try expect(some == wanted, "estimates in the order asked differ from the model")
    try await store.record(try Self.evidence("e3"), for: alice, at: Self.now)
    let after = try await store.estimates(for: alice, beliefs: [Self.concise], at: later)
    try expect(after.first?.evidence != some.last?.evidence, "a read missed an acknowledged write")
    try await expectError(.rejectedByModel, "an unknown belief") {
      try await store.estimates(for: alice, beliefs: ["preference.unknown"], at: later)
    }
    try await expectError(.rejectedByModel, "a belief asked for twice") {
      try await store.estimates(for: alice, beliefs: [Self.concise, Self.concise], at: later)
    }
    try await expectError(.rejectedByModel, "a non-finite now") {
      try await store.estimates(
        for: alice, beliefs: nil, at: Date(timeIntervalSinceReferenceDate: .nan))
    }
    try await expectError(.userNotFound, "an unknown user") {
      try await store.estimates(for: bob, beliefs: nil, at: later)
    }
  }

  /// `explanation(for:belief:at:)` equals the model's own explanation and refuses what the
  /// model refuses.
  func explanationReadMatchesTheModel() async throws {
    try await makeUser(alice)
    let batch = [
      try Self.evidence("e1"), try Self.evidence("e2", holds: false, source: "clicks"),
      try Self.evidence("e3", offset: 7_200),
    ]
    try await store.record(batch, for: alice, at: Self.now)
    let model = try await store.model(for: alice)
    let why = try await store.explanation(for: alice, belief: Self.concise, at: Self.now)
    try expect(why == (try model.explain(Self.concise, at: Self.now)), "explanations differ")
    try expect(why.contributions.count == 3, "\(why.contributions.count) of 3 contributions")
    try await expectError(.rejectedByModel, "an unknown belief") {
      try await store.explanation(for: alice, belief: "preference.unknown", at: Self.now)
    }
    try await expectError(.userNotFound, "an unknown user") {
      try await store.explanation(for: bob, belief: Self.concise, at: Self.now)
    }
  }
}
