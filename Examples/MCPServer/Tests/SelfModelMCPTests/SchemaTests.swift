import Foundation
import MCP
import SelfModel
import SelfModelMCP
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

  @Test func numbersStateTheirRanges() throws {
    let observation = try #require(Self.tools.first { $0.name == "record_observation" })
    let fields = observation.inputSchema.objectValue?["properties"]?.objectValue ?? [:]
    #expect(fields["weight"]?.objectValue?["exclusiveMinimum"] == 0)
    #expect(fields["weight"]?.objectValue?["maximum"] == .double(ModelLimits.maximumWeight))
    #expect(fields["note"]?.objectValue?["maxLength"] == .int(ModelLimits.maximumNoteBytes))
    let range = ModelLimits.timeRange
    let time = fields["observedAt"]?.objectValue?["description"]?.stringValue ?? ""
    #expect(time.contains(range.earliest) && time.contains(range.latest))
    let context = try #require(Self.tools.first { $0.name == "get_context" })
    let properties = context.inputSchema.objectValue?["properties"]?.objectValue
    #expect(properties?["budget"]?.objectValue?["maximum"] == 50)
    let tags = properties?["tags"]?.objectValue?["items"]?.objectValue
    #expect(tags?["maxLength"] == .int(ModelLimits.maximumTagBytes))
    let prefixes = properties?["keyPrefixes"]?.objectValue?["items"]?.objectValue
    #expect(prefixes?["maxLength"] == .int(ModelLimits.maximumIdentifierBytes))
    for tool in Self.tools {
      for (path, schema) in Self.properties(tool.inputSchema, path: tool.name)
      where schema["type"] == "integer" {
        #expect(schema["minimum"] != nil && schema["maximum"] != nil, "\(path)")
      }
    }
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
      "get_context", ["user": "u1", "characters": .int(characters)])
    #expect(result.isError == false, "\(result.text)")
    #expect(result.text.count <= characters, "\(result.text)")
    #expect(!result.text.contains("nothing relevant"))
    let entries = result.structuredContent?.objectValue?["entries"]?.arrayValue ?? []
    if entries.isEmpty {
      let closing = "- 2 relevant belief(s) left out by the character budget"
      #expect(closing.hasPrefix(result.text) || result.text.hasSuffix(closing))
    }
    await fixture.remove()
  }
}
