import Foundation
import SelfModel
import SelfModelTesting
import Testing

/// The estimate of a dynamic belief inside ``UserModel``: the knowledge-tracing filter over its
/// answers in `(observedAt, id)` order, one step per item; what recording refuses.
@Suite struct DynamicBeliefEstimateTests {
  typealias Fixture = DynamicFixture

  static func mastery(_ model: UserModel) throws -> Double {
    try model.estimate(for: Fixture.key, at: Fixture.now).probability(of: "true")
  }

  static func filtered(_ answers: [Bool], _ parameters: KnowledgeTracing.Parameters) -> Double {
    KnowledgeTracing.filter(answers, parameters: parameters).last?.masteryNext ?? parameters.prior
  }

  @Test func withoutAnswersTheEstimateIsThePrior() throws {
    let parameters = try Fixture.parameters(prior: 0.3)
    let estimate = try Fixture.model(parameters).estimate(for: Fixture.key, at: Fixture.now)
    #expect(estimate.probabilities == [0.3, 0.7])
    #expect(
      estimate.mastery == MasteryEstimate(parameters: parameters, mastery: 0.3, answerCount: 0))
    #expect(estimate.evidence == [0, 0])
  }

  @Test func theEstimateIsTheFilterOverTheAnswersInTimeOrder() throws {
    let parameters = try Fixture.parameters()
    var model = try Fixture.model(parameters)
    // Recorded out of time order; ties in time are broken by id ("b" before "c").
    let items = [
      try Fixture.answer("d", false, at: 30), try Fixture.answer("a", true, at: 10),
      try Fixture.answer("c", false, at: 20), try Fixture.answer("b", true, at: 20),
      try Fixture.answer("e", true, at: 40),
    ]
    for item in items { try model.record(item, at: Fixture.now) }
    let expected = Self.filtered([true, true, false, false, true], parameters)
    let estimate = try model.estimate(for: Fixture.key, at: Fixture.now)
    #expect(abs(try estimate.probability(of: "true") - expected) < 1e-15)
    #expect(estimate.evidence == [3, 2])
    #expect(try model.answers(ofDynamicBelief: Fixture.key) == [true, true, false, false, true])
    let mastery = try #require(estimate.mastery)
    #expect(mastery.answerCount == 5)
    #expect(
      abs(mastery.correctProbability - (expected * 0.9 + (1 - expected) * 0.2)) < 1e-15)
  }

  @Test func theIntervalIsAPointAndThereIsNoMarginalOrOpinion() throws {
    var model = try Fixture.model(try Fixture.parameters())
    try model.record(try Fixture.answer("a", true, at: 0), at: Fixture.now)
    let estimate = try model.estimate(for: Fixture.key, at: Fixture.now)
    let p = try estimate.probability(of: "true")
    #expect(try estimate.credibleInterval(for: "true") == p...p)
    #expect(try estimate.credibleInterval(for: "false", level: 0.5) == (1 - p)...(1 - p))
    #expect(throws: ModelError.self) { _ = try estimate.credibleInterval(for: "true", level: 1) }
    #expect(throws: ModelError.self) { _ = try estimate.marginal(for: "true") }
    #expect(estimate.opinion == nil)
  }

  /// Random answer sequences recorded in a random order, some of them late: the cached state
  /// (one step per in-order item, a refilter per late one) equals the filter over the sorted
  /// answers and a fresh replay of the ledger.
  @Test(arguments: 0..<20)
  func randomArrivalOrdersGiveTheFilterOfTheSortedAnswers(_ seed: UInt64) throws {
    var random = SeededRandom(seed: seed)
    let parameters = try Fixture.parameters(
      prior: Double.random(in: 0.05...0.95, using: &random),
      learn: Double.random(in: 0...0.5, using: &random),
      forget: Double.random(in: 0...0.2, using: &random),
      guess: Double.random(in: 0.05...0.4, using: &random),
      slip: Double.random(in: 0.05...0.4, using: &random))
    var model = try Fixture.model(parameters)
    let count = Int.random(in: 1...40, using: &random)
    var items: [Evidence] = []
    for t in 0..<count {
      let holds = Bool.random(using: &random)
      let time = Double(Int.random(in: 0...20, using: &random))
      items.append(try Fixture.answer("e\(String(format: "%03d", t))", holds, at: time))
    }
    if seed % 2 == 0 { items.shuffle(using: &random) }
    for item in items { try model.record(item, at: Fixture.now) }
    let sorted = items.sorted {
      ($0.observedAt, $0.id) < ($1.observedAt, $1.id)
    }.map { $0.content == .holds }
    let expected = Self.filtered(sorted, parameters)
    #expect(abs(try Self.mastery(model) - expected) < 1e-12)
    let replayed = try UserModel(snapshot: model.snapshot)
    #expect(abs(try Self.mastery(replayed) - expected) < 1e-12)
  }

  @Test(arguments: [
    EvidenceContent.distribution(["true": 0.7, "false": 0.3]),
    .likelihoodRatio(outcome: "true", ratio: 3),
    .jeffrey(target: ["true": 0.8, "false": 0.2]),
  ])
  func softAndVirtualEvidenceIsRefused(_ content: EvidenceContent) throws {
    var model = try Fixture.model(try Fixture.parameters())
    let before = model
    let item = Evidence(
      id: "x", belief: Fixture.key, content: content, source: "quiz", observedAt: Fixture.start)
    do {
      try model.record(item, at: Fixture.now)
      Issue.record("recorded \(content)")
    } catch {
      guard case .unsupportedForDynamicBelief(let belief, _) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(belief == Fixture.key)
    }
    #expect(throws: ModelError.self) { try model.append(item, at: Fixture.now) }
    #expect(model == before)
  }

  @Test func aWeightOtherThanOneAndAnUnknownOutcomeAreRefused() throws {
    var model = try Fixture.model(try Fixture.parameters())
    let weighted = Evidence(
      id: "w", belief: Fixture.key, content: .holds, weight: 3, source: "quiz",
      observedAt: Fixture.start)
    #expect(throws: ModelError.self) { try model.record(weighted, at: Fixture.now) }
    let categorical = Evidence(
      id: "c", belief: Fixture.key, content: .outcome("partly"), source: "quiz",
      observedAt: Fixture.start)
    #expect(throws: ModelError.unknownOutcome(belief: Fixture.key, outcome: "partly")) {
      try model.record(categorical, at: Fixture.now)
    }
    #expect(model.evidenceCount == 0)
  }

  /// Reliability tempers nothing and decay does not apply: slip and guess model noisy answers,
  /// the transitions model change.
  @Test func reliabilityAndDecayDoNotApply() throws {
    let parameters = try Fixture.parameters()
    var policy = RevisionPolicy()
    policy.halfLifeBySourceKind = [.behavior: 3_600, .modelInference: 3_600]
    policy.maximumContributionPerSource = 1
    var model = try UserModel(user: "learner", policy: policy)
    try model.declare(try Fixture.definition(parameters))
    try model.register(Source(id: "quiz", kind: .behavior, reliability: 1))
    try model.register(Source(id: "tutor", kind: .modelInference, reliability: 0.1))
    let answers = [true, false, true, true]
    for (t, holds) in answers.enumerated() {
      try model.record(
        try Fixture.answer("a\(t)", holds, at: Double(t), source: t % 2 == 0 ? "quiz" : "tutor"),
        at: Fixture.now)
    }
    let expected = Self.filtered(answers, parameters)
    for later in [Fixture.start, Fixture.now, Fixture.now + 1e8] {
      let p = try model.estimate(for: Fixture.key, at: later).probability(of: "true")
      #expect(abs(p - expected) < 1e-15)
    }
    #expect(try model.staleBeliefs(at: Fixture.now + 1e8).isEmpty)
  }

  @Test func mixedAnswersAreNotReportedAsContested() throws {
    var model = try Fixture.model(try Fixture.parameters())
    for t in 0..<10 {
      try model.record(try Fixture.answer("a\(t)", t % 2 == 0, at: Double(t)), at: Fixture.now)
    }
    #expect(try model.contestedBeliefs(at: Fixture.now).isEmpty)
  }

  @Test func asOfReplaysTheAnswersRecordedByThen() throws {
    let parameters = try Fixture.parameters()
    var model = try Fixture.model(parameters)
    let answers = [true, false, true, false, true, true]
    for (t, holds) in answers.enumerated() {
      let time = Fixture.start + Double(t) * 100
      try model.record(
        Evidence(
          id: try EvidenceID("a\(t)"), belief: Fixture.key, content: holds ? .holds : .doesNotHold,
          source: "quiz", observedAt: time, recordedAt: time),
        at: Fixture.now)
    }
    for cut in 0...answers.count {
      let then = Fixture.start + Double(cut) * 100 - 1
      let past = try model.asOf(then)
      let p = try past.estimate(for: Fixture.key, at: then).probability(of: "true")
      #expect(abs(p - Self.filtered(Array(answers.prefix(cut)), parameters)) < 1e-15)
    }
  }
}
