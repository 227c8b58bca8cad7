import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelOperations
import ServiceAccess
import Testing

/// The schemas state what the server enforces: the library's identifier rule and limits, each
/// tool's example is a call the server accepts, and the character budget is honoured.
@Suite struct SchemaTests {
  static let tools = ToolCatalog.tools(
    for: AgentPolicy(writableSources: [Fixture.agent], allowsCreatingUsers: true))

  /// Every property schema of every tool, nested ones included, with its path.
  static func properties(_ schema: Value, path: String) -> [(String, [String: Value])] {
    guard let object = schema.objectValue else { return [] }
    var found = [(path, object)]
    for (name, child) in object["properties"]?.objectValue ?? [:] {
      found += properties(child, path: path + "." + name)
    }
    if let items = object["items"] { found += properties(items, path: path + "[]") }
    return found
  }

  @Test func everyIdentifierStatesTheLibrarysRule() {
    let identifiers = Self.tools.flatMap { tool in
      Self.properties(tool.inputSchema, path: tool.name).filter { $0.1["pattern"] != nil }
    }
    #expect(identifiers.count > 20)
    for (path, schema) in identifiers {
      #expect(schema["pattern"] == .string(ModelLimits.identifierPattern), "\(path)")
      #expect(schema["maxLength"] == .int(ModelLimits.maximumIdentifierBytes), "\(path)")
      #expect(schema["description"]?.stringValue?.contains("256 bytes") == true, "\(path)")
    }
  }

  /// Evidence fields state the model's limits.
  @Test func evidenceStatesTheModelsLimits() throws {
    let observation = try #require(Self.tools.first { $0.name == "record_observation" })
    let evidence = observation.inputSchema.objectValue?["properties"]?.objectValue?["evidence"]
    let fields = evidence?.objectValue?["items"]?.objectValue?["properties"]?.objectValue ?? [:]
    #expect(fields["weight"]?.objectValue?["exclusiveMinimum"] == 0)
    #expect(fields["weight"]?.objectValue?["maximum"] == .double(ModelLimits.maximumWeight))
    #expect(fields["note"]?.objectValue?["maxLength"] == .int(ModelLimits.maximumNoteBytes))
    let range = ModelLimits.timeRange
    let time = fields["observedAt"]?.objectValue?["description"]?.stringValue ?? ""
    #expect(time.contains(range.earliest) && time.contains(range.latest))
    for tool in Self.tools {
      for (path, schema) in Self.properties(tool.inputSchema, path: tool.name)
      where schema["type"] == "integer" {
        #expect(schema["minimum"] != nil && schema["maximum"] != nil, "\(path)")
      }
    }
  }

  /// Every number and list bound of the schemas is `OperationLimits.standard`'s, the limits
  /// the operations enforce on every edge.
  @Test func boundsAreTheOperationLimits() throws {
    let limits = OperationLimits.standard
    let expected: [String: Value] = [
      "get_context.budget.beliefs.maximum": .int(limits.maximumPromptBeliefs),
      "get_context.budget.characters.maximum": .int(limits.maximumPromptCharacters),
      "get_context.excludedLimit.maximum": .int(limits.maximumPromptExcluded),
      "explain_belief.limit.maximum": .int(limits.maximumExplanationItems),
      "next_question.limit.maximum": .int(limits.maximumQuestions),
      "record_observation.evidence.maxItems": .int(limits.maximumBatchSize),
      "record_reaction.response.candidates.maxItems": .int(limits.maximumCandidates),
    ]
    var found: [String: Value] = [:]
    for tool in Self.tools {
      for (path, schema) in Self.properties(tool.inputSchema, path: tool.name) {
        for bound in ["maximum", "maxItems"] {
          if let value = schema[bound] { found[path + "." + bound] = value }
        }
      }
    }
    for (path, value) in expected { #expect(found[path] == value, "\(path)") }
    let budget = try #require(found["get_context.budget.beliefs.maximum"]?.intValue)
    let small = ToolCatalog.tools(
      for: AgentPolicy(writableSources: [Fixture.agent]),
      limits: OperationLimits(
        maximumBatchSize: 1, maximumPromptBeliefs: budget / 2, maximumPromptCharacters: 1,
        maximumPromptExcluded: 1, maximumExplanationItems: 1, maximumQuestions: 1,
        maximumCandidates: 1, maximumPageSize: 1))
    let context = try #require(small.first { $0.name == "get_context" })
    let beliefs = Self.properties(context.inputSchema, path: "").first { $0.0 == ".budget.beliefs" }
    #expect(beliefs?.1["maximum"] == .int(budget / 2))
  }

  /// Each tool's example, sent as it is (with the fixture's user), passes argument decoding:
  /// whatever it answers, it is not a complaint about the arguments' shape.
  @Test func everyExampleIsACallTheServerAccepts() async throws {
    let fixture = try await Fixture()
    let runner = fixture.runner(allowingNewUsers: true)
    for tool in Self.tools {
      let example = try #require(tool.inputSchema.objectValue?["examples"]?.arrayValue?.first)
      let result = await runner.call(tool.name, arguments: example.objectValue, scope: .all)
      #expect(
        !["invalidArguments", "invalidIdentifier"].contains(result.code ?? ""),
        "\(tool.name): \(result.text)")
    }
    await fixture.remove()
  }

  @Test(arguments: [30, 60, 100, 150])
  func theCharacterBudgetIsHonouredAndExplained(characters: Int) async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    _ = try await client.call("record_observation", WriteToolTests.observation)
    let result = try await client.call(
      "get_context", ["user": "u1", "budget": ["beliefs": 20, "characters": .int(characters)]])
    let context = try result.response(PromptContext.self)
    #expect(context.text.count <= characters, "\(context.text)")
    #expect(!context.text.contains("nothing relevant"))
    if context.entries.isEmpty {
      let closing = "- 2 relevant belief(s) left out by the character budget"
      #expect(closing.hasPrefix(context.text) || context.text.hasSuffix(closing))
    }
    await fixture.remove()
  }
}
