import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelStore
import Testing

/// What an agent needs to start: the catalogue's vocabulary, and a user to write to where the
/// operator allows agents to create one.
@Suite struct StartingToolTests {
  @Test func listBeliefsGivesKeysStatementsAndOutcomes() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let all = try await client.call("list_beliefs", [:])
    #expect(all.isError == false, "\(all.text)")
    let content = try #require(all.structuredContent?.objectValue)
    #expect(content["catalogueVersion"] == 1)
    #expect(content["total"] == 3)
    #expect(content["agentSources"] == ["agent:planner"])
    let beliefs = content["beliefs"]?.arrayValue?.compactMap(\.objectValue) ?? []
    #expect(beliefs.map { $0["key"] } == ["coding.tests-first", "style.concise", "style.tone"])
    #expect(beliefs[2]["outcomes"] == ["formal", "casual", "playful"])
    #expect(beliefs[1]["statement"] == "Prefers concise answers")
    #expect(beliefs[1]["contexts"] == ["surface:onboarding"])
    #expect(all.text.contains("- style.tone: Preferred tone (outcomes formal, casual, playful)"))
    let filtered = try await client.call("list_beliefs", ["tags": ["coding"]])
    #expect(filtered.structuredContent?.objectValue?["total"] == 1)
    let limited = try await client.call("list_beliefs", ["keyPrefixes": ["style."], "limit": 1])
    #expect(limited.structuredContent?.objectValue?["beliefs"]?.arrayValue?.count == 1)
    #expect(limited.structuredContent?.objectValue?["total"] == 2)
    #expect(limited.text.contains("(1 more)"))
    let bad = try await client.call("list_beliefs", ["limit": 0])
    #expect(bad.code == "numberOutOfRange")
    await fixture.remove()
  }

  @Test func createUserIsOfferedOnlyWhenTheOperatorAllowsIt() async throws {
    let fixture = try await Fixture()
    let closed = try await fixture.client()
    let (tools, _) = try await closed.listTools()
    #expect(!tools.map(\.name).contains("create_user"))
    #expect(try await closed.call("create_user", ["user": "u3"]).code == "unknownTool")
    #expect(try await fixture.store.contains("u3") == false)

    let open = try await fixture.client(allowingNewUsers: true)
    #expect(try await open.listTools().tools.map(\.name).contains("create_user"))
    let created = try await open.call("create_user", ["user": "u3"])
    #expect(created.isError == false, "\(created.text)")
    #expect(created.structuredContent == ["user": "u3", "created": true])
    let again = try await open.call("create_user", ["user": "u3"])
    #expect(again.structuredContent == ["user": "u3", "created": false])
    let context = try await open.call("get_context", ["user": "u3"])
    #expect(context.isError == false)
    await fixture.remove()
  }

  @Test func createUserStaysWithinTheScope() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client(scope: .only(["u7"]), allowingNewUsers: true)
    #expect(try await client.call("create_user", ["user": "u8"]).code == "userNotPermitted")
    #expect(try await client.call("create_user", ["user": "no such!"]).code == "invalidIdentifier")
    #expect(try await client.call("create_user", ["user": "u7"]).isError == false)
    #expect(try await fixture.store.contains("u8") == false)
    #expect(try await fixture.store.contains("u7"))
    await fixture.remove()
  }
}
