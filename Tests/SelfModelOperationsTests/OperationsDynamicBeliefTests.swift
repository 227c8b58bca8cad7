import Foundation
import SelfModel
import SelfModelOperations
import SelfModelStore
import Testing

/// Every operation on a dynamic belief: record, estimates, explain, prompt context, rank and
/// next questions work and encode; soft evidence is refused with the typed problem code.
@Suite struct OperationsDynamicBeliefTests {
  static let key: BeliefKey = "skill.fractions"

  static func parameters() throws -> KnowledgeTracing.Parameters {
    try KnowledgeTracing.Parameters(prior: 0.3, learn: 0.1, forget: 0.05, guess: 0.2, slip: 0.1)
  }

  static func operations() async throws -> Operations {
    let catalogue = try Catalogue(
      version: 1,
      beliefs: [
        .dynamic(key, statement: "Can add fractions", parameters: parameters()),
        .binary("preference.concise", statement: "Prefers concise answers"),
      ],
      sources: [Source(id: "quiz", kind: .behavior, reliability: 1)])
    let store = InMemoryStore(catalogue: catalogue)
    try await store.createUser("user-1")
    return Operations(store: store, limits: .standard)
  }

  static func answer(_ id: String, _ holds: Bool, _ t: Double) -> Evidence {
    Evidence(
      id: EvidenceID(stringLiteral: id), belief: key, content: holds ? .holds : .doesNotHold,
      source: "quiz", observedAt: OperationsFixture.now + t)
  }

  @Test func everyReadWorksOnADynamicBelief() async throws {
    let operations = try await Self.operations()
    let now = OperationsFixture.now + 60
    let answers = [false, true, true]
    let recorded = try await operations.record(
      RecordRequest(
        user: "user-1",
        evidence: answers.enumerated().map {
          Self.answer("a\($0.offset)", $0.element, Double($0.offset))
        }),
      at: now)
    _ = try OperationCoding.encode(recorded)
    let mastery = try #require(
      KnowledgeTracing.filter(answers, parameters: Self.parameters()).last?.masteryNext)

    let estimates = try await operations.estimates(
      EstimatesRequest(user: "user-1", beliefs: [Self.key]), at: now)
    let outcome = try #require(estimates.estimates.first?.outcomes.first)
    #expect(outcome.probability == mastery)
    #expect(outcome.interval.lower == mastery && outcome.interval.upper == mastery)
    _ = try OperationCoding.encode(estimates)

    let explanation = try await operations.explain(
      ExplainRequest(user: "user-1", belief: Self.key), at: now)
    #expect(explanation.contributions.count == 3)
    _ = try OperationCoding.encode(explanation)

    let prompt = try await operations.promptContext(PromptRequest(user: "user-1"), at: now)
    #expect(prompt.text.contains("Can add fractions"))
    _ = try OperationCoding.encode(prompt)

    let candidate = try Candidate(id: "c", stances: [Stance(belief: Self.key, asserts: .holds)])
    let ranking = try await operations.rank(
      RankRequest(user: "user-1", candidates: [candidate]), at: now)
    _ = try OperationCoding.encode(ranking)

    let questions = try await operations.nextQuestions(
      NextQuestionsRequest(user: "user-1"), at: now)
    #expect(questions.questions.contains { $0.belief == Self.key })
    _ = try OperationCoding.encode(questions)
  }

  @Test func softEvidenceIsRefusedWithItsProblemCode() async throws {
    let operations = try await Self.operations()
    let soft = Evidence(
      id: "soft", belief: Self.key, content: .distribution(["true": 0.6, "false": 0.4]),
      source: "quiz", observedAt: OperationsFixture.now)
    do {
      _ = try await operations.record(
        RecordRequest(user: "user-1", evidence: [soft]), at: OperationsFixture.now + 60)
      Issue.record("recorded soft evidence")
    } catch {
      #expect(error.problem.code == "unsupportedForDynamicBelief")
      #expect(error.problem.members["belief"] == Self.key.rawValue)
    }
  }
}
