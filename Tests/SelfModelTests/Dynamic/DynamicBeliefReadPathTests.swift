import Foundation
import SelfModel
import Testing

/// Every reader of beliefs on a dynamic belief: explain, the prompt context, alignment
/// scoring, the next question, population prior fits and backtests.
@Suite struct DynamicBeliefReadPathTests {
  typealias Fixture = DynamicFixture

  static let answers = [false, true, false, true, true, true]

  static func model() throws -> (UserModel, KnowledgeTracing.Parameters) {
    let parameters = try Fixture.parameters()
    var model = try Fixture.model(parameters)
    // Recorded newest first: explain still lists them in filter order.
    for (t, holds) in answers.enumerated().reversed() {
      try model.record(try Fixture.answer("a\(t)", holds, at: Double(t)), at: Fixture.now)
    }
    try model.record(
      Evidence(
        id: "c1", belief: "preference.concise", content: .holds, weight: 2, source: "quiz",
        observedAt: Fixture.start),
      at: Fixture.now)
    return (model, parameters)
  }

  @Test func explainListsEachAnswersStepInFilterOrder() throws {
    let (model, parameters) = try Self.model()
    let explanation = try model.explain(Fixture.key, at: Fixture.now)
    let steps = KnowledgeTracing.filter(Self.answers, parameters: parameters)
    #expect(explanation.contributions.map(\.evidence.id.rawValue) == (0..<6).map { "a\($0)" })
    #expect(explanation.contributions.map(\.knowledgeTracingStep) == steps)
    for (contribution, step) in zip(explanation.contributions, steps) {
      let shift = step.masteryAfterObservation - step.masteryBefore
      #expect(contribution.probabilityShift == [shift, -shift])
      #expect(contribution.reliability == 1 && contribution.decayFactor == 1)
    }
    // The transition between answers links each step to the next.
    for (a, b) in zip(steps, steps.dropFirst()) { #expect(a.masteryNext == b.masteryBefore) }
    #expect(try explanation.estimate.probability(of: "true") == steps.last?.masteryNext)
    // A counted belief's explanation is unchanged: no step.
    let counted = try model.explain("preference.concise", at: Fixture.now)
    #expect(counted.contributions.allSatisfy { $0.knowledgeTracingStep == nil })
    #expect(throws: ModelError.unknownContext(belief: Fixture.key, context: "chat")) {
      _ = try model.explain(Fixture.key, in: "chat", at: Fixture.now)
    }
  }

  @Test func thePromptContextStatesTheMasteryAndNeverCallsItContested() throws {
    let (model, _) = try Self.model()
    let selector = try PromptSelector(model: model, at: Fixture.now)
    let context = try selector.prompt(for: PromptQuery(keys: [Fixture.key]))
    let entry = try #require(context.entries.first { $0.key == Fixture.key })
    let p = try model.estimate(for: Fixture.key, at: Fixture.now).probability(of: "true")
    #expect(entry.outcome == "true" && entry.probability == p)
    #expect(entry.totalEvidence == Double(Self.answers.count))
    #expect(!entry.isContested && !entry.isStale)
    #expect(context.text.contains("Can add fractions"))
  }

  @Test func alignmentScoresAStanceAgainstTheMasteryWithAPointInterval() throws {
    let (model, _) = try Self.model()
    let scorer = try AlignmentScorer(model: model, at: Fixture.now)
    let candidate = try Candidate(
      id: "reply", stances: [Stance(belief: Fixture.key, asserts: .holds)])
    let report = try scorer.score(candidate)
    let p = try model.estimate(for: Fixture.key, at: Fixture.now).probability(of: "true")
    let stance = try #require(
      report.supporting.first ?? report.conflicting.first ?? report.neutral.first)
    #expect(abs(stance.agreement - p) < 1e-12)
    #expect(stance.agreementInterval.lowerBound == stance.agreementInterval.upperBound)
  }

  /// The question's channel is the belief's own slip and guess, whatever `answers` says.
  @Test func theNextQuestionUsesTheFiltersAnswerModel() throws {
    let (model, parameters) = try Self.model()
    let next = try NextQuestion.rank(model, at: Fixture.now, answers: .perfect)
    let question = try #require(next.first { $0.belief == Fixture.key })
    let p = try model.estimate(for: Fixture.key, at: Fixture.now).probability(of: "true")
    let h: (Double) -> Double = { x in x <= 0 || x >= 1 ? 0 : -x * log2(x) - (1 - x) * log2(1 - x) }
    let correct = p * (1 - parameters.slip) + (1 - p) * parameters.guess
    let expected = h(correct) - (p * h(parameters.slip) + (1 - p) * h(parameters.guess))
    #expect(abs(question.expectedInformationGain - expected) < 1e-12)
  }

  @Test func populationPriorFitsLeaveDynamicBeliefsOut() throws {
    let parameters = try Fixture.parameters()
    let catalogue = try Catalogue(
      version: 1,
      beliefs: [
        try Fixture.definition(parameters),
        .binary("preference.concise", statement: "Prefers concise answers"),
      ],
      sources: [Source(id: "quiz", kind: .behavior, reliability: 1)])
    var fit = PopulationPriorFit(catalogue: catalogue)
    for user in 0..<6 {
      var model = try UserModel(user: try UserID("u\(user)"), catalogue: catalogue)
      for t in 0..<4 {
        try model.record(
          try Fixture.answer("a\(t)", (t + user) % 3 != 0, at: Double(t)), at: Fixture.now)
        try model.record(
          Evidence(
            id: try EvidenceID("c\(t)"), belief: "preference.concise",
            content: (t + user) % 2 == 0 ? .holds : .doesNotHold, source: "quiz",
            observedAt: Fixture.start),
          at: Fixture.now)
      }
      try fit.add(model)
    }
    let priors = try fit.fit()
    #expect(priors.beliefs.map(\.key) == ["preference.concise"])
    #expect(!priors.unobservedBeliefs.contains(Fixture.key))
    #expect(throws: ModelError.self) { _ = try fit.fit(belief: Fixture.key) }
  }

  @Test func backtestsLeaveDynamicBeliefsOut() throws {
    let (model, _) = try Self.model()
    let backtest = try Backtest(replaying: [model], outcomeSourceKinds: [.behavior])
    #expect(backtest.perBelief[Fixture.key] == nil)
    #expect(backtest.perBelief["preference.concise"] != nil)
  }
}
