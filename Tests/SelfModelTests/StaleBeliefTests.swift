import Foundation
import SelfModel
import Testing

@Suite struct StaleBeliefTests {
  let start = Date(timeIntervalSince1970: 1_767_225_600)
  let day = 86_400.0

  func model() throws -> UserModel {
    var policy = RevisionPolicy()
    policy.halfLifeBySourceKind[.userStated] = 30 * day
    policy.halfLifeBySourceKind[.behavior] = 7 * day
    var model = try UserModel(user: "u", policy: policy)
    try model.declare(.binary("k", statement: "Prefers concise answers"))
    try model.register(Source(id: "user", kind: .userStated, reliability: 0.9))
    try model.register(Source(id: "clicks", kind: .behavior, reliability: 0.6))
    try model.record(
      Evidence(
        id: "e1", belief: "k", content: .holds, weight: 2, source: "user", observedAt: start),
      at: start)
    let later = start.addingTimeInterval(14 * day)
    try model.record(
      Evidence(id: "e2", belief: "k", content: .holds, source: "clicks", observedAt: later),
      at: later)
    return model
  }

  @Test func freshRightAfterNewEvidenceEvenIfAnOlderSourceFaded() throws {
    let model = try model()
    let justAfter = start.addingTimeInterval(14 * day)
    #expect(try model.staleBeliefs(at: justAfter, maximumFreshness: 0.999).isEmpty)
  }

  @Test func freshnessIsTotalNowOverTotalAtLastEvidence() throws {
    let model = try model()
    let last = try model.estimate(for: "k", at: start.addingTimeInterval(14 * day)).totalEvidence
    let now = start.addingTimeInterval(28 * day)
    let current = try model.estimate(for: "k", at: now).totalEvidence
    let stale = try #require(model.staleBeliefs(at: now, maximumFreshness: 0.6).first)
    #expect(abs(stale.freshness - current / last) < 1e-12)
    // python3: (1.8 * 2**(-28/30) + 0.6 * 0.25) / (1.8 * 2**(-14/30) + 0.6) = 0.574266
    #expect(abs(stale.freshness - 0.574266) < 1e-6)
    #expect(try model.staleBeliefs(at: now).isEmpty)
    #expect(stale.lastObservedAt == start.addingTimeInterval(14 * day))
  }
}
