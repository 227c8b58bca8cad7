import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelOperations
import SelfModelStore
import Testing

/// The optional `context` argument: the reading tools estimate from the context's prior, the
/// writing tools label the evidence; an unknown context is `unknownContext` (404) and a
/// malformed one `invalidIdentifier` (400), with the store unchanged.
@Suite struct ContextToolTests {
  /// `u1`'s one answer: weight 3 from `user` (reliability 0.95), saying "true".
  static let tally = 3 * 0.95

  /// `p_true = (t + W a) / (T + W)` for `style.concise` with `u1`'s answer.
  static func concise(rate: Double, weight: Double) -> Double {
    (tally + weight * rate) / (tally + weight)
  }

  @Test func getContextEstimatesFromTheContextsPrior() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let result = try await client.call(
      "get_context", ["user": "u1", "tags": ["style"], "context": "surface:onboarding"])
    let entry = try #require(result.response(PromptContext.self).entries.first)
    #expect(entry.key == "style.concise")
    let probability = entry.probability
    let expected = Self.concise(rate: Fixture.onboardingRate, weight: Fixture.onboardingWeight)
    #expect(abs(probability - expected) < 1e-9)
    #expect(abs(probability - Self.concise(rate: 0.5, weight: 2)) > 0.1)
    await fixture.remove()
  }

  @Test func explainBeliefInAContext() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let result = try await client.call(
      "explain_belief", ["user": "u1", "belief": "style.concise", "context": "surface:onboarding"])
    let estimate = try result.response(ExplanationResponse.self).estimate
    #expect(estimate.context == "surface:onboarding")
    #expect(estimate.priorWeight == Fixture.onboardingWeight)
    let probability = try #require(estimate.outcomes.first?.probability)
    let expected = Self.concise(rate: Fixture.onboardingRate, weight: Fixture.onboardingWeight)
    #expect(abs(probability - expected) < 1e-9)
    await fixture.remove()
  }

  @Test func nextQuestionInAContextValuesTheBeliefLess() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let plain = try await Self.conciseGain(client, ["user": "u1", "limit": 3])
    let inContext = try await Self.conciseGain(
      client, ["user": "u1", "limit": 3, "context": "surface:onboarding"])
    #expect(inContext < plain)  // p 0.94 instead of 0.79: less left to learn
    await fixture.remove()
  }

  static let unknownContexts: [(String, [String: Value])] = [
    ("get_context", ["user": "u1", "context": "surface:nowhere"]),
    ("explain_belief", ["user": "u1", "belief": "style.concise", "context": "surface:nowhere"]),
    ("explain_belief", ["user": "u1", "belief": "style.tone", "context": "surface:onboarding"]),
    ("next_question", ["user": "u1", "context": "surface:nowhere"]),
  ]

  @Test(arguments: Self.unknownContexts)
  func anUnknownContextIsATypedNotFound(tool: String, arguments: [String: Value]) async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let result = try await client.call(tool, arguments)
    #expect(result.isError == true)
    #expect(result.code == "unknownContext")
    #expect(result.category == "notFound")
    let problem = result.structuredContent?.objectValue
    #expect(problem?["status"] == 404)
    #expect(problem?["context"] == arguments["context"])
    await fixture.remove()
  }

  static let malformed: [Value] = [
    "", "has space", "café", .string(String(repeating: "c", count: 257)),
  ]

  @Test(arguments: Self.malformed)
  func aMalformedContextIsInvalidForEveryTool(context: Value) async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let calls: [(String, [String: Value])] = [
      ("get_context", ["user": "u1", "context": context]),
      ("explain_belief", ["user": "u1", "belief": "style.concise", "context": context]),
      ("next_question", ["user": "u1", "context": context]),
      ("record_observation", WriteToolTests.observing(["context": context])),
      ("record_reaction", WriteToolTests.reacting(extra: ["context": context])),
    ]
    for (tool, arguments) in calls {
      let result = try await client.call(tool, arguments)
      #expect(result.code == "invalidIdentifier", "\(tool): \(result.text)")
      #expect(result.structuredContent?.objectValue?["status"] == 400, "\(tool)")
    }
    #expect(try await fixture.store.model(for: "u1").evidence.count == 1)
    await fixture.remove()
  }

  @Test func writtenEvidenceCarriesItsContext() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let observed = try await client.call(
      "record_observation", WriteToolTests.observing(["context": "surface:chat"]))
    #expect(observed.isError == false, "\(observed.text)")
    let reacted = try await client.call(
      "record_reaction", WriteToolTests.reacting(extra: ["context": "surface:review"]))
    #expect(reacted.isError == false, "\(reacted.text)")
    let model = try await fixture.store.model(for: "u1")
    #expect(model.evidence.first { $0.id == "obs-1" }?.context == "surface:chat")
    let reactions = model.evidence.filter { $0.metadata["response"] == "resp-1" }
    #expect(!reactions.isEmpty)
    #expect(reactions.allSatisfy { $0.context == "surface:review" })
    #expect(model.evidence.first { $0.id == "said-1" }?.context == nil)
    await fixture.remove()
  }

  /// The expected information gain `next_question` reports for `style.concise`.
  static func conciseGain(_ client: Client, _ arguments: [String: Value]) async throws -> Double {
    let result = try await client.call("next_question", arguments)
    let questions = try result.response(NextQuestionsResponse.self).questions
    let concise = try #require(questions.first { $0.belief == "style.concise" })
    return concise.expectedInformationGain
  }
}
