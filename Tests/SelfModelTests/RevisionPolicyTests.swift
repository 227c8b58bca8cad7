import Foundation
import SelfModel
import Testing

@Suite struct RevisionPolicyTests {
  @Test func defaults() throws {
    let policy = RevisionPolicy()
    #expect(policy.priorWeight == 2 && policy.defaultHalfLife == nil)
    #expect(policy.maximumContributionPerSource == nil && policy.futureTolerance == 300)
    try policy.validate()
  }

  @Test func halfLifeResolutionBeliefThenKindThenDefault() {
    var policy = RevisionPolicy(defaultHalfLife: 100)
    policy.halfLifeBySourceKind[.behavior] = 10
    policy.halfLifeByBelief["k"] = 1
    #expect(policy.halfLife(for: "k", sourceKind: .behavior) == 1)
    #expect(policy.halfLife(for: "other", sourceKind: .behavior) == 10)
    #expect(policy.halfLife(for: "other", sourceKind: .userStated) == 100)
    #expect(RevisionPolicy().halfLife(for: "k", sourceKind: .behavior) == nil)
  }

  @Test func reliabilityOverridesWin() throws {
    var policy = RevisionPolicy()
    policy.reliabilityOverrides["clicks"] = 0.2
    let clicks = try Source(id: "clicks", kind: .behavior, reliability: 0.9)
    let user = try Source(id: "user", kind: .userStated, reliability: 0.9)
    #expect(policy.reliability(of: clicks) == 0.2)
    #expect(policy.reliability(of: user) == 0.9)
  }

  @Test(arguments: [
    (RevisionPolicy(priorWeight: -1), "priorWeight"),
    (RevisionPolicy(halfLifeByBelief: ["k": 0]), "halfLifeByBelief[k]"),
    (RevisionPolicy(maximumContributionPerSource: .nan), "maximumContributionPerSource"),
    (RevisionPolicy(futureTolerance: .infinity), "futureTolerance"),
  ])
  func validateNamesTheBadField(_ policy: RevisionPolicy, _ field: String) {
    do {
      try policy.validate()
      Issue.record("\(field): accepted")
    } catch {
      #expect(error.description.contains(field))
    }
  }
}
