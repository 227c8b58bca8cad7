import Foundation
import MCP
import SelfModel
import SelfModelMCP
import SelfModelOperations
import SelfModelStore
import ServiceAccess
import Testing

/// What an agent needs to start: the catalogue's vocabulary, and a user to write to where the
/// operator allows agents to create one.
@Suite struct StartingToolTests {
  @Test func listBeliefsGivesKeysStatementsAndOutcomes() async throws {
    let fixture = try await Fixture()
    let client = try await fixture.client()
    let all = try await client.call("list_beliefs", [:])
    let vocabulary = try all.response(VocabularyResponse.self)
    #expect(vocabulary.version == 1)
    #expect(vocabulary.sources.map(\.id) == ["user", "agent:planner"])
    let beliefs = vocabulary.beliefs
    #expect(beliefs.map(\.key) == ["style.concise", "style.tone", "coding.tests-first"])
    #expect(beliefs[1].outcomes == ["formal", "casual", "playful"])
    #expect(beliefs[0].statement == "Prefers concise answers")
    #expect(beliefs[0].contexts == ["surface:onboarding"])
    let filtered = try await client.call("list_beliefs", ["tags": ["coding"]])
    #expect(filtered.code == "invalidArguments")
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
    #expect(try created.response(UserSummary.self).user == "u3")
    let again = try await open.call("create_user", ["user": "u3"])
    #expect(again.code == "userAlreadyExists")
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
