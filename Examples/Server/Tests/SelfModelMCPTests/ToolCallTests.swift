import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelOperations
import SelfModelStore
import ServiceAccess
import Testing

/// Every tool through the SDK's own client over an in-process transport pair: good calls,
/// bad calls (typed errors, store unchanged) and retries.
@Suite struct ToolCallTests {
  @Test func listsEveryToolWithASchema() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let (tools, _) = try await client.listTools()
    #expect(
      tools.map(\.name) == [
        "list_beliefs", "get_context", "record_observation", "record_reaction",
        "explain_belief", "next_question", "forget",
      ])
    for tool in tools {
      let required = tool.inputSchema.objectValue?["required"]?.arrayValue ?? []
      #expect(required.contains("user") == (tool.name != "list_beliefs"), "\(tool.name)")
      #expect(tool.inputSchema.objectValue?["additionalProperties"] == false)
      #expect(tool.inputSchema.objectValue?["examples"]?.arrayValue?.count == 1, "\(tool.name)")
    }
    await fixture.remove()
  }

  @Test func getContextIsHedgedTextAndNumbers() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let result = try await client.call("get_context", ["user": "u1", "tags": ["style"]])
    let context = try result.response(PromptContext.self)
    #expect(context.text.contains("Prefers concise answers"))
    #expect(context.text.contains("why: tag \"style\""))
    #expect(context.entries.map(\.key) == ["style.concise"])
    let probability = try #require(context.entries.first?.probability)
    #expect(abs(probability - (3 * 0.95 + 1) / (3 * 0.95 + 2)) < 1e-9)
    // The answer is the operation's: the same value the library computes directly.
    let model = try await fixture.store.model(for: "u1")
    let direct = try PromptSelector(model: model, at: Fixture.now)
      .prompt(for: PromptQuery(tags: ["style"]))
    #expect(context == direct)
    await fixture.remove()
  }

  static let badContextRequests: [([String: Value], String, String)] = [
    (["user": "u1", "keys": ["no.such"]], "unknownBelief", "notFound"),
    (["user": "u1", "budget": ["beliefs": 0]], "numberOutOfRange", "invalidInput"),
    (["user": "u1", "budget": ["beliefs": 1_001]], "numberOutOfRange", "invalidInput"),
    (
      ["user": "u1", "budget": ["beliefs": 5, "characters": 0]], "numberOutOfRange", "invalidInput"
    ),
    (["user": "u1", "budget": 5], "invalidArguments", "invalidInput"),
    (["user": "u1", "excludedLimit": 1_001], "numberOutOfRange", "invalidInput"),
    (["user": "u1", "tags": [""]], "invalidText", "invalidInput"),
    (["user": "u1", "budjet": 3], "invalidArguments", "invalidInput"),
    (["tags": ["style"]], "invalidArguments", "invalidInput"),
    (["user": "no such user!"], "invalidIdentifier", "invalidInput"),
    (["user": "u9"], "userNotFound", "notFound"),
  ]

  @Test(arguments: Self.badContextRequests)
  func badContextRequestsAreTypedErrors(
    arguments: [String: Value], code: String, category: String
  ) async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let result = try await client.call("get_context", arguments)
    #expect(result.isError == true)
    #expect(result.code == code)
    #expect(result.category == category)
    await fixture.remove()
  }

  @Test func unknownToolIsATypedError() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let result = try await client.call("drop_tables", ["user": "u1"])
    #expect(result.isError == true)
    #expect(result.code == "unknownTool")
    await fixture.remove()
  }

  @Test func explainBeliefRanksTheEvidence() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let result = try await client.call(
      "explain_belief", ["user": "u1", "belief": "style.concise"])
    let explanation = try result.response(ExplanationResponse.self)
    #expect(explanation.contributions.map(\.evidence) == ["said-1"])
    let missing = try await client.call("explain_belief", ["user": "u1", "belief": "no.such"])
    #expect(missing.code == "unknownBelief")
    let noBelief = try await client.call("explain_belief", ["user": "u1"])
    #expect(noBelief.code == "invalidArguments")
    await fixture.remove()
  }

  @Test func nextQuestionRanksByInformationGain() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let result = try await client.call("next_question", ["user": "u1", "limit": 2])
    let questions = try result.response(NextQuestionsResponse.self).questions
    #expect(questions.count == 2)
    // The answered belief is the least worth asking about, so it is not among the top two.
    #expect(!questions.contains { $0.belief == "style.concise" })
    let bad = try await client.call("next_question", ["user": "u1", "limit": 0])
    #expect(bad.code == "numberOutOfRange")
    await fixture.remove()
  }

  @Test func scopeLimitsTheUsers() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client(scope: .only(["u2"]))
    let result = try await client.call("get_context", ["user": "u1"])
    #expect(result.code == "userNotPermitted")
    #expect(result.structuredContent?.objectValue?["status"] == 403)
    let allowed = try await client.call("get_context", ["user": "u2"])
    #expect(try allowed.response(PromptContext.self).text.contains("nothing relevant is known yet"))
    await fixture.remove()
  }
}
