import Foundation
import SelfModel
import Testing

/// The usage snippet in README.md, verbatim apart from `print` becoming `#expect`: if this
/// stops compiling or its numbers change, README must change too.
@Suite struct ReadmeSnippetTests {
  @Test func snippetCompilesAndPrintsWhatReadmeSays() throws {
    let now = Date(timeIntervalSince1970: 1_767_225_600)
    var policy = RevisionPolicy()
    policy.halfLifeBySourceKind[.behavior] = 14 * 86_400  // clicks fade in two weeks

    var model = try UserModel(user: "user-42", policy: policy)
    try model.declare(.binary("preference.concise", statement: "Prefers concise answers"))
    try model.register(Source(id: "clicks", kind: .behavior, reliability: 0.6))

    try model.observe(
      Evidence(
        id: "e-1", belief: "preference.concise", content: .holds, source: "clicks",
        observedAt: now),
      at: now)

    let estimate = try model.estimate(for: "preference.concise", at: now)
    #expect(abs(try estimate.probability(of: "true") - 1.6 / 2.6) < 1e-12)
    #expect(abs(estimate.confidence - (1 - 2 / 2.6)) < 1e-12)
    let interval = try estimate.credibleInterval(for: "true", level: 0.9)
    #expect(interval.lowerBound < 1.6 / 2.6 && 1.6 / 2.6 < interval.upperBound)
  }
}
