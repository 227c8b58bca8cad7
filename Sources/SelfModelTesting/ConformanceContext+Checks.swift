import Foundation
import SelfModel
import SelfModelStore

extension ConformanceContext {
  func createAndFind() async throws {
    let created = try await store.createUser(alice, policy: RevisionPolicy())
    try expect(created.user == alice, "createUser returned a model of \(created.user)")
    try expect(created.evidence.isEmpty && created.beliefs.isEmpty, "a new model is not empty")
    try expect(try await store.contains(alice), "contains is false after createUser")
    try expect(try await !store.contains(bob), "contains is true for an unknown user")
    try await expectError(.userAlreadyExists, "creating alice twice") {
      try await store.createUser(alice, policy: RevisionPolicy())
    }
    try await expectError(.userNotFound, "model of an unknown user") {
      try await store.model(for: bob)
    }
    try await expectError(.rejectedByModel, "creating a user with an invalid policy") {
      try await store.createUser(carol, policy: RevisionPolicy(priorWeight: -1))
    }
    try expect(try await !store.contains(carol), "a rejected createUser left a user")
    let reloaded = try await store.model(for: alice)
    try expect(reloaded == created, "model(for:) differs from the created model")
  }

  func recordAndReload() async throws {
    try await makeUser(alice)
    var expected = try await store.model(for: alice)
    let batch = [try Self.evidence("e1"), try Self.evidence("e2", Self.formal, holds: false)]
    let result = try await store.record(batch, for: alice, at: Self.now)
    let local = try expected.record(batch, at: Self.now)
    try expect(result == local, "record returned \(result), the model computes \(local)")
    try await store.record(try Self.evidence("e3", source: "clicks"), for: alice, at: Self.now)
    try expected.record(try Self.evidence("e3", source: "clicks"), at: Self.now)
    let stored = try await store.model(for: alice)
    try expect(stored == expected, "the stored model differs from the same fold done locally")
    let estimate = try stored.estimate(for: Self.concise, at: Self.now)
    let wanted = try expected.estimate(for: Self.concise, at: Self.now)
    try expect(estimate == wanted, "estimates differ after reload")
    try await expectError(.userNotFound, "recording for an unknown user") {
      try await store.record([try? Self.evidence("x")].compactMap { $0 }, for: bob, at: Self.now)
    }
  }

  func duplicateEvidenceIsIdempotent() async throws {
    try await makeUser(alice)
    let item = try Self.evidence("e1")
    try await store.record(item, for: alice, at: Self.now)
    let before = try await store.model(for: alice)
    let again = try await store.record(item, for: alice, at: Self.now)
    try expect(again.recorded.isEmpty, "a duplicate was recorded again: \(again.recorded)")
    try expect(again.duplicates == [item.id], "duplicates reported as \(again.duplicates)")
    try expect(try await store.model(for: alice) == before, "a duplicate changed the model")
    let changed = try Self.evidence("e1", holds: false)
    try await expectError(.rejectedByModel, "reusing an evidence id for other content") {
      try await store.record(changed, for: alice, at: Self.now)
    }
    try expect(try await store.model(for: alice) == before, "a reused id changed the model")
  }

  func rejectedInputLeavesStoreUnchanged() async throws {
    try await makeUser(alice)
    try await store.record(try Self.evidence("e1"), for: alice, at: Self.now)
    let before = try await store.model(for: alice)
    let unknownBelief = try Self.evidence("e3", "preference.unknown")
    try await expectError(.rejectedByModel, "a batch with an unknown belief") {
      try await store.record([try Self.evidence("e2"), unknownBelief], for: alice, at: Self.now)
    }
    let future = try Self.evidence("e4", offset: -86_400 * 365)
    try await expectError(.rejectedByModel, "evidence from the future") {
      try await store.record(future, for: alice, at: Self.now)
    }
    let duplicateKey = try BeliefDefinition.binary(Self.concise, statement: "again")
    let fresh = try BeliefDefinition.binary("preference.new", statement: "new")
    try await expectError(.rejectedByModel, "declaring a batch with a duplicate key") {
      try await store.declare([fresh, duplicateKey], for: alice)
    }
    let undeclared = try BeliefDefinition.binary("preference.none", statement: "none")
    try await expectError(.rejectedByModel, "redeclaring an undeclared belief") {
      try await store.redeclare(undeclared, for: alice)
    }
    try await expectError(.rejectedByModel, "an invalid policy") {
      try await store.replacePolicy(RevisionPolicy(priorWeight: 0), for: alice)
    }
    try expect(try await store.model(for: alice) == before, "a rejected call changed the model")
  }

  func declareRegisterAndPolicy() async throws {
    try await makeUser(alice)
    let renamed = try BeliefDefinition.binary(Self.concise, statement: "Wants short answers")
    try await store.redeclare(renamed, for: alice)
    let strict = try Source(id: "user", kind: .userStated, reliability: 0.5)
    try await store.register([strict], for: alice)
    let policy = RevisionPolicy(priorWeight: 4, defaultHalfLife: 86_400)
    try await store.replacePolicy(policy, for: alice)
    try await store.record(try Self.evidence("e1", offset: 86_400), for: alice, at: Self.now)
    let model = try await store.model(for: alice)
    try expect(model.definition(for: Self.concise) == renamed, "redeclare was not kept")
    try expect(model.source("user") == strict, "register did not replace the source")
    try expect(model.policy == policy, "replacePolicy was not kept")
    try expect(model.beliefs.count == 2 && model.sources.count == 2, "definitions were lost")
  }
}
